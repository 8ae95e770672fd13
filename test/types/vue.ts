// Type-level tests of types/vue.d.ts (`livekit-elements/vue`), compiled by `npm run typecheck`,
// never run. test/frameworks/vue.test.ts renders the same props with Vue 3.
import type { LkRoomVueProps } from 'livekit-elements/vue';
import type { LkErrorCode, LkRoom } from 'livekit-elements';
import type { GlobalComponents } from 'vue';
import { exactly, type Equal } from './exactly.js';


// Every element is a global component for templates (vue-tsc, Volar).
type RoomProps = InstanceType<GlobalComponents['lk-room']>['$props'];
export const roomNameType: Equal<NonNullable<RoomProps['roomName']>, string> = true;
export const errorCodeType: Equal<Parameters<NonNullable<RoomProps['onLkError']>>[0]['detail']['code'], LkErrorCode> = true;

export const props: LkRoomVueProps = {
  'token-endpoint': '/api/token',
  'room-name': 'standup',
  connect: true,
  'video-max-bitrate': '800k',
  // Vue writes `false` as "false": for a tri-state that is off.
  dynacast: false,
  options: { adaptiveStream: true },
  onLkError: (event) => exactly<LkErrorCode>()(event.detail.code),
  onLkConnectionStateChanged: (event) => exactly<LkRoom['connectionState']>()(event.detail.state),
};

export const wrong: LkRoomVueProps[] = [
  // @ts-expect-error not a video codec
  { 'video-codec': 'vp7' },
  // @ts-expect-error the detail of lk-error is LkErrorDetail
  { onLkError: (event: CustomEvent<number>) => event.detail.toFixed() },
];
