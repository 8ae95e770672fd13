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
      auto-connect={connect}
      prop:participantIdentity="alice"
      attr:video-max-bitrate={bitrate}
      attr:simulcast={false}
      options={{ dynacast: true }}
      on:lk-error={(event) => exactly<LkErrorCode>()(event.detail.code)}
      on:lk-connection-state-changed={(event) => exactly<LkRoom['connectionState']>()(event.detail.state)}
    >
      <lk-connection-state />
    </lk-room>
    <lk-connection-state room-id="call" />
    <lk-connection-state attr:room="call" />
  </div>
);

export const wrong = (
  <div>
    {/* @ts-expect-error Solid sets the property `connect`, which is the method connect(): use auto-connect or attr:connect. */}
    <lk-room connect />
    {/* @ts-expect-error Solid would assign the read-only `room` property: use room-id or attr:room. */}
    <lk-connection-state room="call" />
    {/* @ts-expect-error `autoConnect` would become the property `autoconnect`: write auto-connect or prop:autoConnect. */}
    <lk-room autoConnect />
    {/* @ts-expect-error not a video codec */}
    <lk-room attr:video-codec="vp7" />
    {/* @ts-expect-error the detail of lk-error is LkErrorDetail */}
    <lk-room on:lk-error={(event: CustomEvent<number>) => event.detail.toFixed()} />
  </div>
);
