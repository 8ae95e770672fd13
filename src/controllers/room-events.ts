import type { ReactiveControllerHost } from 'lit';
import type { Room, RoomEvent } from 'livekit-client';
import { EmitterEventsController } from './emitter-events.js';

type RoomHandlers = Partial<Record<RoomEvent, (...args: never[]) => void>>;

/** Listens to a `Room`'s events while the host is connected and a room is set; releases them after. */
export class RoomEventsController extends EmitterEventsController<Room> {
  constructor(host: ReactiveControllerHost, handlers: RoomHandlers) {
    super(host, handlers);
  }

  get room(): Room | undefined {
    return this.target;
  }

  set room(room: Room | undefined) {
    this.target = room;
  }
}
