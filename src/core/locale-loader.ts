/**
 * Where the translations come from, for the ES modules: one module per language (src/locales/),
 * each its own chunk, imported the first time an element on the page uses that language. The
 * one-file bundle replaces this module with locale-loader.bundle.ts.
 */
import type { Language, Messages } from './i18n.js';

type Other = Exclude<Language, 'en'>;

// Written out, one literal `import()` per language, so that every bundler sees each chunk.
const LOADERS: Record<Other, () => Promise<{ default: Messages }>> = {
  de: () => import('../locales/de.js'),
  fr: () => import('../locales/fr.js'),
  es: () => import('../locales/es.js'),
  pt: () => import('../locales/pt.js'),
  it: () => import('../locales/it.js'),
  nl: () => import('../locales/nl.js'),
  pl: () => import('../locales/pl.js'),
  ja: () => import('../locales/ja.js'),
  zh: () => import('../locales/zh.js'),
  ar: () => import('../locales/ar.js'),
};

/** The table of a language other than English. */
export async function importMessages(language: Other): Promise<Messages> {
  return (await LOADERS[language]()).default;
}
