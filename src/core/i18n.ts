/**
 * The kit's words in every language it speaks. Pure: the English table (always present), the
 * languages there are, how a page's `lang` (BCP 47) picks one, its writing direction, and how a
 * message's placeholders are filled. The other languages' tables are modules of their own
 * (src/locales/), loaded only for a page that uses them (src/core/locale-loader.ts).
 */

/** English: the default, and what every other table must translate, key for key. */
export const en = {
  camera: 'Camera',
  microphone: 'Microphone',
  speaker: 'Speaker',
  device: 'Device',
  screenShare: 'Screen share',
  shareScreen: 'Share screen',
  flipCamera: 'Flip camera',
  leave: 'Leave',
  screenShareInterrupted: 'Screen sharing stopped when the connection dropped. Press to share again.',
  noWebRTC: 'This browser cannot join video calls: it has no WebRTC (RTCPeerConnection).',
  blockedCamera: 'The camera is blocked by the page this call is embedded in (its <iframe> needs {allow}).',
  blockedMicrophone: 'The microphone is blocked by the page this call is embedded in (its <iframe> needs {allow}).',
  blockedScreenShare: 'Screen sharing is blocked by the page this call is embedded in (its <iframe> needs {allow}).',
  blockedAutoplay: 'Sound without a click is blocked by the page this call is embedded in (its <iframe> needs {allow}).',
  disconnected: 'Disconnected',
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
  qualityExcellent: 'Excellent connection',
  qualityGood: 'Good connection',
  qualityPoor: 'Poor connection',
  qualityLost: 'Connection lost',
  qualityUnknown: 'Connection quality unknown',
  chatHeading: 'Messages',
  chatPlaceholder: 'Enter a message…',
  chatInput: 'Message',
  send: 'Send',
  edited: 'edited',
  chatDisconnected: 'Not connected: your message was not sent.',
  chatNotAllowed: 'You may not send messages in this room.',
  chatSendFailed: 'Your message could not be sent.',
  chatTooLong: 'Your message is too long: at most {max} characters.',
  participants: 'Participants',
  you: '(you)',
  speaking: 'Speaking',
  micOn: 'Microphone on',
  micMuted: 'Microphone muted',
  micOff: 'Microphone off',
  cameraOn: 'Camera on',
  cameraMuted: 'Camera muted',
  cameraOff: 'Camera off',
  pin: 'Pin',
  encrypted: 'Encrypted',
  decryptFailed: 'Cannot decrypt',
  previousPage: 'Previous page',
  nextPage: 'Next page',
  pages: 'Pages',
  startConversation: 'Start conversation',
  end: 'End',
  voiceAssistant: 'Voice assistant',
  close: 'Close',
  agentInitializing: 'The agent is getting ready…',
  listening: 'Listening',
  thinking: 'Thinking…',
  agentUnavailable: 'The agent is not available right now. Please try again later.',
  connectionError: 'Could not connect. Please try again.',
  microphoneError: 'The microphone could not be used. Check that this page may use it.',
  yourName: 'Your name',
  join: 'Join',
  microphoneLevel: 'Microphone level',
  cameraUnavailable: 'The camera cannot be used; you will join without it.',
  microphoneUnavailable: 'The microphone cannot be used; you will join without it.',
  transcript: 'Transcript',
  noTranscriptions: 'No transcriptions yet.',
  startAudio: 'Start audio',
  recording: 'Recording',
  chat: 'Chat',
  callControls: 'Call controls',
  captions: 'Captions',
  previewYou: 'You',
} as const;

/** A message's name. */
export type MessageKey = keyof typeof en;

/** One language's table: every key, translated. */
export type Messages = { readonly [K in MessageKey]: string };

/** The languages with a table, by their BCP 47 primary subtag. */
export const LANGUAGES = ['en', 'de', 'fr', 'es', 'pt', 'it', 'nl', 'pl', 'ja', 'zh', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The languages written right to left. */
const RTL: ReadonlySet<Language> = new Set(['ar']);

/**
 * The table for a `lang` value (BCP 47): its primary language subtag, case-insensitive, when the kit
 * has that language (`de-CH` → `de`, `pt-BR` → `pt`, `zh-Hant-TW` → `zh`); anything else, the
 * empty string and a missing value included, is English.
 */
export function matchLanguage(tag: string | null | undefined): Language {
  const primary = (tag ?? '').trim().split(/[-_]/, 1)[0].toLowerCase();
  return (LANGUAGES as readonly string[]).includes(primary) ? (primary as Language) : 'en';
}

/** The writing direction of a language. */
export function directionOf(language: Language): 'ltr' | 'rtl' {
  return RTL.has(language) ? 'rtl' : 'ltr';
}

/** The `{name}` placeholders of a message, in order. */
export function placeholders(message: string): string[] {
  return [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
}

/** A message with its `{name}` placeholders filled; a placeholder without a value stays as written. */
export function fill(message: string, values: Readonly<Record<string, string | number>> = {}): string {
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
