import { expect, fixture, html } from '@open-wc/testing';
import { DisconnectReason, Track, type LocalVideoTrack, type RemoteVideoTrack } from 'livekit-client';
import '../../src/index.js';
import type { LkCameraFlip, LkDeviceSelect, LkLeaveButton, LkRoom } from '../../src/index.js';
import { nextEvent, realClick, uniqueRoom, waitFor } from '../helpers.js';

const select = (el: LkDeviceSelect) => el.shadowRoot!.querySelector('select')!;
const button = (el: HTMLElement) => el.shadowRoot!.querySelector('button')!;

async function choose(el: LkDeviceSelect, deviceId: string) {
  const s = select(el);
  s.value = deviceId;
  s.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

describe('devices (two fake cameras)', () => {
  it('lk-device-select lists microphones, marks the active one, and switches the published track', async () => {
    const page = await fixture<HTMLDivElement>(html`<div><lk-room token-endpoint="/api/token" room-name=${uniqueRoom()} connect audio>
      <lk-device-select kind="audioinput"></lk-device-select></lk-room></div>`);
    const room = page.querySelector<LkRoom>('lk-room')!;
    const el = page.querySelector<LkDeviceSelect>('lk-device-select')!;
    const mic = await waitFor(() => room.livekitRoom?.localParticipant.getTrackPublication(Track.Source.Microphone)?.track, 'microphone published');
    await waitFor(() => el.devices.length >= 3 && el.devices.every((d) => d.label), 'labelled microphones');
    expect([...select(el).options].map((o) => o.textContent)).to.include.members(['Fake Audio Input 1', 'Fake Audio Input 2']);
    const target = el.devices.find((d) => d.label === 'Fake Audio Input 2')!;
    await choose(el, target.deviceId);
    await waitFor(() => mic.mediaStreamTrack.getSettings().deviceId === target.deviceId, 'the published microphone switched');
    expect(room.livekitRoom.getActiveDevice('audioinput')).to.equal(target.deviceId);
    expect(select(el).value).to.equal(target.deviceId);
    expect(el.value).to.equal(target.deviceId);
    await expect(el).to.be.accessible();
    await room.leave();
  });

  it('lk-device-select follows devicechange', async () => {
    const el = await fixture<LkDeviceSelect>(html`<lk-device-select kind="videoinput"></lk-device-select>`);
    await waitFor(() => el.devices.length > 0, 'listed');
    const before = el.devices;
    // What the browser fires when a device is plugged in or out.
    navigator.mediaDevices.dispatchEvent(new Event('devicechange'));
    await waitFor(() => el.devices !== before, 'listed again');
    expect(el.devices.map((d) => d.deviceId)).to.deep.equal(before.map((d) => d.deviceId));
    el.remove();
    // Removed: it no longer listens.
    const after = el.devices;
    navigator.mediaDevices.dispatchEvent(new Event('devicechange'));
    await new Promise((r) => setTimeout(r, 300));
    expect(el.devices).to.equal(after);
  });

  it('a choice made before connecting becomes the capture default', async () => {
    const page = await fixture<HTMLDivElement>(html`<div><lk-room token-endpoint="/api/token" room-name=${uniqueRoom()} video>
      <lk-device-select kind="videoinput"></lk-device-select></lk-room></div>`);
    const room = page.querySelector<LkRoom>('lk-room')!;
    const el = page.querySelector<LkDeviceSelect>('lk-device-select')!;
    // Labels need a permission: ask once, as a pre-join screen would.
    (await navigator.mediaDevices.getUserMedia({ video: true })).getTracks().forEach((t) => t.stop());
    await el.updateComplete;
    await el.refresh();
    expect(el.devices).to.have.length(2);
    const second = el.devices[1];
    await choose(el, second.deviceId);
    room.setAttribute('connect', '');
    const camera = await waitFor(() => room.livekitRoom?.localParticipant.getTrackPublication(Track.Source.Camera)?.track, 'camera published');
    expect(camera.mediaStreamTrack.getSettings().deviceId).to.equal(second.deviceId);
    await room.leave();
  });

  it('lk-camera-flip shows with two cameras and restarts the published camera on the other one, without unpublishing', async () => {
    const name = uniqueRoom();
    const page = await fixture<HTMLDivElement>(html`<div><lk-room token-endpoint="/api/token" room-name=${name} participant-identity="pub" connect video video-resolution="h360">
      <lk-camera-flip></lk-camera-flip></lk-room></div>`);
    const room = page.querySelector<LkRoom>('lk-room')!;
    const flip = page.querySelector<LkCameraFlip>('lk-camera-flip')!;
    const pub = await waitFor(() => room.livekitRoom?.localParticipant.getTrackPublication(Track.Source.Camera), 'camera published');
    const track = pub.track as LocalVideoTrack;
    await waitFor(() => !flip.hidden && !button(flip).disabled, 'visible and enabled');
    await expect(flip).to.be.accessible();
    const sub = await fixture<LkRoom>(html`<lk-room token-endpoint="/api/token" room-name=${name} participant-identity="sub" connect></lk-room>`);
    const remote = await waitFor(() => sub.livekitRoom?.remoteParticipants.get('pub')?.getTrackPublication(Track.Source.Camera)?.videoTrack as RemoteVideoTrack | undefined, 'subscribed');
    let unpublished = 0;
    sub.livekitRoom.on('trackUnpublished', () => unpublished++);
    const video = remote.attach() as HTMLVideoElement;
    document.body.append(video);
    await waitFor(() => video.videoWidth > 0, 'frames before the flip');

    const before = track.mediaStreamTrack.getSettings().deviceId;
    await realClick(flip);
    await waitFor(() => !flip.pending && track.mediaStreamTrack.getSettings().deviceId !== before, 'restarted on the other camera');
    expect(track.mediaStreamTrack.readyState).to.equal('live');
    expect(room.livekitRoom.localParticipant.getTrackPublication(Track.Source.Camera)).to.equal(pub);
    expect(track.sender!.track).to.equal(track.mediaStreamTrack);
    expect(flip.facingMode).to.equal('environment');
    expect(flip.getAttribute('facing-mode')).to.equal('environment');
    // The capture size is kept across the restart, and the subscriber keeps the same publication.
    // (Frames after the switch are not asserted: in headless Chromium a fake camera's frames stop
    // reaching the encoder after any RTCRtpSender.replaceTrack, even without livekit-client; see
    // docs/elements.md.)
    expect(track.mediaStreamTrack.getSettings()).to.include({ width: 640, height: 360 });
    await new Promise((r) => setTimeout(r, 1000));
    expect(unpublished).to.equal(0);
    remote.detach(video);
    video.remove();
    await Promise.all([room.leave(), sub.leave()]);
  });

  it('lk-leave-button disconnects with a client-initiated reason', async () => {
    const page = await fixture<HTMLDivElement>(html`<div><lk-room token-endpoint="/api/token" room-name=${uniqueRoom()} connect>
      <lk-leave-button></lk-leave-button></lk-room></div>`);
    const room = page.querySelector<LkRoom>('lk-room')!;
    const leave = page.querySelector<LkLeaveButton>('lk-leave-button')!;
    await waitFor(() => room.connectionState === 'connected' && !button(leave).disabled, 'enabled once connected');
    await expect(leave).to.be.accessible();
    const left = nextEvent(room, 'lk-disconnected');
    button(leave).click();
    expect((await left).detail.reason).to.equal(DisconnectReason.CLIENT_INITIATED);
    expect(room.connectionState).to.equal('disconnected');
    await waitFor(() => button(leave).disabled, 'disabled after leaving');
  });
});
