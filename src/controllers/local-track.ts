import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ConnectionState, RoomEvent, Track, type LocalTrackPublication, type Room } from 'livekit-client';
import { mayPublish } from '../core/permissions.js';
import { RoomEventsController } from './room-events.js';

/**
 * The state of one local source (camera, microphone, screen share) of a room, kept in step with
 * the SDK whoever changes it: an element, code, or the browser's own "stop sharing" button.
 */
export class LocalTrackController implements ReactiveController {
  /** The track is published and not muted. */
  enabled = false;
  /** The room is connected and the token may publish this source. */
  available = false;

  #room?: Room;
  #events: RoomEventsController;

  constructor(
    private readonly host: ReactiveControllerHost,
    readonly source: Track.Source,
    private readonly onChange?: () => void,
  ) {
    host.addController(this);
    const sync = () => this.sync();
    this.#events = new RoomEventsController(host, {
      [RoomEvent.ConnectionStateChanged]: sync,
      [RoomEvent.LocalTrackPublished]: sync,
      [RoomEvent.LocalTrackUnpublished]: sync,
      [RoomEvent.TrackMuted]: sync,
      [RoomEvent.TrackUnmuted]: sync,
      [RoomEvent.ParticipantPermissionsChanged]: sync,
      [RoomEvent.Disconnected]: sync,
    });
  }

  get room(): Room | undefined {
    return this.#room;
  }

  set room(room: Room | undefined) {
    this.#room = room;
    this.#events.room = room;
    this.sync();
  }

  /** The publication of this source, if any. */
  get publication(): LocalTrackPublication | undefined {
    return this.#room?.localParticipant.getTrackPublication(this.source);
  }

  hostConnected(): void {
    this.sync();
  }

  /** Re-reads the state from the SDK; requests a host update when it changed. */
  sync(): void {
    const room = this.#room;
    const publication = this.publication;
    const enabled = !!publication?.track && !publication.isMuted;
    const available = room?.state === ConnectionState.Connected && mayPublish(room.localParticipant.permissions, this.source);
    if (enabled === this.enabled && available === this.available) return;
    this.enabled = enabled;
    this.available = available;
    this.onChange?.();
    this.host.requestUpdate();
  }
}
