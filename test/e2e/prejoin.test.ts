import { expect, fixture, html } from '@open-wc/testing';
import { Track } from 'livekit-client';
import '../../src/index.js';
import type { LkPrejoin, LkRoom } from '../../src/index.js';
import { isFirefox, uniqueRoom, waitFor } from '../helpers.js';

const part = <T extends Element>(el: HTMLElement, name: string) => el.shadowRoot!.querySelector<T>(`[part=${name}]`)!;

describe('e2e: lk-prejoin', () => {
  beforeEach(() => localStorage.removeItem('lk-user-choices'));

  it('previews the camera mirrored, shows the microphone level, and joins with the choices', async () => {
    const page = await fixture<HTMLDivElement>(html`<div><lk-room token-endpoint="/api/token" room-name=${uniqueRoom()}>
      <lk-prejoin></lk-prejoin></lk-room></div>`);
    const room = page.querySelector<LkRoom>('lk-room')!;
    const prejoin = page.querySelector<LkPrejoin>('lk-prejoin')!;
    const video = part<HTMLVideoElement>(prejoin, 'preview');
    await waitFor(() => video.videoWidth > 0, 'preview frames');
    expect(getComputedStyle(video).transform).to.equal('matrix(-1, 0, 0, 1, 0, 0)');
    await waitFor(() => Number(part(prejoin, 'level').getAttribute('aria-valuenow')) > 0, 'microphone level from the fake microphone');
    // Chromium's fake devices include two microphones; Firefox's, one, named "Default Audio Device".
    const [count, label] = isFirefox ? [1, 'Default Audio Device'] : [2, 'Fake Audio Input 1'];
    // Listed first without labels, then with them once the preview's permission is granted.
    await waitFor(() => part<HTMLSelectElement>(prejoin, 'microphone-select').options.length >= count, 'microphones listed');
    const mic = await waitFor(
      () => [...part<HTMLSelectElement>(prejoin, 'microphone-select').options].find((o) => o.textContent === label),
      `the microphone "${label}" listed by name`,
    );
    const micSelect = part<HTMLSelectElement>(prejoin, 'microphone-select');
    micSelect.value = mic.value;
    micSelect.dispatchEvent(new Event('change'));
    const name = part<HTMLInputElement>(prejoin, 'name');
    name.value = 'Ada <b>Lovelace</b>';
    name.dispatchEvent(new Event('input'));
    await expect(prejoin).to.be.accessible();

    part<HTMLButtonElement>(prejoin, 'join-button').click();
    await waitFor(() => room.connectionState === 'connected', 'connected');
    expect(prejoin.joined).to.equal(true);
    expect(getComputedStyle(prejoin).display).to.equal('none');
    expect(room.livekitRoom.localParticipant.name).to.equal('Ada <b>Lovelace</b>');
    const micTrack = await waitFor(() => room.livekitRoom.localParticipant.getTrackPublication(Track.Source.Microphone)?.track, 'microphone published');
    await waitFor(() => room.livekitRoom.localParticipant.getTrackPublication(Track.Source.Camera)?.track, 'camera published');
    expect(micTrack.mediaStreamTrack.getSettings().deviceId).to.equal(mic.value);
    // The preview released its devices.
    expect(video.srcObject === null || (video.srcObject as MediaStream).getTracks().every((t) => t.readyState === 'ended')).to.equal(true);
    expect(JSON.parse(localStorage.getItem('lk-user-choices')!)).to.deep.include({
      videoEnabled: true,
      audioEnabled: true,
      audioDeviceId: mic.value,
      username: 'Ada <b>Lovelace</b>',
    });
    await room.leave();
  });

  it('starts from choices LiveKit\'s React PreJoin stored, and joins without the camera it turned off', async () => {
    localStorage.setItem(
      'lk-user-choices',
      JSON.stringify({ videoEnabled: false, audioEnabled: true, videoDeviceId: 'default', audioDeviceId: 'default', username: 'Zoe', deviceStatus: { audio: 'enabled', video: 'disabled' } }),
    );
    const page = await fixture<HTMLDivElement>(html`<div><lk-room id="later" token-endpoint="/api/token" room-name=${uniqueRoom()}></lk-room>
      <lk-prejoin room="later"></lk-prejoin></div>`);
    const room = page.querySelector<LkRoom>('lk-room')!;
    const prejoin = page.querySelector<LkPrejoin>('lk-prejoin')!;
    await prejoin.updateComplete;
    expect(part<HTMLInputElement>(prejoin, 'name').value).to.equal('Zoe');
    expect(part(prejoin, 'camera-button').getAttribute('aria-pressed')).to.equal('false');
    expect(part(prejoin, 'placeholder').textContent).to.equal('Z');
    part<HTMLInputElement>(prejoin, 'name').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    await waitFor(() => room.connectionState === 'connected', 'connected');
    await waitFor(() => room.livekitRoom.localParticipant.getTrackPublication(Track.Source.Microphone), 'microphone published');
    expect(room.livekitRoom.localParticipant.getTrackPublication(Track.Source.Camera)).to.equal(undefined);
    expect(room.livekitRoom.localParticipant.name).to.equal('Zoe');
    expect(JSON.parse(localStorage.getItem('lk-user-choices')!)).to.deep.include({ videoEnabled: false, deviceStatus: { audio: 'enabled', video: 'disabled' } });
    await room.leave();
  });
});
