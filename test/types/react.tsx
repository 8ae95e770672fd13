// Type-level tests of types/jsx-react.d.ts (`livekit-elements/jsx-react`), compiled by `npm run
// typecheck`, never run. test/frameworks/react.test.tsx renders the same props in React 19.
import type {} from 'livekit-elements/jsx-react';
import type { LkConnectionStateElement, LkErrorCode, LkRoom } from 'livekit-elements';
import { useRef } from 'react';
import { exactly } from './exactly.js';


export function Call({ name }: { name: string }) {
  const room = useRef<LkRoom>(null);
  return (
    <>
      <lk-room
        ref={room}
        id="call"
        className="call"
        token-endpoint="/api/token"
        room-name={name}
        participantIdentity="alice"
        connect
        video
        video-max-bitrate="1.5M"
        video-resolution="1280x720@24"
        simulcast-layers="h180,h360"
        dynacast
        adaptive-stream="false"
        video-codec="vp9"
        options={{ publishDefaults: { red: false } }}
        connectOptions={{ autoSubscribe: true }}
        onlk-error={(event) => exactly<LkErrorCode>()(event.detail.code)}
        onlk-connected={(event) => exactly<undefined>()(event.detail)}
        onlk-connection-state-changed={(event) => exactly<LkRoom['connectionState']>()(event.detail.state)}
      >
        <lk-connection-state connected-label="On air" />
        <lk-camera-toggle max-bitrate={800_000} simulcast onlk-toggle={(event) => exactly<boolean>()(event.detail.enabled)} />
      </lk-room>
      <lk-connection-state room="call" ref={(el: LkConnectionStateElement | null) => void el?.state} />
    </>
  );
}

export const wrong = (
  <>
    {/* @ts-expect-error React removes the attribute for `false`: that is the SDK default, not off. */}
    <lk-room dynacast={false} />
    {/* @ts-expect-error not a video codec */}
    <lk-room video-codec="vp7" />
    {/* @ts-expect-error not a bitrate */}
    <lk-room video-max-bitrate="fast" />
    {/* @ts-expect-error `options` takes RoomOptions */}
    <lk-room options="adaptive" />
    {/* @ts-expect-error the detail of lk-error is LkErrorDetail */}
    <lk-room onlk-error={(event: CustomEvent<string>) => event.detail.length} />
  </>
);
