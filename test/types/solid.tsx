/** @jsxImportSource solid-js */
// Type-level tests of types/jsx-solid.d.ts (`livekit-elements/jsx-solid`), compiled by `npm run
// typecheck`, never run.
import type {} from 'livekit-elements/jsx-solid';
import type { LkErrorCode, LkRoom } from 'livekit-elements';
import { exactly } from './exactly.js';


export const call = (connect: boolean, bitrate: `${number}k`) => (
  <div>
    <lk-room
      id="call"
      token-endpoint="/api/token"
      room-name="standup"
      connect={connect}
      prop:participantIdentity="alice"
      attr:video-max-bitrate={bitrate}
      attr:simulcast={false}
      options={{ dynacast: true }}
      on:lk-error={(event) => exactly<LkErrorCode>()(event.detail.code)}
      on:lk-connection-state-changed={(event) => exactly<LkRoom['connectionState']>()(event.detail.state)}
    >
      <lk-connection-state />
    </lk-room>
    <lk-connection-state room="call" />
    <lk-connection-state attr:room="call" />
  </div>
);

export const wrong = (
  <div>
    {/* @ts-expect-error `connectOptions` would become the property `connectoptions`: write connect-options or prop:connectOptions. */}
    <lk-room connectOptions={{ autoSubscribe: false }} />
    {/* @ts-expect-error not a video codec */}
    <lk-room attr:video-codec="vp7" />
    {/* @ts-expect-error the detail of lk-error is LkErrorDetail */}
    <lk-room on:lk-error={(event: CustomEvent<number>) => event.detail.toFixed()} />
  </div>
);
