import { expect, fixture, html } from '@open-wc/testing';
import type { LkDeviceSelect } from '../../src/index.js';
import { waitFor } from '../helpers.js';

// The build squeezes the text of every Lit template (scripts/minify-templates.mjs). The same markup
// is rendered twice, once by the built bundle and once by the TypeScript source, each in a page of
// its own of the same size, and every computed style of every element, shadow roots included, must
// be the same.
const MARKUP = `
  <lk-conference theme="dark" chat-open style="height: 420px"></lk-conference>
  <lk-participant-tile style="width: 320px"></lk-participant-tile>
  <lk-track-view style="width: 160px"></lk-track-view>
  <lk-connection-quality></lk-connection-quality>
  <lk-audio-visualizer bars="7"></lk-audio-visualizer>
  <lk-connection-state></lk-connection-state>
  <lk-camera-flip></lk-camera-flip>
  <lk-chat theme="light"></lk-chat>`;

async function render(script: string): Promise<Record<string, string>> {
  const srcdoc = `<!doctype html><html><body style="margin: 0">${MARKUP}<script type="module" src="${script}"></script></body></html>`;
  const frame = await fixture<HTMLIFrameElement>(html`<iframe title=${script} style="width: 900px; height: 1200px; border: 0" .srcdoc=${srcdoc}></iframe>`);
  const win = await waitFor(() => (frame.contentWindow?.customElements.get('lk-conference') ? frame.contentWindow : undefined), `${script} defined the elements`);
  const doc = frame.contentDocument!;
  // Let every element render, the ones inside shadow roots too, device lists (asynchronous) included.
  const everything = () => [...doc.querySelectorAll('*')].flatMap((el) => [el, ...(el.shadowRoot?.querySelectorAll('*') ?? [])]);
  const settle = () => Promise.all(everything().flatMap((el) => (el as Partial<{ updateComplete: Promise<unknown> }>).updateComplete ?? []));
  await settle();
  await Promise.all(everything().flatMap((el) => (el.localName === 'lk-device-select' ? [(el as LkDeviceSelect).refresh()] : [])));
  for (let i = 0; i < 3; i++) await settle();
  const styles: Record<string, string> = {};
  const walk = (root: Document | ShadowRoot, path: string) => {
    [...root.querySelectorAll('*')].forEach((el, i) => {
      const at = `${path}/${el.localName}[${i}]`;
      const computed = win.getComputedStyle(el);
      styles[at] = [...computed].map((name) => `${name}: ${computed.getPropertyValue(name)}`).join('\n');
      if (el.shadowRoot) walk(el.shadowRoot, `${at}#shadow`);
    });
  };
  walk(doc, '');
  frame.remove();
  return styles;
}

describe('e2e: the bundle styles its elements exactly as the source', () => {
  it('every computed style of every element, shadow roots included, is the same', async () => {
    const fromBundle = await render('/dist/livekit-elements.js');
    const fromSource = await render('/src/index.ts');
    expect(Object.keys(fromSource).length, 'elements compared').to.be.above(60);
    expect(Object.keys(fromBundle)).to.deep.equal(Object.keys(fromSource));
    // Each difference as "element: property: source value → bundle value".
    const differing = Object.keys(fromSource).flatMap((at) => {
      const bundle = fromBundle[at].split('\n');
      return fromSource[at].split('\n').flatMap((line, i) => (line === bundle[i] ? [] : [`${at}: ${line} → ${bundle[i]}`]));
    });
    expect(differing, 'styled differently by the bundle').to.deep.equal([]);
  });
});
