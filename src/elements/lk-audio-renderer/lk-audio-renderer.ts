import type { PropertyDeclarations } from 'lit';
import { RoomEvent, type RemoteAudioTrack, type Room } from 'livekit-client';
import { AttributeParser } from '../../controllers/attribute-parser.js';
import { RoomEventsController } from '../../controllers/room-events.js';
import { TrackAttachController } from '../../controllers/track-attach.js';
import { parseVolume, playedTracks } from '../../core/audio.js';
import { parseFlag } from '../../core/grammar.js';
import { LkElement } from '../base.js';
import { LkRoomBoundElement } from '../room-bound-element.js';
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
export class LkAudioRenderer extends LkRoomBoundElement {
  static override properties: PropertyDeclarations = {
    volume: {},
    muted: { converter: flag, reflect: true },
  };

  static override styles = [LkElement.styles, styles];


  /** Playback volume, 0 to 1 (livekit-client's `RemoteAudioTrack.setVolume`). Default 1. */
  volume?: string | number;

  /** Silence every track while present (`muted="false"` is off). The tracks stay subscribed. */
  muted = false;

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
  protected override roomChanged(room: Room | undefined): void {
    this.#events.room = room;
  }
  #attach = new TrackAttachController(this);
  #tracks: RemoteAudioTrack[] = [];
  #elements = new Map<RemoteAudioTrack['sid'], HTMLAudioElement>();
  #volume = 1;


  /** The tracks playing now. */
  get tracks(): RemoteAudioTrack[] {
    return [...this.#tracks];
  }

  /** The `<audio>` elements, one per track. */
  get audioElements(): HTMLAudioElement[] {
    return [...this.#elements.values()];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Back in the page: the room may have changed meanwhile.
    this.requestUpdate();
  }

  protected override willUpdate(): void {
    const participants = this.livekitRoom ? [...this.livekitRoom.remoteParticipants.values()] : [];
    this.#tracks = participants.flatMap((participant) => playedTracks(participant.audioTrackPublications.values()) as RemoteAudioTrack[]);
    this.#volume = this.#attrs.parse('volume', this.volume, parseVolume, 1);
    this.#attrs.report();
  }

  // No template: one <audio> per track sid, created and removed here, so that a track coming or
  // going never moves (and so pauses) the others' elements.
  protected override updated(): void {
    for (const track of this.#tracks) {
      if (this.#elements.has(track.sid)) continue;
      const element = document.createElement('audio');
      element.dataset.sid = track.sid ?? '';
      element.dataset.source = track.source;
      this.renderRoot.append(element);
      this.#elements.set(track.sid, element);
    }
    this.#attach.set(this.#tracks.map((track) => [this.#elements.get(track.sid)!, track] as const));
    const playing = new Set(this.#tracks.map((track) => track.sid));
    for (const [sid, element] of this.#elements) {
      if (playing.has(sid)) continue;
      element.remove();
      this.#elements.delete(sid);
    }
    for (const track of this.#tracks) track.setVolume(this.muted ? 0 : this.#volume);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lk-audio-renderer': LkAudioRenderer;
  }
}
