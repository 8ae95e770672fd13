// Type-level tests of types/svelte.d.ts (`livekit-elements/svelte`), compiled by `npm run
// typecheck`, never run. test/frameworks/svelte.test.ts renders the same props with Svelte 5.
import type {} from 'livekit-elements/svelte';
import type { LkErrorCode, LkRoom } from 'livekit-elements';
import type { SvelteHTMLElements } from 'svelte/elements';
import { exactly } from './exactly.js';


export const props: SvelteHTMLElements['lk-room'] = {
  'token-endpoint': '/api/token',
  'room-name': 'standup',
  // Svelte sets `connect` as the property of the same name.
  connect: true,
  'video-max-bitrate': '800k',
  dynacast: false,
  options: { adaptiveStream: true },
  'onlk-error': (event) => exactly<LkErrorCode>()(event.detail.code),
  'onlk-connection-state-changed': (event) => exactly<LkRoom['connectionState']>()(event.detail.state),
};

// `room` is the property of the same name, the id of the room element.
export const outside: SvelteHTMLElements['lk-connection-state'] = { room: 'call' };

export const wrong: SvelteHTMLElements['lk-room'][] = [
  // @ts-expect-error not a video codec
  { 'video-codec': 'vp7' },
  // @ts-expect-error the detail of lk-error is LkErrorDetail
  { 'onlk-error': (event: CustomEvent<number>) => event.detail.toFixed() },
];
