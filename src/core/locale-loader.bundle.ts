/**
 * Where the translations come from, for the one-file bundle: `livekit-elements.locale-<lang>.js`
 * beside the bundle (written by vite.config.ts), fetched the first time an element on the page uses
 * that language.
 */
import type { Language, Messages } from './i18n.js';

/** The table of a language other than English. */
export async function importMessages(language: Exclude<Language, 'en'>): Promise<Messages> {
  const url = new URL(/* @vite-ignore */ `./livekit-elements.locale-${language}.js`, import.meta.url).href;
  return ((await import(/* @vite-ignore */ url)) as { default: Messages }).default;
}
