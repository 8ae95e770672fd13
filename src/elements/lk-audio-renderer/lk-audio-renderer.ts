import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { RoomEvent, type RemoteAudioTrack, type Room } from 'livekit-client';
import { AttributeParser } from '../../controllers/attribute-parser.js';
import { RoomBindingController } from '../../controllers/room-binding.js';
import { RoomEventsController } from '../../controllers/room-events.js';
import { TrackAttachController } from '../../controllers/track-attach.js';
import { parseVolume, playedTracks } from '../../core/audio.js';
import { parseFlag } from '../../core/grammar.js';
import { LkElement } from '../base.js';
import { styles } from './lk-audio-renderer.styles.js';

const flag = { fromAttribute: parseFlag, toAttribute: (value: boolean) => (value ? '' : null) };

/**
 * Plays every remote microphone and screen-share audio track of its room, each in an `<audio>`
 * element of its own (attached with livekit-client's `track.attach()`), on the room's
 * `audio-output-device`. Put one in each room; it shows nothing.
 *
 * When the browser blocks playback until the user interacts with the page, `<lk-start-audio>`
 * offers the button that unblocks it.
 *
 * @summary Plays the room's remote audio.
 * @tag lk-audio-renderer
 *
 * @fires lk-error - `{code: 'invalid-attribute', attribute, value, accepted}` for a `volume` outside 0…1.
 */
export class LkAudioRenderer extends LkElement {
  static override styles = [LkElement.styles, styles];

  /** The id of an `<lk-room>` to use instead of the enclosing one. */
  @property({ attribute: 'room' }) roomId?: string;

  /** Playback volume, 0 to 1 (livekit-client's `RemoteAudioTrack.setVolume`). Default 1. */
  @property() volume?: string | number;

  /** Silence every track while present (`muted="false"` is off). The tracks stay subscribed. */
  @property({ converter: flag, reflect: true }) muted = false;

  #attrs = new AttributeParser(this);
  #events = new RoomEventsController(
    this,
    Object.fromEntries(
      [
        RoomEvent.ConnectionStateChanged,
        RoomEvent.TrackSubscribed,
        RoomEvent.TrackUnsubscribed,
        RoomEvent.ParticipantDisconnected,
      ].map((event) => [event, () => this.requestUpdate()]),
    ),
  );
  #binding = new RoomBindingController(this, (room) => (this.#events.room = room));
  #attach = new TrackAttachController(this);
  #tracks: RemoteAudioTrack[] = [];
  #volume = 1;

  /** The room this element uses. */
  get room(): Room | undefined {
    return this.#binding.room;
  }

  /** The tracks playing now. */
  get tracks(): RemoteAudioTrack[] {
    return [...this.#tracks];
  }

  /** The `<audio>` elements, one per track. */
  get audioElements(): HTMLAudioElement[] {
    return [...this.renderRoot.querySelectorAll('audio')];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Back in the page: the room may have changed meanwhile.
    this.requestUpdate();
  }

  protected override willUpdate(): void {
    const participants = this.room ? [...this.room.remoteParticipants.values()] : [];
    this.#tracks = participants.flatMap((participant) => playedTracks(participant.audioTrackPublications.values()) as RemoteAudioTrack[]);
    this.#volume = this.#attrs.parse('volume', this.volume === undefined ? undefined : String(this.volume), parseVolume, 1);
    this.#attrs.report();
  }

  protected override render() {
    return repeat(
      this.#tracks,
      (track) => track.sid,
      (track) => html`<audio data-sid=${track.sid} data-source=${track.source}></audio>`,
    );
  }

  protected override updated(): void {
    const elements = new Map(this.audioElements.map((element) => [element.dataset.sid, element]));
    this.#attach.set(this.#tracks.flatMap((track) => {
      const element = elements.get(track.sid);
      return element ? [[element, track] as const] : [];
    }));
    for (const track of this.#tracks) track.setVolume(this.muted ? 0 : this.#volume);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lk-audio-renderer': LkAudioRenderer;
  }
}
