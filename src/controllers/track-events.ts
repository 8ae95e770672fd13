import type { ReactiveControllerHost } from 'lit';
import type { Track } from 'livekit-client';
import { EmitterEventsController } from './emitter-events.js';

/** The events a livekit-client `Track` emits. */
export type TrackEventName = Parameters<Track['on']>[0];

export type TrackHandlers = Partial<Record<TrackEventName, (...args: never[]) => void>>;

/** Listens to a `Track`'s events while the host is connected and one is set; releases them after. */
export class TrackEventsController extends EmitterEventsController<Track> {
  constructor(host: ReactiveControllerHost, handlers: TrackHandlers) {
    super(host, handlers);
  }

  get track(): Track | undefined {
    return this.target;
  }

  set track(track: Track | undefined) {
    this.target = track;
  }
}
