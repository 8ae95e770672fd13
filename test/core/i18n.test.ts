import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { LANGUAGES, directionOf, en, fill, matchLanguage, placeholders, type Language, type Messages } from '../../src/core/i18n.js';
import { importMessages } from '../../src/core/locale-loader.js';
import { deviceLabel } from '../../src/core/devices.js';

/** Every table, English included, loaded through the loader the elements use. */
async function allTables(): Promise<Map<Language, Messages>> {
  const tables = new Map<Language, Messages>([['en', en]]);
  for (const language of LANGUAGES) if (language !== 'en') tables.set(language, await importMessages(language));
  return tables;
}

describe('core: languages', () => {
  it('matches a lang value by its primary subtag, any case, and falls back to English', () => {
    const cases: [string | null | undefined, Language][] = [
      ['de', 'de'],
      ['de-CH', 'de'],
      ['DE-at', 'de'],
      ['pt-BR', 'pt'],
      ['pt_PT', 'pt'],
      ['zh-Hant', 'zh'],
      ['zh-TW', 'zh'],
      ['zh-Hans-CN', 'zh'],
      ['ar-EG', 'ar'],
      ['ja-JP', 'ja'],
      [' fr ', 'fr'],
      ['en-GB', 'en'],
      ['sv', 'en'],
      ['x-klingon', 'en'],
      ['deu', 'en'],
      ['', 'en'],
      [null, 'en'],
      [undefined, 'en'],
    ];
    for (const [tag, expected] of cases) expect(matchLanguage(tag), String(tag)).to.equal(expected);
  });

  it('any string gives a language that has a table; a supported subtag with any region gives that language', () => {
    fc.assert(fc.property(fc.string({ maxLength: 30 }), (tag) => (LANGUAGES as readonly string[]).includes(matchLanguage(tag))));
    fc.assert(
      fc.property(fc.constantFrom(...LANGUAGES), fc.stringMatching(/^(-[A-Za-z0-9]{1,8}){0,3}$/), (language, rest) => matchLanguage(language.toUpperCase() + rest) === language),
    );
  });

  it('Arabic is written right to left, every other language left to right', () => {
    expect(LANGUAGES.filter((language) => directionOf(language) === 'rtl')).to.deep.equal(['ar']);
  });

  it('ships the eleven languages, each table with every English key and no other, none empty', async () => {
    expect([...LANGUAGES].sort()).to.deep.equal(['ar', 'de', 'en', 'es', 'fr', 'it', 'ja', 'nl', 'pl', 'pt', 'zh']);
    const keys = Object.keys(en).sort();
    for (const [language, table] of await allTables()) {
      expect(Object.keys(table).sort(), language).to.deep.equal(keys);
      const empty = Object.entries(table).filter(([, text]) => typeof text !== 'string' || text.trim() === '');
      expect(empty, `${language}: empty messages`).to.deep.equal([]);
    }
  });

  it('every translation keeps the English placeholders, and translates (mostly): no table is a copy of English', async () => {
    for (const [language, table] of await allTables()) {
      for (const key of Object.keys(en) as (keyof Messages)[]) {
        expect(placeholders(table[key]).sort(), `${language}.${key}`).to.deep.equal(placeholders(en[key]).sort());
      }
      if (language === 'en') continue;
      const same = (Object.keys(en) as (keyof Messages)[]).filter((key) => table[key] === en[key]);
      // A few words are the same in some languages (Chat, Camera, Participants): at most a handful.
      expect(same.length, `${language} keeps English for ${same.join(', ')}`).to.be.below(5);
    }
  });

  it('fills placeholders with the values given, leaves unknown ones, and never reads markup', () => {
    expect(fill(en.chatTooLong, { max: 4096 })).to.equal('Your message is too long: at most 4096 characters.');
    expect(fill('{a} and {b}', { a: 1 })).to.equal('1 and {b}');
    fc.assert(fc.property(fc.string(), (value) => fill('<{x}>', { x: value }) === `<${value}>`));
    expect(placeholders('{max} of {count}')).to.deep.equal(['max', 'count']);
  });

  it('names unlabelled devices with the names it is given', () => {
    expect(deviceLabel({ label: '', kind: 'videoinput' }, 0)).to.equal('Camera 1');
    expect(deviceLabel({ label: '', kind: 'audioinput' }, 1, { videoinput: 'Kamera', audioinput: 'Mikrofon', audiooutput: 'Lautsprecher' })).to.equal('Mikrofon 2');
    expect(deviceLabel({ label: 'USB', kind: 'audiooutput' }, 1, { videoinput: 'x', audioinput: 'y', audiooutput: 'z' })).to.equal('USB');
  });
});
