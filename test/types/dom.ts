// Type-level tests, compiled by `npm run typecheck` and never run: what a TypeScript user gets from
// the kit without any framework. A line that stops compiling (or an `@ts-expect-error` that stops
// being an error) fails the typecheck.
import type { LkCameraToggle, LkErrorCode, LkErrorDetail, LkRoom } from 'livekit-elements';
import type { ConnectionState, Room } from 'livekit-client';
import { exactly, type Equal } from './exactly.js';

// HTMLElementTagNameMap: querySelector and createElement know every tag.
const room = document.querySelector('lk-room');
exactly<LkRoom | null>()(room);
const toggle = document.createElement('lk-camera-toggle');
exactly<LkCameraToggle>()(toggle);
exactly<Room | undefined>()(toggle.livekitRoom);
exactly<string | undefined>()(toggle.room);
export const stateType: Equal<HTMLElementTagNameMap['lk-connection-state']['state'], 'disconnected' | 'connecting' | 'connected' | 'reconnecting'> = true;

if (room) {
  // HTMLElementEventMap: lk-* listeners get their CustomEvent and detail.
  room.addEventListener('lk-error', (event) => {
    exactly<LkErrorCode>()(event.detail.code);
    exactly<CustomEvent<LkErrorDetail>>()(event);
  });
  room.addEventListener('lk-connection-state-changed', (event) => {
    exactly<LkRoom['connectionState']>()(event.detail.state);
    exactly<ConnectionState>()(event.detail.sdkState);
  });
  room.addEventListener('lk-connected', (event) => exactly<undefined>()(event.detail));
  room.addEventListener('lk-participant-connected', (event) => exactly<string>()(event.detail.participant.identity));
  document.querySelector('lk-microphone-toggle')?.addEventListener('lk-toggle', (event) => exactly<boolean>()(event.detail.enabled));
  // The events bubble: any element's listener is typed too.
  document.body.addEventListener('lk-error', (event) => exactly<string>()(event.detail.message));

  // The element's JS API.
  exactly<Room>()(room.livekitRoom);
  room.options = { adaptiveStream: true, publishDefaults: { videoCodec: 'vp9' } };
  room.connectOptions = { autoSubscribe: false };
  room.connect = true;
  void room.join({ name: 'Ann', video: true }).then(() => room.leave());
  // @ts-expect-error `livekitRoom` is read-only: the Room comes from the element.
  room.livekitRoom = undefined;
  // @ts-expect-error not a livekit-client video codec
  room.options = { publishDefaults: { videoCodec: 'vp7' } };
  // @ts-expect-error lk-error carries a detail, not a string
  room.addEventListener('lk-error', (event: CustomEvent<string>) => event.detail.length);
}
