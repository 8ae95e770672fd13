import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { parseFlag, parseTri } from '../../src/core/grammar.js';
import { CATALOG } from '../../src/grapesjs/catalog.js';
import {
  DEFAULT_OPTION_LABEL,
  attributeValue,
  traitOf,
  traitsOf,
  traitValue,
  type BuilderCatalog,
  type TraitSpec,
} from '../../src/grapesjs/traits.js';

const grammars: BuilderCatalog['grammars'] = {
  tri: { doc: 'absent: the SDK default; `true` or `false`', words: ['true', 'false'] },
  bitrate: { doc: 'bits per second: `800000`, `800k`, `1.5M`' },
};

const conference = () => CATALOG.elements.find((e) => e.tag === 'lk-conference')!;
const traitNamed = (traits: TraitSpec[], name: string) => traits.find((t) => t.name === name)!;

describe('core: page-builder traits from the manifest', () => {
  it('a boolean attribute is a checkbox', () => {
    const trait = traitOf({ name: 'connect', type: 'boolean', description: 'Stay connected.', default: 'false' }, grammars);
    expect(trait).to.include({ kind: 'checkbox', name: 'connect', category: 'Room' });
    expect(trait.help).to.equal('Stay connected.\nDefault: false.');
  });

  it('a tri-state is a select of default, true and false: a checkbox could not say "the SDK default"', () => {
    const trait = traitOf({ name: 'dtx', type: 'tri', description: 'DTX.' }, grammars);
    expect(trait.kind).to.equal('select');
    expect(trait.options).to.deep.equal([
      { id: '', label: DEFAULT_OPTION_LABEL },
      { id: 'true', label: 'true' },
      { id: 'false', label: 'false' },
    ]);
    expect(trait.help).to.include('tri: absent: the SDK default');
  });

  it('an enumeration is a select of default and its words; with tri, true and false first', () => {
    const codec = traitOf({ name: 'video-codec', type: "'vp8'|'h264'" }, grammars);
    expect(codec.options?.map((o) => o.id)).to.deep.equal(['', 'vp8', 'h264']);
    const backup = traitOf({ name: 'backup-codec', type: "tri|'vp8'|'h264'" }, grammars);
    expect(backup.options?.map((o) => o.id)).to.deep.equal(['', 'true', 'false', 'vp8', 'h264']);
    const theme = traitOf({ name: 'theme', type: "'light' | 'dark' | undefined" }, grammars);
    expect(theme.options?.map((o) => o.id)).to.deep.equal(['', 'light', 'dark']);
  });

  it('anything else is a text field; a grammar adds what it accepts to the help, and its last example as placeholder', () => {
    const trait = traitOf({ name: 'video-max-bitrate', type: 'bitrate', description: 'Top layer bitrate.' }, grammars);
    expect(trait).to.include({ kind: 'text', placeholder: '1.5M', category: 'Options' });
    expect(trait.help).to.equal('Top layer bitrate.\nbitrate: bits per second: `800000`, `800k`, `1.5M`.');
    const plain = traitOf({ name: 'chat-label', type: 'string', default: "'Chat'" }, grammars);
    expect(plain).to.include({ kind: 'text', category: 'Labels', help: "Default: 'Chat'." });
    expect(plain).not.to.have.property('placeholder');
  });

  it('an element: read-only state left out, the room first in a fixed order, the rest as the manifest lists them', () => {
    const traits = traitsOf(
      {
        tag: 'lk-x',
        summary: '',
        attributes: [
          { name: 'dtx', type: 'tri' },
          { name: 'video', type: 'boolean' },
          { name: 'pressed', type: 'boolean', readonly: true },
          { name: 'token-endpoint', type: 'string' },
          { name: 'codec', type: "'vp8'" },
        ],
      },
      grammars,
    );
    expect(traits.map((t) => t.name)).to.deep.equal(['token-endpoint', 'video', 'dtx', 'codec']);
  });

  it('writing: a checkbox writes a bare attribute or removes it; "default" and an empty field remove it', () => {
    expect(attributeValue('checkbox', true)).to.equal(true);
    expect(attributeValue('checkbox', false)).to.equal(null);
    expect(attributeValue('select', '')).to.equal(null);
    expect(attributeValue('select', 'false')).to.equal('false');
    expect(attributeValue('text', '  ')).to.equal(null);
    expect(attributeValue('text', '800k')).to.equal('800k');
  });

  it('reading: as HTML reads the attribute', () => {
    const checkbox = { kind: 'checkbox' as const };
    expect(traitValue(checkbox, undefined)).to.equal(false);
    expect(traitValue(checkbox, '')).to.equal(true);
    expect(traitValue(checkbox, true)).to.equal(true);
    expect(traitValue(checkbox, 'off')).to.equal(false);
    const tri = traitOf({ name: 'dtx', type: 'tri' }, grammars);
    expect(traitValue(tri, undefined)).to.equal('');
    expect(traitValue(tri, '')).to.equal('true');
    expect(traitValue(tri, 'false')).to.equal('false');
    expect(traitValue(tri, 'sideways')).to.equal('', 'a value it does not list shows as default');
    expect(traitValue({ kind: 'text' }, '800k')).to.equal('800k');
  });

  it('property: every option of every select of every element comes back as itself, and means what the element reads', () => {
    const selects = CATALOG.elements.flatMap((e) => traitsOf(e, CATALOG.grammars)).filter((t) => t.kind === 'select');
    expect(selects.length).to.be.greaterThan(20);
    fc.assert(
      fc.property(fc.constantFrom(...selects), fc.nat(), (trait, n) => {
        const option = trait.options![n % trait.options!.length];
        const written = attributeValue('select', option.id);
        expect(traitValue(trait, written ?? undefined)).to.equal(option.id);
        if (option.id === 'true' || option.id === 'false') expect(parseTri(written as string)).to.equal(option.id === 'true');
      }),
    );
    for (const checked of [true, false]) {
      const written = attributeValue('checkbox', checked);
      expect(parseFlag(written === null ? null : written === true ? '' : written)).to.equal(checked);
    }
  });

  it('the catalog is custom-elements.json: every element, every attribute an author sets, with its type and description', async () => {
    const manifest = (await (await fetch('/custom-elements.json')).json()) as {
      modules: { exports?: { kind: string; name: string; declaration: { name: string } }[]; declarations?: { name: string; tagName?: string; attributes?: { name: string; type?: { text: string }; description?: string; readonly?: boolean }[] }[] }[];
    };
    const fromManifest = new Map<string, { name: string; type: string; description?: string }[]>();
    for (const moduleDoc of manifest.modules) {
      for (const d of moduleDoc.declarations ?? []) {
        if (!d.tagName) continue;
        fromManifest.set(
          d.tagName,
          (d.attributes ?? []).filter((a) => !a.readonly).map((a) => ({ name: a.name, type: a.type?.text ?? 'string', description: a.description })),
        );
      }
    }
    expect(CATALOG.elements.map((e) => e.tag)).to.deep.equal([...fromManifest.keys()].sort());
    for (const element of CATALOG.elements) {
      expect(element.attributes.map((a) => ({ name: a.name, type: a.type, description: a.description })), element.tag).to.deep.equal(fromManifest.get(element.tag));
    }
  });

  it('<lk-conference>: the room first; connect, audio and video checkboxes; codecs, tri-states and the theme as selects', () => {
    const traits = traitsOf(conference(), CATALOG.grammars);
    expect(traits.slice(0, 7).map((t) => t.name)).to.deep.equal([
      'token-endpoint', 'room-name', 'participant-name', 'participant-identity', 'connect', 'audio', 'video',
    ]);
    for (const name of ['connect', 'audio', 'video', 'chat-open']) expect(traitNamed(traits, name).kind, name).to.equal('checkbox');
    expect(traitNamed(traits, 'simulcast').options?.map((o) => o.id)).to.deep.equal(['', 'true', 'false']);
    expect(traitNamed(traits, 'video-codec').options?.map((o) => o.id)).to.deep.equal(['', 'vp8', 'h264', 'vp9', 'av1', 'h265']);
    expect(traitNamed(traits, 'theme').options?.map((o) => o.id)).to.deep.equal(['', 'light', 'dark']);
    expect(traitNamed(traits, 'video-resolution')).to.include({ kind: 'text', placeholder: '1280x720@24' });
    expect(traitNamed(traits, 'video-resolution').help).to.include('`VideoPresets` name');
    expect(traits.map((t) => t.name)).not.to.include.members(['connection-state', 'recording', 'encrypted']);
  });
});
