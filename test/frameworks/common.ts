/** What every framework test checks on the `<lk-room>` it rendered, against the real server. */
import { expect } from '@open-wc/testing';
import { ConnectionState } from 'livekit-client';
import type { LkConnectionStateElement, LkRoom } from '../../src/index.js';
import { waitFor } from '../helpers.js';

/** The RoomOptions base each framework sets as the `options` property. */
export const frameworkOptions = { publishDefaults: { videoCodec: 'h264' as const, red: false } };

/** Connected, with the token the attributes asked for, the option attribute and the `options` property applied. */
export async function expectJoined(el: LkRoom, roomName: string, identity: string): Promise<void> {
  await waitFor(() => el.livekitRoom?.state === ConnectionState.Connected && el.connectionState === 'connected', `${identity} connected`);
  const room = el.livekitRoom;
  expect(room.name).to.equal(roomName);
  expect(room.localParticipant.identity).to.equal(identity);
  // The attribute `video-max-bitrate="800k"` reached the SDK as a number…
  expect(el.getAttribute('video-max-bitrate')).to.equal('800k');
  expect(room.options.publishDefaults?.videoEncoding?.maxBitrate).to.equal(800_000);
  // …and the object set as the `options` property is a property, not an "[object Object]" attribute.
  expect(el.options).to.deep.equal(frameworkOptions);
  expect(el.hasAttribute('options')).to.equal(false);
  expect(room.options.publishDefaults?.videoCodec).to.equal('h264');
  expect(room.options.publishDefaults?.red).to.equal(false);
}

/** A `<lk-connection-state>` bound to `el`'s room (by context or by id) shows it connected. */
export async function expectBound(state: LkConnectionStateElement, el: LkRoom): Promise<void> {
  await waitFor(() => state.livekitRoom === el.livekitRoom && state.state === 'connected', 'lk-connection-state bound and connected');
  expect(state.shadowRoot!.textContent).to.contain('Connected');
}

/** The room disconnects (state change or removal from the page). */
export async function expectLeft(el: LkRoom, room = el.livekitRoom): Promise<void> {
  await waitFor(() => room?.state === ConnectionState.Disconnected, 'disconnected');
  expect(room.state).to.equal(ConnectionState.Disconnected);
}
