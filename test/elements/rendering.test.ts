import { expect, fixture, html } from '@open-wc/testing';
import { Room, type LocalParticipant } from 'livekit-client';
import '../../src/index.js';
import type {
  LkConnectionQuality,
  LkParticipantName,
  LkParticipants,
  LkParticipantTile,
  LkTrackView,
} from '../../src/index.js';
import type { LkErrorDetail } from '../../src/core/errors.js';
import { captureWarnings } from '../helpers.js';

/** A real, unconnected participant: the local one of a new `Room`, named. */
function person(identity: string, name?: string): LocalParticipant {
  const participant = new Room().localParticipant;
  participant.identity = identity;
  participant.name = name;
  return participant;
}

/** The `lk-error`s an element emits while `fn` runs, and the console warnings. */
async function errorsOf(target: EventTarget, fn: () => unknown): Promise<{ errors: LkErrorDetail[]; warnings: string[] }> {
  const errors: LkErrorDetail[] = [];
  const listener = (e: Event) => errors.push((e as CustomEvent<LkErrorDetail>).detail);
  target.addEventListener('lk-error', listener);
  const warnings = await captureWarnings(fn);
  target.removeEventListener('lk-error', listener);
  return { errors, warnings };
}

describe('lk-track-view (no server)', () => {
  it('without a track: state none, a video element, the placeholder shown', async () => {
    const el = await fixture<LkTrackView>(html`<lk-track-view><span slot="placeholder">no video</span></lk-track-view>`);
    expect(el.state).to.equal('none');
    expect(el.getAttribute('state')).to.equal('none');
    expect(el.kind).to.equal('video');
    const video = el.mediaElement as HTMLVideoElement;
    expect(video.localName).to.equal('video');
    expect(video.muted).to.equal(true);
    expect(video.hasAttribute('playsinline')).to.equal(true);
    const placeholder = el.shadowRoot!.querySelector<HTMLElement>('[part=placeholder]')!;
    expect(getComputedStyle(placeholder).display).to.not.equal('none');
    expect(el.track).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('source="microphone" renders an audio element; an unknown source is reported once and falls back to the camera', async () => {
    const audio = await fixture<LkTrackView>(html`<lk-track-view source="microphone"></lk-track-view>`);
    expect(audio.kind).to.equal('audio');
    expect(audio.mediaElement!.localName).to.equal('audio');
    const el = document.createElement('lk-track-view');
    el.setAttribute('source', 'webcam');
    const { errors, warnings } = await errorsOf(el, async () => {
      document.body.append(el);
      await el.updateComplete;
      el.fit = 'contain';
      await el.updateComplete;
    });
    expect(errors).to.have.length(1);
    expect(errors[0]).to.include({ code: 'invalid-attribute', attribute: 'source', value: 'webcam' });
    expect(errors[0].accepted).to.contain('screen_share');
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('source="webcam"');
    expect(el.kind).to.equal('video');
    expect((el.mediaElement as HTMLVideoElement).style.objectFit).to.equal('contain');
    await expect(el).to.be.accessible();
    el.remove();
  });
});

describe('lk-participant-name, lk-connection-quality (no server)', () => {
  it('shows a name as text, never as HTML, and local-label for the local participant', async () => {
    const hostile = '<img src=x onerror="window.__lkNamePwned=1"><b>bold</b>';
    const el = await fixture<LkParticipantName>(html`<lk-participant-name .participant=${person('eve', hostile)}></lk-participant-name>`);
    const text = el.shadowRoot!.querySelector('[part=name]')!;
    expect(text.textContent).to.equal(hostile);
    expect(text.children).to.have.length(0);
    expect((window as { __lkNamePwned?: number }).__lkNamePwned).to.equal(undefined);
    expect(el.local).to.equal(true);
    expect(el.hasAttribute('local')).to.equal(true);
    el.localLabel = 'You';
    await el.updateComplete;
    expect(text.textContent).to.equal('You');
    el.participant = person('ada');
    el.localLabel = undefined;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=name]')!.textContent).to.equal('ada');
    await expect(el).to.be.accessible();
  });

  it('connection quality: unknown until measured, with overridable labels', async () => {
    const el = await fixture<LkConnectionQuality>(html`<lk-connection-quality unknown-label="Qualité inconnue" .participant=${person('ada')}></lk-connection-quality>`);
    expect(el.quality).to.equal('unknown');
    expect(el.getAttribute('quality')).to.equal('unknown');
    expect(el.shadowRoot!.querySelector('[part=label]')!.textContent).to.equal('Qualité inconnue');
    // Lit bars have the quality's colour, the others the colour of bars off.
    const fills = () => [...el.shadowRoot!.querySelectorAll('rect')].map((rect) => getComputedStyle(rect).fill);
    const off = fills()[0];
    expect(fills().filter((fill) => fill !== off)).to.have.length(0);
    // The SDK's own setter, as a quality update from the server calls it (protocol GOOD = 1).
    el.livekitParticipant!.setConnectionQuality(1);
    await el.updateComplete;
    expect(el.quality).to.equal('good');
    expect(fills().map((fill) => fill !== off)).to.deep.equal([true, true, false]);
    await expect(el).to.be.accessible();
  });
});

describe('lk-participant-tile (no server)', () => {
  it('a participant without tracks: initials, muted microphone and video, reflected state', async () => {
    const el = await fixture<LkParticipantTile>(html`<lk-participant-tile .participant=${person('ada', 'Ada Lovelace')}></lk-participant-tile>`);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=initials]')!.textContent).to.equal('AL');
    expect(el.audioMuted).to.equal(true);
    expect(el.videoMuted).to.equal(true);
    expect(el.speaking).to.equal(false);
    expect(['audio-muted', 'video-muted', 'local', 'source'].filter((a) => el.hasAttribute(a))).to.deep.equal(['audio-muted', 'video-muted', 'local', 'source']);
    expect(el.shadowRoot!.querySelector('[part=mic-muted]')!.getAttribute('aria-label')).to.equal('Microphone muted');
    expect(el.shadowRoot!.querySelector('[part=base]')!.getAttribute('aria-label')).to.equal('Ada Lovelace');
    // The connection quality, named for screen readers; measured excellent, three bars lit in its colour.
    const quality = el.shadowRoot!.querySelector('[part=connection-quality]')!;
    expect(quality.getAttribute('aria-label')).to.equal('Connection quality unknown');
    el.livekitParticipant!.setConnectionQuality(2);
    await el.updateComplete;
    expect(quality.getAttribute('aria-label')).to.equal('Excellent connection');
    expect([...quality.querySelectorAll('rect')].map((rect) => getComputedStyle(rect).fill)).to.deep.equal(Array(3).fill('rgb(6, 219, 77)'));
    await expect(el).to.be.accessible();
  });

  it('provides its participant to the elements inside, its own and slotted ones', async () => {
    const ada = person('ada', 'Ada Lovelace');
    const el = await fixture<LkParticipantTile>(html`<lk-participant-tile .participant=${ada}>
      <lk-participant-name slot="name" local-label="Me"></lk-participant-name>
      <span slot="mic-indicator">🔇 muted</span>
    </lk-participant-tile>`);
    const slotted = el.querySelector('lk-participant-name')!;
    await slotted.updateComplete;
    expect(slotted.livekitParticipant === ada, "slotted shows ada").to.equal(true);
    expect(slotted.text).to.equal('Me');
    const inner = el.shadowRoot!.querySelector('lk-track-view')!;
    expect(inner.livekitParticipant === ada, "inner shows ada").to.equal(true);
    // The tile's own name, the fallback of the name slot, follows the tile's participant.
    const innerName = el.shadowRoot!.querySelector('[part=name]')!;
    expect(innerName.textContent).to.equal('Ada Lovelace');
    // A participant set later reaches them too.
    const bob = person('bob', 'Bob');
    el.participant = bob;
    await el.updateComplete;
    await slotted.updateComplete;
    expect(slotted.livekitParticipant === bob, "slotted shows bob").to.equal(true);
    expect(inner.livekitParticipant === bob, "inner shows bob").to.equal(true);
    expect(innerName.textContent).to.equal('Bob');
    await expect(el).to.be.accessible();
  });

  it('the screen-share variant shows a screen icon and no initials', async () => {
    const el = await fixture<LkParticipantTile>(html`<lk-participant-tile source="screen_share" screen-share-label="Écran" .participant=${person('ada', 'Ada')}></lk-participant-tile>`);
    expect(el.shadowRoot!.querySelector('[part=initials]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[part=screen-share-icon]')!.getAttribute('aria-label')).to.equal('Écran');
    expect(el.shadowRoot!.querySelector('lk-track-view')!.getAttribute('source')).to.equal('screen_share');
    await expect(el).to.be.accessible();
  });
});

describe('lk-participants (no server)', () => {
  it('a room not connected shows the empty slot and no tiles', async () => {
    const el = await fixture<LkParticipants>(html`<lk-participants><p slot="empty">Nobody here yet</p></lk-participants>`);
    expect(el.items).to.deep.equal([]);
    const empty = el.shadowRoot!.querySelector<HTMLSlotElement>('slot[name=empty]')!;
    expect(empty.assignedElements().map((e) => e.textContent)).to.deep.equal(['Nobody here yet']);
    await expect(el).to.be.accessible();
  });

  it('an unknown filter, sources or layout is reported as invalid-attribute', async () => {
    const el = document.createElement('lk-participants');
    el.setAttribute('filter', 'everyone');
    el.setAttribute('sources', 'camera,video');
    el.setAttribute('layout', 'mosaic');
    const { errors } = await errorsOf(el, async () => {
      document.body.append(el);
      await el.updateComplete;
    });
    expect(errors.map((e) => [e.code, e.attribute, e.value])).to.deep.equal([
      ['invalid-attribute', 'filter', 'everyone'],
      ['invalid-attribute', 'sources', 'camera,video'],
      ['invalid-attribute', 'layout', 'mosaic'],
    ]);
    await expect(el).to.be.accessible();
    el.remove();
  });

  it('an unknown page-size, page or sort is reported with what is accepted, and the defaults hold', async () => {
    const el = document.createElement('lk-participants');
    el.setAttribute('page-size', '0');
    el.setAttribute('page', 'last');
    el.setAttribute('sort', 'loudest');
    const { errors } = await errorsOf(el, async () => {
      document.body.append(el);
      await el.updateComplete;
    });
    expect(errors.map((e) => [e.code, e.attribute, e.value])).to.deep.equal([
      ['invalid-attribute', 'page-size', '0'],
      ['invalid-attribute', 'sort', 'loudest'],
      ['invalid-attribute', 'page', 'last'],
    ]);
    expect(errors[0].accepted).to.match(/auto .* from 1 to 100/);
    expect(errors[1].accepted).to.equal('one of join, speaker');
    // Nobody to show yet: one page, the first; no page controls.
    expect([el.page, el.pageCount]).to.deep.equal([1, 1]);
    expect(el.shadowRoot!.querySelector('[part=pagination]')).to.equal(null);
    el.remove();
  });
});
