import { expect, fixture, html } from '@open-wc/testing';
import DOMPurify, { type Config } from 'dompurify';
import '../../src/index.js';
import type { LkConference } from '../../src/index.js';

// The sanitizer configuration of docs/embedding.md, read from the page itself, with the real
// DOMPurify from npm: it must keep every lk-* element and everything they need from the README's
// and the docs' markup, and still drop scripts and event handlers.

/** The `LIVEKIT_ELEMENTS` configuration of docs/embedding.md, rebuilt from its text (which must hold nothing else). */
async function docsConfig(): Promise<Config> {
  const doc = await (await fetch('/docs/embedding.md')).text();
  const literal = /const LIVEKIT_ELEMENTS = (\{[\s\S]*?\n\});/.exec(doc)?.[1];
  expect(literal, 'docs/embedding.md defines LIVEKIT_ELEMENTS').to.be.a('string');
  const regex = (key: string) => {
    const match = new RegExp(`${key}: /(.+)/([a-z]*),`).exec(literal!);
    expect(match, key).to.not.equal(null);
    return new RegExp(match![1], match![2]);
  };
  const tagNameCheck = regex('tagNameCheck');
  const attributeNameCheck = regex('attributeNameCheck');
  const config: Config = { CUSTOM_ELEMENT_HANDLING: { tagNameCheck, attributeNameCheck, allowCustomizedBuiltInElements: false } };
  // The text is exactly this configuration: nothing the test would not apply.
  expect(literal!.replace(/\s+/g, ' ')).to.equal(
    `{ CUSTOM_ELEMENT_HANDLING: { tagNameCheck: ${String(tagNameCheck)}, attributeNameCheck: ${String(attributeNameCheck)}, allowCustomizedBuiltInElements: false, }, }`,
  );
  return config;
}

/** The ```html blocks of a Markdown file that hold lk-* markup. */
async function markupBlocks(path: string): Promise<string[]> {
  const text = await (await fetch(path)).text();
  return [...text.matchAll(/```html\n([\s\S]*?)```/g)].map((m) => m[1]).filter((block) => block.includes('<lk-'));
}

/** Every element of `markup` but scripts, with its attributes, in document order (template content included). */
function skeleton(markup: string): string[] {
  const template = document.createElement('template');
  template.innerHTML = markup;
  const out: string[] = [];
  const walk = (root: ParentNode) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.localName === 'script' || el.closest('script')) continue;
      const attrs = [...el.attributes].map((a) => `${a.name}=${JSON.stringify(a.value)}`).sort();
      out.push(`<${el.localName} ${attrs.join(' ')}>`);
      if (el instanceof HTMLTemplateElement) walk(el.content);
    }
  };
  walk(template.content);
  return out;
}

describe('DOMPurify: the configuration of docs/embedding.md', () => {
  it("keeps every element and attribute of the README's and the docs' lk-* markup, and drops only the script", async () => {
    const config = await docsConfig();
    const blocks = [...(await markupBlocks('/README.md')), ...(await markupBlocks('/docs/elements.md')), ...(await markupBlocks('/docs/embedding.md'))];
    expect(blocks.length, 'markup blocks found').to.be.greaterThan(10);
    let lkElements = 0;
    let scripts = 0;
    for (const block of blocks) {
      const clean = DOMPurify.sanitize(block, config);
      expect(skeleton(clean), block).to.deep.equal(skeleton(block));
      lkElements += skeleton(block).filter((s) => s.startsWith('<lk-')).length;
      scripts += (block.match(/<script/g) ?? []).length;
      expect(clean).to.not.contain('<script');
    }
    expect(lkElements, 'lk-* elements checked').to.be.greaterThan(30);
    expect(scripts, 'the markup had scripts to drop').to.be.greaterThan(0);
  });

  it('keeps a user template, slotted labels and every kind of attribute value', async () => {
    const config = await docsConfig();
    const markup = `<lk-room id="call" url="wss://example.livekit.cloud" token-endpoint="https://example.com/api/token" room-name="standup"
      participant-name="Ann &amp; Ben" video-resolution="1280x720@24" simulcast-layers="320x180@15:150k, 640x360@20:500k" connect audio theme="dark" lang="de">
      <lk-participants><template><lk-participant-tile><lk-track-view source="camera"></lk-track-view></lk-participant-tile></template></lk-participants>
      <lk-camera-toggle label="Kamera"><span slot="icon">📷</span></lk-camera-toggle>
      <lk-device-select kind="videoinput"></lk-device-select>
      <lk-chat room="call"></lk-chat>
    </lk-room>`;
    expect(skeleton(DOMPurify.sanitize(markup, config))).to.deep.equal(skeleton(markup));
  });

  it('drops scripts, event handlers and javascript: URLs, on lk-* elements too', async () => {
    const config = await docsConfig();
    const dirty = `<lk-room token-endpoint="/api/token" onerror="alert(1)" onclick="alert(2)" room-name="x">
      <img src="x" onerror="alert(3)"><script>alert(4)</script><a href="javascript:alert(5)">link</a>
      <lk-camera-toggle onfocus="alert(6)"></lk-camera-toggle><iframe src="https://evil.example"></iframe>
    </lk-room>`;
    const clean = DOMPurify.sanitize(dirty, config);
    const template = document.createElement('template');
    template.innerHTML = clean;
    const all = [...template.content.querySelectorAll('*')];
    expect(all.flatMap((el) => [...el.attributes].map((a) => a.name)).filter((name) => name.startsWith('on'))).to.deep.equal([]);
    expect(template.content.querySelector('script, iframe')).to.equal(null);
    expect(template.content.querySelector('a')!.hasAttribute('href')).to.equal(false);
    const room = template.content.querySelector('lk-room')!;
    expect(room.getAttribute('token-endpoint')).to.equal('/api/token');
    expect(room.getAttribute('room-name')).to.equal('x');
    expect(template.content.querySelector('lk-camera-toggle')).to.not.equal(null);
  });

  it('sanitized markup upgrades and reads its attributes', async () => {
    const config = await docsConfig();
    const clean = DOMPurify.sanitize('<lk-conference token-endpoint="/api/token" room-name="standup" controls="microphone camera leave" page-size="9" onload="alert(1)"></lk-conference>', config);
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    // The page's own decision to insert sanitized markup, as a CMS does.
    host.innerHTML = clean;
    const conference = host.querySelector('lk-conference') as LkConference;
    await conference.updateComplete;
    expect(conference.shadowRoot, 'upgraded').to.not.equal(null);
    expect(conference.getAttribute('page-size')).to.equal('9');
    expect(conference.hasAttribute('onload')).to.equal(false);
    expect(conference.shadowRoot!.querySelector('lk-camera-toggle'), 'the camera control from controls=').to.not.equal(null);
  });
});
