import { expect } from '@open-wc/testing';
import { ROOM_OPTION_ATTRIBUTE_NAMES } from '../../src/core/room-options.js';

interface ManifestDeclaration {
  tagName?: string;
  attributes?: { name: string }[];
}

async function manifestAttributes(tag: string): Promise<string[]> {
  const manifest = (await (await fetch('/custom-elements.json')).json()) as { modules: { declarations?: ManifestDeclaration[] }[] };
  const declaration = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === tag);
  expect(declaration, `${tag} in custom-elements.json`).to.exist;
  return declaration!.attributes!.map((a) => a.name);
}

async function readmeAttributes(): Promise<string[]> {
  const readme = await (await fetch('/README.md')).text();
  const table = readme.split('<!-- lk-room-attributes:start -->')[1]?.split('<!-- lk-room-attributes:end -->')[0] ?? '';
  return [...table.matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((m) => m[1]);
}

describe('docs: the lk-room attribute table', () => {
  it('the manifest lists every option attribute of the core table', async () => {
    expect(await manifestAttributes('lk-room')).to.include.members([...ROOM_OPTION_ATTRIBUTE_NAMES]);
  });

  it('the README table lists exactly the attributes of the manifest', async () => {
    const fromReadme = await readmeAttributes();
    expect(fromReadme).to.have.length.greaterThan(30);
    expect([...fromReadme].sort()).to.deep.equal([...(await manifestAttributes('lk-room'))].sort());
  });
});
