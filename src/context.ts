/**
 * The shared contexts, through the Context Community Protocol (`@lit/context`). String keys, so
 * that two copies of the kit on one page still find each other's rooms.
 */
import { ContextRoot, createContext } from '@lit/context';
import type { Participant, Room } from 'livekit-client';

/** The `Room` of the nearest `<lk-room>`. */
export const roomContext = createContext<Room | undefined>('livekit-elements/room');

/** The participant of the nearest `<lk-participant-tile>` or `<lk-participants>` item. */
export const participantContext = createContext<Participant | undefined>('livekit-elements/participant');

// Requests made before their provider is defined (elements defined in any order) wait at the
// document and are answered once the provider appears.
const ROOT_KEY = Symbol.for('livekit-elements/context-root');
const globals = globalThis as { [ROOT_KEY]?: ContextRoot };
if (typeof document !== 'undefined' && !globals[ROOT_KEY]) {
  globals[ROOT_KEY] = new ContextRoot();
  globals[ROOT_KEY].attach(document.documentElement);
}
