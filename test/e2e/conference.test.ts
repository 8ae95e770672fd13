import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { DisconnectReason, Track } from 'livekit-client';
import '../../src/index.js';
import type { LkConference } from '../../src/index.js';
import { deepQueryAll, nextEvent, realClick, uniqueRoom, waitFor } from '../helpers.js';

const inShadow = <T extends Element>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;

/** The decoded width of the video shown for `identity`'s `source` in a conference's grid. */
function shownVideoWidth(conference: LkConference, identity: string, source: Track.Source): number {
  const participants = inShadow<HTMLElementTagNameMap['lk-participants']>(conference, 'lk-participants');
  const item = participants.items.find((i) => i.dataset.identity === identity && i.dataset.source === source);
  if (!item) return 0;
  return Math.max(0, ...deepQueryAll<HTMLVideoElement>(item, 'video').map((v) => v.videoWidth));
}

async function send(conference: LkConference, text: string) {
  const chat = inShadow<HTMLElementTagNameMap['lk-chat']>(conference, 'lk-chat');
  const input = inShadow<HTMLInputElement | HTMLTextAreaElement>(chat, '[part=input]');
  input.focus();
  await sendKeys({ type: text });
  await sendKeys({ press: 'Enter' });
}

const messages = (conference: LkConference) =>
  deepQueryAll(inShadow(conference, 'lk-chat').shadowRoot!, '[part~=body]').map((m) => m.textContent);

describe('e2e: lk-conference', () => {
  it('two participants: camera, microphone, screen share, a chat message each way, leave', async () => {
    const name = uniqueRoom();
    const page = await fixture<HTMLDivElement>(html`<div style="display: grid; grid-template-columns: 1fr 1fr; height: 520px; width: 1100px">
      <lk-conference id="ann" token-endpoint="/api/token" room-name=${name} participant-identity="ann" participant-name="Ann" connect video audio video-resolution="h360"></lk-conference>
      <lk-conference id="ben" token-endpoint="/api/token" room-name=${name} participant-identity="ben" participant-name="Ben" connect video audio video-resolution="h360"></lk-conference>
    </div>`);
    const ann = page.querySelector<LkConference>('#ann')!;
    const ben = page.querySelector<LkConference>('#ben')!;
    await waitFor(() => ann.connectionState === 'connected' && ben.connectionState === 'connected', 'both connected');

    // Each sees the other's camera, and hears the other's microphone.
    await waitFor(() => shownVideoWidth(ann, 'ben', Track.Source.Camera) > 0, 'ann sees ben');
    await waitFor(() => shownVideoWidth(ben, 'ann', Track.Source.Camera) > 0, 'ben sees ann');
    await waitFor(() => ann.livekitRoom.remoteParticipants.get('ben')?.getTrackPublication(Track.Source.Microphone)?.isSubscribed, 'ann receives ben\'s microphone');
    expect(deepQueryAll<HTMLAudioElement>(ann.shadowRoot!, 'lk-audio-renderer').length).to.equal(1);
    await waitFor(() => deepQueryAll<HTMLAudioElement>(inShadow(ann, 'lk-audio-renderer').shadowRoot ?? inShadow(ann, 'lk-audio-renderer'), 'audio').length > 0, 'an audio element plays ben\'s microphone');

    // Ann shares her screen from the control bar; Ben sees it large.
    await realClick(inShadow(ann, 'lk-screenshare'));
    await waitFor(() => shownVideoWidth(ben, 'ann', Track.Source.ScreenShare) > 0, 'ben sees ann\'s screen');
    const benGrid = inShadow<HTMLElementTagNameMap['lk-participants']>(ben, 'lk-participants');
    const focused = benGrid.items.find((i) => i.dataset.source === Track.Source.ScreenShare)!;
    expect(focused.getAttribute('slot')).to.not.equal(null);
    expect(focused.getBoundingClientRect().width).to.be.greaterThan(benGrid.items.find((i) => i.dataset.identity === 'ben')!.getBoundingClientRect().width);

    // A chat message each way; the closed chat counts it as unread.
    inShadow<HTMLButtonElement>(ann, '[part=chat-toggle]').click();
    await ann.updateComplete;
    await send(ann, 'Hello from Ann');
    await waitFor(() => inShadow(ben, '[part=unread]')?.textContent === '1', 'ben sees one unread');
    inShadow<HTMLButtonElement>(ben, '[part=chat-toggle]').click();
    await waitFor(() => messages(ben).includes('Hello from Ann'), 'ben reads it');
    expect(inShadow(ben, '[part=unread]') === null, 'no unread count once open').to.equal(true);
    await send(ben, 'Hi Ann');
    await waitFor(() => messages(ann).includes('Hi Ann'), 'ann reads the answer');

    // Ann leaves.
    const left = nextEvent(ann, 'lk-disconnected');
    const gone = nextEvent(ben, 'lk-participant-disconnected');
    inShadow<HTMLButtonElement>(inShadow(ann, 'lk-leave-button'), 'button').click();
    expect((await left).detail.reason).to.equal(DisconnectReason.CLIENT_INITIATED);
    expect((await gone).detail.participant.identity).to.equal('ann');
    await waitFor(() => !benGrid.items.some((i) => i.dataset.identity === 'ann'), 'ann\'s tiles gone from ben\'s grid');
    await waitFor(() => !inShadow<HTMLElement>(ann, '[part=notice]').hidden, 'ann sees the connection notice');
    await expect(ben).to.be.accessible();
    await ben.leave();
  });

  it('passes every lk-room attribute through, and a slotted control bar binds to its room', async () => {
    const page = await fixture<HTMLDivElement>(html`<div style="height: 400px">
      <lk-conference token-endpoint="/api/token" room-name=${uniqueRoom()} connect simulcast="false" video-max-bitrate="400k" video-resolution="h360">
        <div slot="control-bar"><lk-camera-toggle label="Kamera"></lk-camera-toggle></div>
      </lk-conference></div>`);
    const conference = page.querySelector<LkConference>('lk-conference')!;
    await waitFor(() => conference.connectionState === 'connected', 'connected');
    // The slotted bar replaces the default one.
    const slot = inShadow<HTMLSlotElement>(conference, 'slot[name=control-bar]');
    expect(slot.assignedElements().map((e) => e.localName)).to.deep.equal(['div']);
    const toggle = page.querySelector<HTMLElementTagNameMap['lk-camera-toggle']>('lk-camera-toggle')!;
    expect(toggle.livekitRoom === conference.livekitRoom, 'the slotted toggle is bound to the conference room').to.equal(true);
    await waitFor(() => !inShadow<HTMLButtonElement>(toggle, 'button').disabled, 'enabled');
    inShadow<HTMLButtonElement>(toggle, 'button').click();
    const sender = await waitFor(() => conference.livekitRoom.localParticipant.getTrackPublication(Track.Source.Camera)?.track?.sender, 'camera published');
    const encodings = sender.getParameters().encodings;
    expect(encodings).to.have.length(1);
    expect(encodings[0].maxBitrate).to.equal(400_000);
    await conference.leave();
  });
});
