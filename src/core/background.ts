/**
 * Camera background effects: the grammar of the `background` attribute and where the segmentation
 * assets are. Pure, no DOM. The effect itself runs in src/core/background-processor.ts.
 */
import { InvalidValue } from './grammar.js';

/** What to do with the camera's background. */
export type BackgroundEffect = { kind: 'none' } | { kind: 'blur'; radius: number } | { kind: 'image'; url: string };

export const NO_BACKGROUND_EFFECT: BackgroundEffect = { kind: 'none' };

/** The blur radius `blur` alone stands for (livekit's track-processors default). */
export const DEFAULT_BLUR_RADIUS = 10;

/** The radii `blur:N` takes, in pixels of the processed frame. */
export const BLUR_RADIUS = { min: 1, max: 100 } as const;

export const BACKGROUND_ACCEPTED = `none, blur, blur:N (a radius from ${BLUR_RADIUS.min} to ${BLUR_RADIUS.max}), or url(<image URL>)`;

/**
 * `none`, `blur`, `blur:N` or `url(<image>)` (the URL may be quoted) → the effect. Words are
 * matched without regard to case; the URL is kept as written.
 */
export function parseBackground(value: string): BackgroundEffect {
  const text = value.trim();
  const word = text.toLowerCase();
  if (word === 'none') return NO_BACKGROUND_EFFECT;
  if (word === 'blur') return { kind: 'blur', radius: DEFAULT_BLUR_RADIUS };
  const blur = /^blur\s*:\s*(\d+)$/i.exec(text);
  if (blur) {
    const radius = Number(blur[1]);
    if (radius < BLUR_RADIUS.min || radius > BLUR_RADIUS.max) throw new InvalidValue(BACKGROUND_ACCEPTED, `blur radius ${blur[1]} is out of range`);
    return { kind: 'blur', radius };
  }
  const image = /^url\(\s*(?:"([^"]*)"|'([^']*)'|([^"'()\s]*))\s*\)$/i.exec(text);
  if (image) {
    const url = (image[1] ?? image[2] ?? image[3]).trim();
    if (url === '') throw new InvalidValue(BACKGROUND_ACCEPTED, 'url() is empty');
    return { kind: 'image', url };
  }
  throw new InvalidValue(BACKGROUND_ACCEPTED);
}

/** A key that is the same for the same effect. */
export function backgroundKey(effect: BackgroundEffect): string {
  return effect.kind === 'blur' ? `blur:${effect.radius}` : effect.kind === 'image' ? `url:${effect.url}` : 'none';
}

/** The file name of the segmentation model in an assets folder. */
export const MODEL_FILE = 'selfie_segmenter.tflite';

/** Where the segmentation runtime and model are: livekit's track-processors `assetPaths`. */
export interface EffectAssets {
  /** The folder of MediaPipe's `vision_wasm_internal.js` / `.wasm` (tasks-vision's `wasm/`). */
  tasksVisionFileSet: string;
  /** The selfie segmenter model (`.tflite`). */
  modelAssetPath: string;
}

/**
 * The assets from the attributes: `folder` (`background-assets`) holds the wasm files and the
 * model, else `defaultFolder` (beside the kit); `model` (`background-model`) names the model alone.
 * Relative URLs are resolved against `base` (the document's URL).
 */
export function effectAssets(folder: string | undefined, model: string | undefined, defaultFolder: string, base: string): EffectAssets {
  const url = (value: string, attribute: string): string => {
    try {
      return new URL(value, base).href;
    } catch {
      throw new InvalidValue('a URL', `${attribute}="${value}" is not a URL`);
    }
  };
  const dir = folder ? url(folder.endsWith('/') ? folder : `${folder}/`, 'background-assets') : new URL(defaultFolder, base).href;
  return {
    tasksVisionFileSet: dir.replace(/\/$/, ''),
    modelAssetPath: model ? url(model, 'background-model') : new URL(MODEL_FILE, dir).href,
  };
}

/**
 * The assets from the attributes; a value that is not a URL is handed to `refuse` (attribute and
 * value) and the default taken in its place.
 */
export function readEffectAssets(
  folder: string | undefined,
  model: string | undefined,
  defaultFolder: string,
  base: string,
  refuse: (attribute: string, value: string, message: string) => void,
): EffectAssets {
  try {
    return effectAssets(folder, model, defaultFolder, base);
  } catch (err) {
    if (!(err instanceof InvalidValue)) throw err;
    const attribute = err.detail?.startsWith('background-model') ? 'background-model' : 'background-assets';
    refuse(attribute, (attribute === 'background-model' ? model : folder) ?? '', err.message);
    return effectAssets(attribute === 'background-assets' ? undefined : folder, undefined, defaultFolder, base);
  }
}
