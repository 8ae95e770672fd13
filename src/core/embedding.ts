/**
 * Embedding rules: what a page inside an `<iframe>` may use, as the embedding page's `allow`
 * attribute (the frame's Permissions Policy) says. A cross-origin frame gets no camera, microphone,
 * screen capture or autoplay unless its `<iframe>` delegates them, and the browser then refuses
 * them without asking the person. Pure: each function judges the document or the facts it is
 * handed (`globalThis.document` in the elements).
 */
import { Track } from 'livekit-client';
import type { MessageKey } from './i18n.js';
import { classifyMediaError, type LkErrorDetail } from './errors.js';

/** The features a call needs from its frame, in the order the `allow` value names them. */
export const EMBED_FEATURES = ['camera', 'microphone', 'display-capture', 'autoplay'] as const;

export type EmbedFeature = (typeof EMBED_FEATURES)[number];

/** A document's Permissions Policy: `document.permissionsPolicy`, or Chromium's older `document.featurePolicy`. */
export interface PolicyLike {
  allowsFeature(feature: string): boolean;
  /** The features the engine knows (Chromium); a feature it does not know is not judged. */
  features?(): string[];
}

/** The part of a document the judgement reads. */
export interface PolicyDocument {
  permissionsPolicy?: PolicyLike;
  featurePolicy?: PolicyLike;
}

/**
 * The features of `EMBED_FEATURES` that the frame's policy blocks, in their fixed order (empty:
 * none); `undefined` when the engine has no Permissions Policy API to ask (Firefox, Safari).
 */
export function blockedFeatures(doc: PolicyDocument | undefined): EmbedFeature[] | undefined {
  const policy = doc?.permissionsPolicy ?? doc?.featurePolicy;
  if (!policy || typeof policy.allowsFeature !== 'function') return undefined;
  let known: string[] | undefined;
  try {
    known = typeof policy.features === 'function' ? policy.features() : undefined;
  } catch {
    known = undefined;
  }
  return EMBED_FEATURES.filter((feature) => (!known || known.includes(feature)) && !policy.allowsFeature(feature));
}

/** The `allow` attribute that grants `features`, in the fixed order: `allow="camera; microphone"`. */
export function allowValue(features: readonly EmbedFeature[]): string {
  return `allow="${EMBED_FEATURES.filter((feature) => features.includes(feature)).join('; ')}"`;
}

/** The feature a local source needs: camera, microphone, or display-capture for a screen share (and its audio). */
export function sourceFeature(source: Track.Source | string): EmbedFeature | undefined {
  return Object.hasOwn(SOURCE_FEATURES, source) ? SOURCE_FEATURES[source] : undefined;
}

const SOURCE_FEATURES: Partial<Record<string, EmbedFeature>> = {
  [Track.Source.Camera]: 'camera',
  [Track.Source.Microphone]: 'microphone',
  [Track.Source.ScreenShare]: 'display-capture',
  [Track.Source.ScreenShareAudio]: 'display-capture',
};

/**
 * The `lk-error` `blocked-by-embedder` for a frame whose policy blocks `features` (in the fixed
 * order; never empty), naming the `allow` value the embedding page's `<iframe>` needs. (A top-level
 * page whose own `Permissions-Policy` header blocks them gets it too: the message says both.)
 */
export function blockedByEmbedder(features: readonly EmbedFeature[], cause?: unknown): LkErrorDetail {
  const blocked = EMBED_FEATURES.filter((feature) => features.includes(feature));
  const detail: LkErrorDetail = {
    code: 'blocked-by-embedder',
    message: `The <iframe> that embeds this page does not allow ${blocked.join(', ')}: add ${allowValue(blocked)} to it (or allow them in the page's Permissions-Policy header). The call goes on without them${blocked.includes('autoplay') ? '; sound waits for a click' : ''}.`,
  };
  return cause === undefined ? detail : { ...detail, cause };
}

const REASON_KEYS: Record<EmbedFeature, MessageKey> = {
  camera: 'blockedCamera',
  microphone: 'blockedMicrophone',
  'display-capture': 'blockedScreenShare',
  autoplay: 'blockedAutoplay',
};

/**
 * The reason shown on a control that the frame's policy disables (its `title` and description):
 * for people, in the page's language, naming what the embedding page's `<iframe>` needs. The
 * message's key, and the `allow` value that fills its `{allow}`.
 */
export function blockedReason(feature: EmbedFeature): { key: MessageKey; allow: string } {
  return { key: REASON_KEYS[feature], allow: allowValue([feature]) };
}

/** What is known about the frame a capture failed in, for `classifyCaptureError`. */
export interface FrameFacts {
  /** The page is in a frame of another origin than its top-level page. */
  crossOriginFrame: boolean;
  /** The features the policy blocks, or `undefined` when the engine has no Permissions Policy API. */
  blocked: readonly EmbedFeature[] | undefined;
  /** How many devices of the source's kind `enumerateDevices()` lists, if it was asked. */
  listed?: number;
}

/**
 * Classifies a failure to capture `source`, knowing the frame it happened in. Where the policy
 * API answers, a blocked feature is `blocked-by-embedder` whatever the error. Where it cannot be
 * asked (Firefox, Safari), a `NotAllowedError` for the camera or microphone in a cross-origin frame
 * is `blocked-by-embedder` when the frame lists no device of that kind: a frame whose policy blocks
 * a feature sees none of its devices (Firefox leaves them out of `enumerateDevices()`), while a
 * person's refusal leaves them listed, and a machine without one gives `NotFoundError` instead.
 * Anything else, a person's own refusal included, stays as `classifyMediaError` says.
 */
export function classifyCaptureError(err: unknown, source: Track.Source | string, what: string, frame: FrameFacts): LkErrorDetail {
  const feature = sourceFeature(source);
  const detail = classifyMediaError(err, what);
  if (!feature) return detail;
  if (frame.blocked) return frame.blocked.includes(feature) ? blockedByEmbedder([feature], err) : detail;
  const name = err instanceof Error ? err.name : '';
  return frame.crossOriginFrame && name === 'NotAllowedError' && frame.listed === 0 ? blockedByEmbedder([feature], err) : detail;
}

/** The parts of a window the frame checks read. */
export interface FrameScope {
  document?: PolicyDocument;
  self?: unknown;
  top?: { location?: { href?: string } } | null;
  navigator?: { mediaDevices?: { enumerateDevices?(): Promise<{ kind: string }[]> } };
}

/** The features the policy of `scope`'s document blocks (see `blockedFeatures`). */
export function frameBlocks(scope: FrameScope): EmbedFeature[] | undefined {
  return blockedFeatures(scope.document);
}

/** Whether `scope` is a frame whose top-level page is of another origin (reading its address throws). */
export function inCrossOriginFrame(scope: FrameScope): boolean {
  if (!scope.top || scope.top === scope.self) return false;
  try {
    return typeof scope.top.location?.href !== 'string';
  } catch {
    return true;
  }
}

const DEVICE_KINDS: Partial<Record<EmbedFeature, string>> = { camera: 'videoinput', microphone: 'audioinput' };

/** How many devices of `feature`'s kind (camera, microphone) the page may see; `undefined` where it cannot say. */
export async function listedDevices(scope: FrameScope, feature: EmbedFeature): Promise<number | undefined> {
  const kind = DEVICE_KINDS[feature];
  if (!kind || typeof scope.navigator?.mediaDevices?.enumerateDevices !== 'function') return undefined;
  try {
    return (await scope.navigator.mediaDevices.enumerateDevices()).filter((device) => device.kind === kind).length;
  } catch {
    return undefined;
  }
}

/**
 * The classifier of a capture of `source` in `scope` (see `classifyCaptureError`): it asks for the
 * devices only where that decides (no policy API, a cross-origin frame, a `NotAllowedError`).
 */
export function captureErrorClassifier(scope: FrameScope, source: Track.Source | string): (err: unknown, what: string) => Promise<LkErrorDetail> {
  return async (err, what) => {
    const blocked = frameBlocks(scope);
    const crossOriginFrame = inCrossOriginFrame(scope);
    const feature = sourceFeature(source);
    const asks = !blocked && crossOriginFrame && !!feature && err instanceof Error && err.name === 'NotAllowedError';
    const listed = asks ? await listedDevices(scope, feature) : undefined;
    return classifyCaptureError(err, source, what, { crossOriginFrame, blocked, listed });
  };
}
