// The editor data the integration packages generate (scripts/editor-data.mjs): what VS Code and
// JetBrains IDEs are told about every element, checked against custom-elements.json.
import { expect } from '@open-wc/testing';

interface ManifestAttribute {
  name: string;
  type?: { text: string };
}
interface Manifest {
  modules: { declarations?: { tagName?: string; attributes?: ManifestAttribute[]; events?: { name: string; type?: { text: string } }[] }[] }[];
}
interface VsCodeAttribute {
  name: string;
  description?: string;
  valueSet?: string;
  values?: { name: string }[];
}
interface VsCodeData {
  tags: { name: string; description?: string; attributes: VsCodeAttribute[] }[];
}
interface WebTypesElement {
  name: string;
  attributes?: { name: string; description?: string; value?: { type?: string } }[];
  js?: { events?: { name: string; type?: string }[]; properties?: { name: string }[] };
}
interface WebTypes {
  name: string;
  version: string;
  contributions: { html: { elements: WebTypesElement[] } };
}

const load = async <T>(path: string): Promise<T> => (await (await fetch(path)).json()) as T;

async function elements() {
  const manifest = await load<Manifest>('/custom-elements.json');
  return manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);
}

describe('core: editor data from the integration packages', () => {
  it('VS Code: every element and attribute; tri-state and enumeration values listed; booleans take no value; grammars explained', async () => {
    const data = await load<VsCodeData>('/vscode.html-custom-data.json');
    const declared = await elements();
    expect(data.tags.map((t) => t.name).sort()).to.deep.equal(declared.map((d) => d.tagName).sort());
    for (const d of declared) {
      const tag = data.tags.find((t) => t.name === d.tagName)!;
      expect(tag.attributes.map((a) => a.name).sort(), d.tagName).to.deep.equal((d.attributes ?? []).map((a) => a.name).sort());
    }
    const room = data.tags.find((t) => t.name === 'lk-room')!;
    const attr = (name: string) => room.attributes.find((a) => a.name === name)!;
    expect(attr('simulcast').values?.map((v) => v.name)).to.deep.equal(['true', 'false', 'on', 'off', 'yes', 'no']);
    expect(attr('video-codec').values?.map((v) => v.name)).to.deep.equal(['vp8', 'h264', 'vp9', 'av1', 'h265']);
    expect(attr('connect').valueSet).to.equal('v');
    expect(attr('video-max-bitrate').values ?? []).to.deep.equal([], 'a grammar is no list of words');
    expect(attr('video-max-bitrate').description).to.include('**bitrate**: video bits per second from 10k to 100M');
    expect(room.description).to.include('lk-connected');
  });

  it('JetBrains: every element with its attributes as HTML writes them, and its events typed', async () => {
    const data = await load<WebTypes>('/web-types.json');
    const pkg = await load<{ name: string; version: string }>('/package.json');
    expect({ name: data.name, version: data.version }).to.deep.equal({ name: pkg.name, version: pkg.version });
    const declared = await elements();
    expect(data.contributions.html.elements.map((e) => e.name).sort()).to.deep.equal(declared.map((d) => d.tagName).sort());
    const room = data.contributions.html.elements.find((e) => e.name === 'lk-room')!;
    const type = (name: string) => room.attributes!.find((a) => a.name === name)!.value?.type;
    expect(type('simulcast')).to.equal("'true' | 'false' | 'on' | 'off' | 'yes' | 'no'");
    expect(type('connect')).to.equal('boolean');
    expect(type('video-max-bitrate')).to.equal('number | string');
    expect(type('video-codec')).to.equal("'vp8' | 'h264' | 'vp9' | 'av1' | 'h265'");
    expect(room.js?.events?.find((e) => e.name === 'lk-error')?.type).to.equal('CustomEvent<LkErrorDetail>');
    expect(room.js?.properties?.map((p) => p.name)).to.include('options');
  });
});
