// <lk-room> from Svelte 5: a component (Call.svelte, compiled on request by the test runner's
// svelte plugin) sets attributes and properties from its state and listens with `onlk-…`; the
// test changes that state through the component's exports and unmounts it.
import { expect } from '@open-wc/testing';
import type { RoomOptions } from 'livekit-client';
import { flushSync, mount, unmount, type Component } from 'svelte';
import '../../src/index.js';
import type { LkConnectionStateElement, LkErrorDetail, LkRoom } from '../../src/index.js';
import { captureWarnings, uniqueRoom, waitFor } from '../helpers.js';
import CallSvelte from './Call.svelte';
import { expectBound, expectJoined, expectLeft, frameworkOptions } from './common.js';

/** Call.svelte's props and exports (the type checker sees only Svelte's generic `*.svelte` module). */
const Call = CallSvelte as unknown as Component<
  { roomName: string; options: RoomOptions; onconnected: (event: Event) => void; onerror: (detail: LkErrorDetail) => void },
  { setConnect(value: boolean): void; setBitrate(value: string): void }
>;

describe('frameworks: Svelte 5', () => {
  it('sets attributes and properties from state, hears lk-* events, binds children, and leaves on unmount', async () => {
    const roomName = uniqueRoom('svelte');
    const connected: Event[] = [];
    const errors: LkErrorDetail[] = [];
    const container = document.createElement('div');
    document.body.append(container);
    const call = mount(Call, {
      target: container,
      props: { roomName, options: frameworkOptions, onconnected: (event) => connected.push(event), onerror: (detail) => errors.push(detail) },
    });
    const el = await waitFor(() => container.querySelector<LkRoom>('lk-room'), 'Svelte rendered lk-room');

    // `connect` is set as the property of that name, which reflects to the attribute.
    expect(el.connect).to.equal(true);
    expect(el.getAttribute('connect')).to.equal('');
    await expectJoined(el, roomName, 'svelte-user');
    await waitFor(() => connected.length === 1, 'onlk-connected');
    expect(connected[0].type).to.equal('lk-connected');
    await expectBound(container.querySelector<LkConnectionStateElement>('.inside')!, el);
    // And `room`, the property of that name (the id of the room element).
    const outside = container.querySelector<LkConnectionStateElement>('.outside')!;
    expect(outside.room).to.equal('svelte-call');
    await expectBound(outside, el);

    const warnings = await captureWarnings(async () => {
      call.setBitrate('fast');
      flushSync();
      await waitFor(() => errors.length > 0, 'onlk-error');
    });
    expect(errors[0]).to.include({ code: 'invalid-attribute', attribute: 'video-max-bitrate', value: 'fast' });
    expect(warnings.join('\n')).to.contain('video-max-bitrate');

    const room = el.livekitRoom;
    call.setConnect(false);
    flushSync();
    expect(el.connect).to.equal(false);
    await el.updateComplete;
    expect(el.hasAttribute('connect')).to.equal(false);
    await expectLeft(el, room);
    call.setConnect(true);
    flushSync();
    await waitFor(() => connected.length === 2 && el.connectionState === 'connected', 'connected again');

    const last = el.livekitRoom;
    await unmount(call);
    expect(container.querySelector('lk-room')).to.equal(null);
    await expectLeft(el, last);
    container.remove();
  });
});
