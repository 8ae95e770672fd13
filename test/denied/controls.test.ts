import { expect, fixture, html } from '@open-wc/testing';
import { Track } from 'livekit-client';
import '../../src/index.js';
import type { LkCameraToggle, LkMicrophoneToggle, LkRoom } from '../../src/index.js';
import type { LkErrorDetail } from '../../src/core/errors.js';
import { captureWarnings, nextEvent, uniqueRoom, waitFor } from '../helpers.js';

const button = (el: HTMLElement) => el.shadowRoot!.querySelector('button')!;

describe('denied: the browser refuses camera and microphone', () => {
  it('a toggle reports permission-denied, stays unpressed, and can be clicked again', async () => {
    const page = await fixture<HTMLDivElement>(html`<div><lk-room token-endpoint="/api/token" room-name=${uniqueRoom()} connect>
      <lk-camera-toggle></lk-camera-toggle><lk-microphone-toggle></lk-microphone-toggle></lk-room></div>`);
    const room = page.querySelector<LkRoom>('lk-room')!;
    const camera = page.querySelector<LkCameraToggle>('lk-camera-toggle')!;
    const mic = page.querySelector<LkMicrophoneToggle>('lk-microphone-toggle')!;
    await waitFor(() => !button(camera).disabled, 'enabled once connected');
    const errors: LkErrorDetail[] = [];
    await captureWarnings(async () => {
      for (const toggle of [camera, camera, mic]) {
        const failed = nextEvent(toggle, 'lk-error');
        button(toggle).click();
        errors.push((await failed).detail);
        await waitFor(() => !toggle.pending, 'no longer pending');
        expect(toggle.pressed).to.equal(false);
        expect(button(toggle).disabled).to.equal(false);
      }
    });
    expect(errors.map((e) => e.code)).to.deep.equal(['permission-denied', 'permission-denied', 'permission-denied']);
    expect(errors[0].message).to.contain('camera');
    expect(errors[2].message).to.contain('microphone');
    expect(room.livekitRoom.localParticipant.getTrackPublication(Track.Source.Camera)).to.equal(undefined);
    expect(room.connectionState).to.equal('connected');
    await room.leave();
  });

  it('lk-room video/audio report permission-denied and the room stays connected', async () => {
    const el = document.createElement('lk-room');
    el.tokenEndpoint = '/api/token';
    el.roomName = uniqueRoom();
    const errors: LkErrorDetail[] = [];
    el.addEventListener('lk-error', (e) => errors.push(e.detail));
    await captureWarnings(async () => {
      el.setAttribute('video', '');
      el.setAttribute('connect', '');
      document.body.append(el);
      await waitFor(() => errors.length > 0, 'an error');
    });
    expect(errors[0].code, errors[0].message).to.equal('permission-denied');
    expect(el.connectionState).to.equal('connected');
    el.remove();
  });
});
