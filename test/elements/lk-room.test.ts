import { expect, fixture, html } from '@open-wc/testing';
import { Room } from 'livekit-client';
import '../../src/index.js';
import type { LkConnectionStateElement, LkRoom } from '../../src/index.js';
import type { LkErrorDetail } from '../../src/core/errors.js';
import { ATTRIBUTE_CASES, at } from '../attribute-cases.js';
import { captureWarnings, nextEvent } from '../helpers.js';

const sdkDefaults = new Room().options;

function expectOption(actual: unknown, expected: unknown) {
  if (expected && typeof expected === 'object' && !Array.isArray(expected)) expect(actual).to.deep.include(expected);
  else expect(actual).to.deep.equal(expected);
}

describe('lk-room (no server)', () => {
  for (const c of ATTRIBUTE_CASES.filter((c) => c.path.startsWith('room.'))) {
    const path = c.path.slice('room.'.length);

    it(`${c.attribute}="${c.valid}" reaches room.options.${path}`, async () => {
      const el = await fixture<LkRoom>(html`<lk-room></lk-room>`);
      el.setAttribute(c.attribute, c.valid);
      await el.updateComplete;
      // Set before the Room is built too: a new element with the attribute from the start.
      const fresh = document.createElement('lk-room');
      fresh.setAttribute(c.attribute, c.valid);
      document.body.append(fresh);
      await fresh.updateComplete;
      expectOption(at(fresh.livekitRoom.options, path), c.expected);
      fresh.remove();
      if (path !== 'adaptiveStream' && path !== 'dynacast') expectOption(at(el.livekitRoom.options, path), c.expected);
    });

    it(`${c.attribute}="${c.invalid}" gives lk-error, a warning, and the SDK default`, async () => {
      const errors: LkErrorDetail[] = [];
      const el = document.createElement('lk-room');
      el.addEventListener('lk-error', (e) => errors.push(e.detail));
      el.setAttribute(c.attribute, c.invalid);
      const warnings = await captureWarnings(async () => {
        document.body.append(el);
        await el.updateComplete;
      });
      expect(errors).to.have.length(1);
      expect(errors[0]).to.include({ code: 'invalid-attribute', attribute: c.attribute, value: c.invalid });
      expect(errors[0].accepted).to.be.a('string').and.not.empty;
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain(`${c.attribute}="${c.invalid}"`);
      expect(at(el.livekitRoom.options, path)).to.deep.equal(at(sdkDefaults, path));
      el.remove();
    });
  }

  it('reports an invalid value once, and again only when it changes', async () => {
    const errors: LkErrorDetail[] = [];
    const el = await fixture<LkRoom>(html`<lk-room @lk-error=${(e: CustomEvent<LkErrorDetail>) => errors.push(e.detail)}></lk-room>`);
    await captureWarnings(async () => {
      el.setAttribute('video-max-bitrate', 'fast');
      await el.updateComplete;
      el.url = 'ws://127.0.0.1:1';
      await el.updateComplete;
      el.setAttribute('video-max-bitrate', 'faster');
      await el.updateComplete;
      el.setAttribute('video-max-bitrate', '900k');
      await el.updateComplete;
    });
    expect(errors.map((e) => e.value)).to.deep.equal(['fast', 'faster']);
    expect(el.livekitRoom.options.publishDefaults!.videoEncoding!.maxBitrate).to.equal(900_000);
  });

  it('lets attributes override the fields they set in the options property', async () => {
    const el = document.createElement('lk-room');
    el.options = { publishDefaults: { videoEncoding: { maxBitrate: 1_000_000, maxFramerate: 30 }, dtx: false } };
    el.setAttribute('video-max-framerate', '15');
    document.body.append(el);
    await el.updateComplete;
    expect(el.livekitRoom.options.publishDefaults).to.deep.include({ videoEncoding: { maxBitrate: 1_000_000, maxFramerate: 15 }, dtx: false });
    el.remove();
  });

  it('removing an attribute restores the default', async () => {
    const el = await fixture<LkRoom>(html`<lk-room red="false" video-resolution="h360"></lk-room>`);
    expect(el.livekitRoom.options.publishDefaults!.red).to.equal(false);
    el.removeAttribute('red');
    el.removeAttribute('video-resolution');
    await el.updateComplete;
    expect(el.livekitRoom.options.publishDefaults!.red).to.equal(sdkDefaults.publishDefaults!.red);
    expect(el.livekitRoom.options.videoCaptureDefaults!.resolution).to.deep.equal(sdkDefaults.videoCaptureDefaults!.resolution);
  });

  it('provides its Room by context and to an element that names it with room="id"', async () => {
    const page = await fixture<HTMLDivElement>(html`<div>
      <lk-room id="main"><section><lk-connection-state class="inside"></lk-connection-state></section></lk-room>
      <lk-room id="other"></lk-room>
      <footer><lk-connection-state class="outside" room="main"></lk-connection-state></footer>
    </div>`);
    const main = page.querySelector<LkRoom>('#main')!;
    const other = page.querySelector<LkRoom>('#other')!;
    const inside = page.querySelector<LkConnectionStateElement>('.inside')!;
    const outside = page.querySelector<LkConnectionStateElement>('.outside')!;
    expect(main.livekitRoom).to.be.instanceOf(Room);
    expect(inside.livekitRoom === main.livekitRoom, 'inside.livekitRoom === main.livekitRoom').to.equal(true);
    expect(outside.livekitRoom === main.livekitRoom, 'outside.livekitRoom === main.livekitRoom').to.equal(true);
    // The attribute wins over context, and changing it re-binds.
    inside.room = 'other';
    outside.room = 'other';
    await inside.updateComplete;
    await outside.updateComplete;
    const otherRoom = other.livekitRoom;
    expect(inside.livekitRoom === otherRoom, 'inside.livekitRoom === otherRoom').to.equal(true);
    expect(outside.livekitRoom === otherRoom, 'outside.livekitRoom === otherRoom').to.equal(true);
    inside.room = undefined;
    await inside.updateComplete;
    expect(inside.livekitRoom === main.livekitRoom, 'inside.livekitRoom === main.livekitRoom').to.equal(true);
  });

  it('binds elements to a room defined after them, in either order', async () => {
    const page = await fixture<HTMLDivElement>(html`<div><lk-connection-state room="late"></lk-connection-state></div>`);
    const named = page.querySelector<LkConnectionStateElement>('lk-connection-state')!;
    expect(named.livekitRoom).to.equal(undefined);
    const late = document.createElement('lk-room');
    late.id = 'late';
    const child = document.createElement('lk-connection-state');
    late.append(child);
    page.append(late);
    await late.updateComplete;
    const room = late.livekitRoom;
    expect(named.livekitRoom === room, 'named.livekitRoom === room').to.equal(true);
    expect(child.livekitRoom === room, 'child.livekitRoom === room').to.equal(true);
  });

  it('warns when connect is set without credentials, and stays disconnected', async () => {
    const el = document.createElement('lk-room');
    el.setAttribute('connect', '');
    const warnings = await captureWarnings(async () => {
      document.body.append(el);
      await el.updateComplete;
      await new Promise((r) => setTimeout(r));
    });
    expect(warnings.join('\n')).to.contain('neither token nor token-endpoint is set');
    expect(el.connectionState).to.equal('disconnected');
    el.remove();
  });

  it('join() without credentials emits lk-error code token', async () => {
    const el = await fixture<LkRoom>(html`<lk-room></lk-room>`);
    let detail: LkErrorDetail | undefined;
    await captureWarnings(async () => {
      setTimeout(() => void el.join().catch(() => {}));
      detail = (await nextEvent(el, 'lk-error')).detail;
    });
    expect(detail).to.include({ code: 'token' });
    expect(detail!.message).to.contain('neither token nor token-endpoint');
  });

  it('is accessible', async () => {
    const el = await fixture<LkRoom>(html`<lk-room><lk-connection-state></lk-connection-state></lk-room>`);
    await expect(el).to.be.accessible();
  });

  it('<lk-conference> reports as lk-conference, in the event and the console alike', async () => {
    const el = document.createElement('lk-conference');
    el.setAttribute('video-max-bitrate', 'fast');
    let detail: LkErrorDetail | undefined;
    el.addEventListener('lk-error', (e) => (detail = e.detail));
    const warnings = await captureWarnings(async () => {
      document.body.append(el);
      await el.updateComplete;
    });
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.match(/^lk-conference: video-max-bitrate="fast" is not valid/);
    expect(detail?.message).to.equal(warnings[0]);
    expect(warnings[0]).to.not.contain('lk-room');
    el.remove();
  });
});
