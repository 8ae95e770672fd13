import { html, nothing, svg, type PropertyDeclarations } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { RoomEvent, Track, type Room } from 'livekit-client';
import { AttributeParser } from '../../controllers/attribute-parser.js';
import { RoomEventsController } from '../../controllers/room-events.js';
import { qualityBars, type LkQuality } from '../../core/connection-quality.js';
import { listEntries, type ListEntry, type TrackState } from '../../core/participant-list.js';
import { parseParticipantFilter, roomParticipants } from '../../core/participants.js';
import { barsStyles, qualityColours } from '../lk-connection-quality/bars.js';
import { LkRoomBoundElement } from '../room-bound-element.js';
import { PIN_PATH } from '../lk-participant-tile/icons.js';
import { cameraIcon, microphoneIcon } from '../track-toggle/icons.js';
import { styles } from './lk-participant-list.styles.js';

/** The Room events after which an entry may differ: who is there, their tracks, names, speaking, quality. */
const LIST_EVENTS = [
  RoomEvent.ConnectionStateChanged,
  RoomEvent.ParticipantConnected,
  RoomEvent.ParticipantDisconnected,
  RoomEvent.ParticipantNameChanged,
  RoomEvent.TrackPublished,
  RoomEvent.TrackUnpublished,
  RoomEvent.LocalTrackPublished,
  RoomEvent.LocalTrackUnpublished,
  RoomEvent.TrackMuted,
  RoomEvent.TrackUnmuted,
  RoomEvent.ActiveSpeakersChanged,
  RoomEvent.ConnectionQualityChanged,
] as const;

/** Three bars that grow: shown beside a participant who is speaking. */
/** A pin, for the pin buttons (named by the button). */
const pinIcon = svg`<svg viewBox="0 0 16 16" aria-hidden="true"><path fill="currentColor" d=${PIN_PATH} /></svg>`;

const speakingIcon = svg`<svg viewBox="0 0 16 16" aria-hidden="true"><path fill="currentColor" d="M2 6h2v4H2Zm4-3h2v10H6Zm4 2h2v6h-2Z"/></svg>`;

/**
 * Everyone in the room as a list: per participant their name (with a "(you)" mark on the local
 * one), microphone and camera state, whether they are speaking, and their connection quality. It
 * follows joins, leaves, mutes, renames, speaking and quality changes through the Room's events,
 * and updates only the items that changed.
 *
 * The order is stable: the local participant first, then the others in the order they joined.
 * Speaking shows on the item and never moves it, so an item stays where a screen reader or a pointer
 * left it.
 *
 * For screen readers it is a list (`role="list"`, named by `list-label`) with an item per
 * participant; each item is named by its name, the "(you)" mark, "Speaking" while they speak, and
 * its microphone and camera state, and described by its connection quality. Every text is an
 * attribute, so a page can be localised.
 *
 * @summary Everyone in the room, as an accessible list: name, microphone, camera, speaking, connection quality.
 * @tag lk-participant-list
 *
 * @slot empty - Shown while there is nobody to list.
 *
 * @csspart list - The `<ul>`.
 * @csspart item - Each participant's `<li>`.
 * @csspart item-local - The local participant's `<li>` also has this part.
 * @csspart item-speaking - The `<li>` of a participant who is speaking also has this part.
 * @csspart avatar - The participant's initials.
 * @csspart name - The name, as text.
 * @csspart you - The mark after the local participant's name (`you-label`).
 * @csspart speaking - The speaking indicator; visible only while the participant speaks.
 * @csspart mic - The microphone state icon, named by `mic-on-label`, `mic-muted-label` or `mic-off-label`.
 * @csspart camera - The camera state icon, named by `camera-on-label`, `camera-muted-label` or `camera-off-label`.
 * @csspart icon - The `<svg>` inside `mic` and `camera`.
 * @csspart connection-quality - Three bars in an `<svg>` named by the quality's label.
 * @csspart pin-button - Each participant's pin button (`aria-pressed`, named by `pin-label` and described by the name), in a room only: it pins their camera tile in the room, as the tile's own pin button does.
 *
 * @cssprop [--lk-fg] - Text colour.
 * @cssprop [--lk-fg2] - The "(you)" mark, and the icons of a camera or microphone that is off.
 * @cssprop [--lk-bg2] - Each item's background.
 * @cssprop [--lk-bg4] - Behind the initials.
 * @cssprop [--lk-accent-bg] - The speaking indicator and the ring around a speaker's initials.
 * @cssprop [--lk-danger] - A muted microphone.
 * @cssprop [--lk-border-radius=0.5rem] - Corner radius of the items.
 * @cssprop [--lk-participant-list-gap=0.25rem] - Space between items.
 * @cssprop [--lk-participant-list-item-bg=var(--lk-bg2)] - Each item's background, for this list only.
 * @cssprop [--lk-participant-list-speaking-color=var(--lk-accent-bg)] - The speaking indicator and ring, for this list only.
 * @cssprop [--lk-participant-list-muted-color=var(--lk-danger)] - A muted microphone, for this list only.
 * @cssprop [--lk-connection-excellent=#06db4d] - Bars for an excellent connection.
 * @cssprop [--lk-connection-good=#f9b11f] - Bars for a good connection.
 * @cssprop [--lk-connection-poor=#f91f31] - Bars for a poor or lost connection.
 * @cssprop [--lk-connection-quality-off] - Bars that are off.
 *
 * @fires lk-error - `{code: 'invalid-attribute', attribute, value, accepted}` for a `filter` it does not know.
 */
export class LkParticipantList extends LkRoomBoundElement {
  static override properties: PropertyDeclarations = {
    filter: {},
    count: { type: Number, reflect: true },
    listLabel: { attribute: 'list-label' },
    youLabel: { attribute: 'you-label' },
    speakingLabel: { attribute: 'speaking-label' },
    micOnLabel: { attribute: 'mic-on-label' },
    micMutedLabel: { attribute: 'mic-muted-label' },
    micOffLabel: { attribute: 'mic-off-label' },
    cameraOnLabel: { attribute: 'camera-on-label' },
    cameraMutedLabel: { attribute: 'camera-muted-label' },
    cameraOffLabel: { attribute: 'camera-off-label' },
    excellentLabel: { attribute: 'excellent-label' },
    goodLabel: { attribute: 'good-label' },
    poorLabel: { attribute: 'poor-label' },
    lostLabel: { attribute: 'lost-label' },
    unknownLabel: { attribute: 'unknown-label' },
    pinLabel: { attribute: 'pin-label' },
  };

  /** @internal */
  protected static override readonly readOnlyProperties: readonly string[] = ['count'];

  static override styles = [LkRoomBoundElement.styles, barsStyles, qualityColours, styles];

  /** Whom to list: `all` (default), `remote` or `local`. */
  filter?: string;

  /** How many participants the list shows. Reflected for CSS. Read-only. @readonly */
  count = 0;

  /** The list's name, for screen readers. Default: "Participants" in the page's language. */
  listLabel?: string;

  /** The mark after the local participant's name. Default: "(you)" in the page's language. */
  youLabel?: string;

  /** The text of the speaking indicator. Default: "Speaking" in the page's language. */
  speakingLabel?: string;

  /** The microphone icon's text while it is on. Default: "Microphone on" in the page's language. */
  micOnLabel?: string;

  /** The microphone icon's text while it is muted. Default: "Microphone muted" in the page's language. */
  micMutedLabel?: string;

  /** The microphone icon's text while there is none published. Default: "Microphone off" in the page's language. */
  micOffLabel?: string;

  /** The camera icon's text while it is on. Default: "Camera on" in the page's language. */
  cameraOnLabel?: string;

  /** The camera icon's text while it is muted. Default: "Camera muted" in the page's language. */
  cameraMutedLabel?: string;

  /** The camera icon's text while there is none published. Default: "Camera off" in the page's language. */
  cameraOffLabel?: string;

  /** Text for an excellent connection. Default: "Excellent connection" in the page's language. */
  excellentLabel?: string;

  /** Text for a good connection. Default: "Good connection" in the page's language. */
  goodLabel?: string;

  /** Text for a poor connection. Default: "Poor connection" in the page's language. */
  poorLabel?: string;

  /** Text for a lost connection. Default: "Connection lost" in the page's language. */
  lostLabel?: string;

  /** Text while the quality is not known yet. Default: "Connection quality unknown" in the page's language. */
  unknownLabel?: string;

  /** The pin buttons' name, for screen readers (the participant's name describes each). Default: "Pin" in the page's language. */
  pinLabel?: string;

  #attrs = new AttributeParser(this);
  // One listener per event on the Room for the whole list; the updates they request are batched.
  #events = new RoomEventsController(this, Object.fromEntries(LIST_EVENTS.map((event) => [event, () => this.requestUpdate()])));
  #entries: ListEntry[] = [];

  /** The identities listed, in order. */
  get identities(): string[] {
    return this.#entries.map((entry) => entry.identity);
  }

  protected override roomChanged(room: Room | undefined): void {
    this.#events.room = room;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Back in the page: people may have come and gone meanwhile.
    this.requestUpdate();
  }

  protected override willUpdate(): void {
    const filter = this.#attrs.parse('filter', this.filter, parseParticipantFilter, 'all');
    this.#attrs.report();
    this.#entries = listEntries(roomParticipants(this.livekitRoom), filter);
    this.count = this.#entries.length;
  }

  protected override render() {
    const empty = this.#entries.length === 0;
    // WebKit drops a list's semantics under `list-style: none`; the explicit role keeps them.
    // eslint-disable-next-line lit-a11y/no-redundant-role
    return html`<ul part="list" role="list" aria-label=${this.listLabel ?? this.i18n.t('participants')} ?hidden=${empty}>${repeat(
        this.#entries,
        (entry) => entry.identity,
        (entry, index) => this.#item(entry, `p${index}`),
      )}</ul>${empty ? html`<slot name="empty"></slot>` : nothing}`;
  }

  // The item's name is made of its own texts (aria-labelledby), so what a screen reader says when
  // it reads the item and when it names it is the same.
  #item(entry: ListEntry, id: string) {
    const named = [`${id}-name`, entry.local ? `${id}-you` : '', entry.speaking ? `${id}-speaking` : '', `${id}-mic`, `${id}-camera`];
    const parts = ['item', entry.local ? 'item-local' : '', entry.speaking ? 'item-speaking' : ''];
    return html`<li part=${parts.filter(Boolean).join(' ')} class=${entry.speaking ? 'speaking' : ''} data-identity=${entry.identity}
      aria-labelledby=${named.filter(Boolean).join(' ')} aria-describedby=${`${id}-quality`}
      ><span part="avatar" aria-hidden="true">${entry.initials}</span
      ><span class="who"
        ><span part="name" id=${`${id}-name`}>${entry.name}</span
        >${entry.local ? html` <span part="you" id=${`${id}-you`}>${this.youLabel ?? this.i18n.t('you')}</span>` : nothing}</span
      ><span part="speaking" id=${`${id}-speaking`} role=${entry.speaking ? 'img' : nothing} aria-label=${entry.speaking ? (this.speakingLabel ?? this.i18n.t('speaking')) : nothing}
        aria-hidden=${entry.speaking ? nothing : 'true'}>${speakingIcon}</span
      ><span part="mic" id=${`${id}-mic`} class=${entry.mic} role="img" aria-label=${this.#micLabel(entry.mic)}>${microphoneIcon(entry.mic !== 'on')}</span
      ><span part="camera" id=${`${id}-camera`} class=${entry.camera} role="img" aria-label=${this.#cameraLabel(entry.camera)}>${cameraIcon(entry.camera !== 'on')}</span
      ><svg part="connection-quality" id=${`${id}-quality`} class="q${qualityBars(entry.quality)} ${entry.quality}" viewBox="0 0 16 16" role="img"
        aria-label=${this.#qualityLabel(entry.quality)}
        ><rect x="1" y="10" width="4" height="5" rx="1"/><rect x="6" y="6" width="4" height="9" rx="1"/><rect x="11" y="2" width="4" height="13" rx="1"
      /></svg
    >${this.#pinButton(entry, id)}</li>`;
  }

  /** Pins (or unpins) the participant's camera tile in the room: the room's pin, which every element follows. */
  #pinButton(entry: ListEntry, id: string) {
    const pins = this.session?.pins;
    if (!pins) return nothing;
    const pinned = pins.isPinned(entry.identity, Track.Source.Camera);
    const toggle = () => pins.pin(pinned ? undefined : { identity: entry.identity, source: Track.Source.Camera });
    return html`<button part="pin-button" type="button" aria-pressed=${pinned ? 'true' : 'false'} aria-label=${this.pinLabel ?? this.i18n.t('pin')} aria-describedby=${`${id}-name`} @click=${toggle}>${pinIcon}</button>`;
  }

  #micLabel(state: TrackState): string {
    return { on: this.micOnLabel ?? this.i18n.t('micOn'), muted: this.micMutedLabel ?? this.i18n.t('micMuted'), off: this.micOffLabel ?? this.i18n.t('micOff') }[state];
  }

  #cameraLabel(state: TrackState): string {
    return { on: this.cameraOnLabel ?? this.i18n.t('cameraOn'), muted: this.cameraMutedLabel ?? this.i18n.t('cameraMuted'), off: this.cameraOffLabel ?? this.i18n.t('cameraOff') }[state];
  }

  #qualityLabel(quality: LkQuality): string {
    return { excellent: this.excellentLabel ?? this.i18n.t('qualityExcellent'), good: this.goodLabel ?? this.i18n.t('qualityGood'), poor: this.poorLabel ?? this.i18n.t('qualityPoor'), lost: this.lostLabel ?? this.i18n.t('qualityLost'), unknown: this.unknownLabel ?? this.i18n.t('qualityUnknown') }[quality];
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lk-participant-list': LkParticipantList;
  }
}
