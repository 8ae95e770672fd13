/**
 * The `preview` attribute of `<lk-room>` and `<lk-conference>`: a simulated call for page builders
 * and design tools, shown without a server, a token or a camera. Its grammar, and who is in the
 * simulated call. Pure functions, no DOM.
 */
import { InvalidValue } from './grammar.js';

/** The number of participants (the local one included) of `preview` without a number. */
export const DEFAULT_PREVIEW_COUNT = 4;

/** The most participants a preview simulates. */
export const MAX_PREVIEW_COUNT = 48;

/** The words that ask for a screen share (as `controls` and `sources` spell it). */
const SCREEN_SHARE_WORDS = ['screenshare', 'screen_share'];
const TRUE_WORDS = ['true', 'on', 'yes'];
const FALSE_WORDS = ['false', 'off', 'no'];

export const PREVIEW_ACCEPTED = `empty or true (${DEFAULT_PREVIEW_COUNT} participants), a number of participants from 1 to ${MAX_PREVIEW_COUNT} (you included), screenshare (one of them shares a screen), or both separated by a space or a comma ("6 screenshare"); false, off or no for no preview`;

/** What `preview` asks for. */
export interface PreviewSettings {
  /** Participants in the call, the local one included. */
  count: number;
  /** One participant shares a screen. */
  screenShare: boolean;
}

/** `preview` with no value. */
export const DEFAULT_PREVIEW: PreviewSettings = { count: DEFAULT_PREVIEW_COUNT, screenShare: false };

/**
 * `preview` (`''`), `preview="6"`, `preview="screenshare"`, `preview="6 screenshare"`: the
 * simulated call asked for; `undefined` for `false`, `off` or `no` (as every boolean attribute of
 * the kit reads them). Words in any order and case, separated by spaces or commas, each once.
 * Throws `InvalidValue` for anything else.
 */
export function parsePreview(value: string): PreviewSettings | undefined {
  const words = value
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
  if (words.length === 1 && FALSE_WORDS.includes(words[0])) return undefined;
  if (words.length === 1 && TRUE_WORDS.includes(words[0])) return DEFAULT_PREVIEW;
  let count: number | undefined;
  let screenShare = false;
  for (const word of words) {
    if (SCREEN_SHARE_WORDS.includes(word)) {
      if (screenShare) throw new InvalidValue(PREVIEW_ACCEPTED, `"${word}" is given twice`);
      screenShare = true;
    } else if (/^\d+$/.test(word)) {
      if (count !== undefined) throw new InvalidValue(PREVIEW_ACCEPTED, `"${word}" is a second number`);
      count = Number(word);
      if (count < 1 || count > MAX_PREVIEW_COUNT) throw new InvalidValue(PREVIEW_ACCEPTED, `${word} is out of range`);
    } else if (TRUE_WORDS.includes(word) || FALSE_WORDS.includes(word)) {
      throw new InvalidValue(PREVIEW_ACCEPTED, `"${word}" stands alone`);
    } else {
      throw new InvalidValue(PREVIEW_ACCEPTED, `"${word}" is neither a number nor screenshare`);
    }
  }
  return { count: count ?? DEFAULT_PREVIEW_COUNT, screenShare };
}

/** Settings as a comparable string: equal settings give the same call. */
export function previewKey(settings: PreviewSettings | undefined): string | undefined {
  return settings && `${settings.count}${settings.screenShare ? ' screenshare' : ''}`;
}

/** One participant of the simulated call. */
export interface PreviewParticipant {
  identity: string;
  name: string;
  local: boolean;
  /** A camera (a generated video pattern) is on; otherwise the tile shows the initials. */
  camera: boolean;
  /** The microphone is on (not muted). */
  microphone: boolean;
  /** Speaking now (the tile's speaking ring). */
  speaking: boolean;
  /** Shares a screen. */
  screenShare: boolean;
  /** The colour of the video pattern, a hue in degrees. */
  hue: number;
}

/** Names that read as people in many places; the simulated call takes them in order. */
export const PREVIEW_NAMES = [
  'Alex Morgan',
  'Priya Patel',
  'Sam Rivera',
  'Mei Chen',
  'Omar Haddad',
  'Lena Novak',
  'Kofi Mensah',
  'Sofia Rossi',
  'Kai Tanaka',
  'Nora Berg',
  'Lucas Silva',
  'Elif Yilmaz',
  'Ravi Kumar',
  'Ana Torres',
  'Jonas Weber',
  'Amara Okafor',
] as const;

/** What the local participant of the simulated call is like: the page's name and camera/microphone. */
export interface PreviewLocal {
  /** Its name (`participant-name`); `fallbackName` without one. */
  name?: string;
  fallbackName: string;
  camera: boolean;
  microphone: boolean;
}

/** The identity of the local participant of the simulated call. */
export const PREVIEW_LOCAL_IDENTITY = 'preview-local';

/**
 * Who is in the simulated call: the local participant first (its camera and microphone as the page
 * turns them on once connected), then `count - 1` others with names from {@link PREVIEW_NAMES}
 * (numbered once the list is used up). The first other one presents: speaks and, when asked, shares
 * the screen (the local participant does, alone in the call). Every third other one has the camera
 * off (the tile shows the initials) and every fourth the microphone muted, so the tiles show each
 * state.
 */
export function previewParticipants(settings: PreviewSettings, local: PreviewLocal): PreviewParticipant[] {
  const alone = settings.count === 1;
  const participants: PreviewParticipant[] = [
    {
      identity: PREVIEW_LOCAL_IDENTITY,
      name: local.name?.trim() || local.fallbackName,
      local: true,
      camera: local.camera,
      microphone: local.microphone,
      speaking: false,
      screenShare: alone && settings.screenShare,
      hue: 210,
    },
  ];
  for (let i = 1; i < settings.count; i++) {
    const base = PREVIEW_NAMES[(i - 1) % PREVIEW_NAMES.length];
    const round = Math.floor((i - 1) / PREVIEW_NAMES.length);
    const presenter = i === 1;
    participants.push({
      identity: `preview-${i}`,
      name: round === 0 ? base : `${base} ${round + 1}`,
      local: false,
      camera: i % 3 !== 0,
      microphone: presenter || i % 4 !== 0,
      speaking: presenter,
      screenShare: presenter && settings.screenShare,
      // The golden angle: neighbours never share a colour.
      hue: Math.round((i * 137.508) % 360),
    });
  }
  return participants;
}

