/**
 * Error classification: every failure an element reports becomes an `lk-error` with one of these
 * codes. Pure: judges by `ConnectionError.reason` and `status` (its `reasonName` is not reliable
 * once livekit-client re-wraps a signal error) and by a media error's DOMException name.
 */
import { ConnectionError, ConnectionErrorReason, DisconnectReason } from 'livekit-client';

export type LkErrorCode =
  | 'invalid-attribute'
  | 'token'
  | 'room-not-found'
  | 'server-unreachable'
  | 'timeout'
  | 'connection'
  | 'connection-lost'
  | 'permission-denied'
  | 'blocked-by-embedder'
  | 'device-not-found'
  | 'device-in-use'
  | 'publish-failed'
  | 'message-too-long'
  | 'agent-unavailable'
  | 'encryption'
  | 'effect-unsupported'
  | 'unsupported';

export interface LkErrorDetail {
  code: LkErrorCode;
  message: string;
  cause?: unknown;
  /** For `connection-lost`: livekit-client's `DisconnectReason` name. */
  reason?: string;
  /** For `invalid-attribute`: the attribute, its value and the accepted forms. */
  attribute?: string;
  value?: string;
  accepted?: string;
}

/** A failure while getting a token from `token-endpoint`. */
export class TokenEndpointError extends Error {
  constructor(message: string, readonly status?: number, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TokenEndpointError';
  }
}

/** A connection attempt that did not finish within its time (the room session bounds each one). */
export class ConnectTimeout extends Error {
  constructor(readonly ms: number) {
    super(`no connection within ${ms / 1000} s`);
    this.name = 'ConnectTimeout';
  }
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** True for the error livekit-client raises when a connection attempt is cancelled by a disconnect. */
export function isCancelled(err: unknown): boolean {
  return err instanceof ConnectionError && err.reason === ConnectionErrorReason.Cancelled;
}

/** Classifies a failure of `Room.connect()` or of fetching the token. */
export function classifyConnectionError(err: unknown): LkErrorDetail {
  const detail = (code: LkErrorCode, what: string): LkErrorDetail => ({ code, message: `${what}: ${messageOf(err)}`, cause: err });
  if (err instanceof TokenEndpointError) return detail('token', 'The token endpoint did not give a token');
  if (err instanceof ConnectTimeout) return detail('timeout', 'The connection timed out');
  if (err instanceof ConnectionError) {
    const status: number | undefined = (err as { status?: number }).status;
    if (status === 401 || status === 403) return detail('token', `The server refused the token (${status})`);
    if (status === 404 && err.reason === ConnectionErrorReason.NotAllowed) return detail('room-not-found', 'The room does not exist');
    switch (err.reason) {
      case ConnectionErrorReason.NotAllowed:
        return detail('token', 'The server did not allow the connection');
      case ConnectionErrorReason.ServerUnreachable:
        return detail('server-unreachable', 'The LiveKit server could not be reached');
      case ConnectionErrorReason.Timeout:
        return detail('timeout', 'The connection timed out');
      default:
        return detail('connection', 'The connection failed');
    }
  }
  return detail('connection', 'The connection failed');
}

/** Classifies a failure to capture or publish a camera, microphone or screen. */
export function classifyMediaError(err: unknown, what: string): LkErrorDetail {
  const name = err instanceof Error ? err.name : '';
  const code: LkErrorCode =
    name === 'NotAllowedError' || name === 'SecurityError'
      ? 'permission-denied'
      : name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'DeviceNotFoundError'
        ? 'device-not-found'
        : name === 'NotReadableError' || name === 'AbortError'
          ? 'device-in-use'
          : name === 'NotSupportedError' || name === 'DeviceUnsupportedError'
            ? 'unsupported'
            : 'publish-failed';
  return { code, message: `Could not start the ${what}: ${messageOf(err)}`, cause: err };
}

/**
 * Whether a room that should stay connected joins again after the SDK disconnected it for `reason`.
 * Not when the page or a control left (`CLIENT_INITIATED`), nor when the server meant it: another
 * page joined with the same identity, the participant was removed, the room was deleted, or the
 * callee rejected the call.
 */
export function shouldRejoin(reason: DisconnectReason | undefined): boolean {
  switch (reason) {
    case DisconnectReason.CLIENT_INITIATED:
    case DisconnectReason.DUPLICATE_IDENTITY:
    case DisconnectReason.PARTICIPANT_REMOVED:
    case DisconnectReason.ROOM_DELETED:
    case DisconnectReason.USER_REJECTED:
      return false;
    default:
      return true;
  }
}

/** Whether a failed connection attempt is worth another try: not when the token or the room is refused. */
export function isRetryable(detail: LkErrorDetail): boolean {
  return detail.code === 'server-unreachable' || detail.code === 'timeout' || detail.code === 'connection';
}
