/** @jsxImportSource preact */
// Type-level tests of types/jsx-preact.d.ts (`livekit-elements/jsx-preact`), compiled by `npm run
// typecheck`, never run.
import type {} from 'livekit-elements/jsx-preact';
import type { LkErrorCode, LkRoom } from 'livekit-elements';
import { exactly } from './exactly.js';


export const call = (
  <div>
    <lk-room
      id="call"
      token-endpoint="/api/token"
      room-name="standup"
      connect
      video-max-bitrate="800k"
      simulcast="off"
      options={{ dynacast: true }}
      onlk-error={(event) => exactly<LkErrorCode>()(event.detail.code)}
      onlk-connection-state-changed={(event) => exactly<LkRoom['connectionState']>()(event.detail.state)}
    >
      <lk-microphone-toggle dtx="false" />
    </lk-room>
    {/* `room` is the property of that name: the id of the room element. */}
    <lk-connection-state room="call" />
  </div>
);

export const wrong = (
  <div>
    {/* @ts-expect-error Preact removes the attribute for `false`: the SDK default, not off. */}
    <lk-microphone-toggle dtx={false} />
    {/* @ts-expect-error the detail of lk-error is LkErrorDetail */}
    <lk-room onlk-error={(event: CustomEvent<number>) => event.detail.toFixed()} />
  </div>
);
