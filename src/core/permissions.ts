import { Track } from 'livekit-client';

/** The publish part of a participant's permissions (livekit-client's `ParticipantPermission`). */
export interface PublishPermissions {
  canPublish?: boolean;
  canPublishSources?: readonly number[];
}

/**
 * Whether a token's permissions allow publishing `source`. Unknown permissions allow it: the
 * server has the last word, and a refusal is reported as `publish-failed`.
 */
export function mayPublish(permissions: PublishPermissions | undefined, source: Track.Source): boolean {
  if (!permissions) return true;
  if (permissions.canPublish === false) return false;
  const sources = permissions.canPublishSources ?? [];
  return sources.length === 0 || sources.includes(Track.sourceToProto(source));
}
