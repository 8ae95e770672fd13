// <lk-room> from React 19: attributes and properties from state, lk-* events through `on<event>`
// props, a child bound by context, one outside bound by id, and the room left on unmount. The JSX
// is checked against the kit's typings (livekit-elements/jsx-react).
import { expect } from '@open-wc/testing';
import type {} from 'livekit-elements/jsx-react';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import '../../src/index.js';
import type { LkConnectionStateElement, LkErrorDetail } from '../../src/index.js';
import { captureWarnings, uniqueRoom, waitFor } from '../helpers.js';
import { expectBound, expectJoined, expectLeft, frameworkOptions } from './common.js';

describe('frameworks: React 19', () => {
  it('sets attributes and properties from state, hears lk-* events, binds children, and leaves on unmount', async () => {
    const roomName = uniqueRoom('react');
    const connected: Event[] = [];
    const errors: LkErrorDetail[] = [];
    let setConnect!: (value: boolean) => void;
    let setBitrate!: (value: '800k' | 'fast') => void;

    function Call() {
      const [connect, setConnectState] = useState(true);
      const [bitrate, setBitrateState] = useState<'800k' | 'fast'>('800k');
      setConnect = setConnectState;
      setBitrate = setBitrateState;
      return (
        <>
          <lk-room
            id="react-call"
            token-endpoint="/api/token"
            room-name={roomName}
            participant-identity="react-user"
            // React sets the property of the same name: `connect` is the attribute's own property.
            connect={connect}
            // 'fast' is no bitrate: the typings refuse it, so the test casts to show what the element does.
            video-max-bitrate={bitrate as '800k'}
            options={frameworkOptions}
            onlk-connected={(event) => connected.push(event)}
            onlk-error={(event) => errors.push(event.detail)}
          >
            <lk-connection-state className="inside" />
          </lk-room>
          <lk-connection-state className="outside" room="react-call" />
        </>
      );
    }

    const container = document.createElement('div');
    document.body.append(container);
    const root = createRoot(container);
    root.render(<Call />);
    const el = await waitFor(() => container.querySelector('lk-room'), 'React rendered lk-room');

    // Attributes (token-endpoint, room-name, participant-identity, video-max-bitrate), the
    // connect and options properties, and lk-connected through onlk-connected.
    await expectJoined(el, roomName, 'react-user');
    await waitFor(() => connected.length === 1, 'onlk-connected');
    expect(connected[0].type).to.equal('lk-connected');
    await expectBound(container.querySelector<LkConnectionStateElement>('.inside')!, el);
    await expectBound(container.querySelector<LkConnectionStateElement>('.outside')!, el);

    // A value from state that does not parse: lk-error through onlk-error.
    const warnings = await captureWarnings(async () => {
      setBitrate('fast');
      await waitFor(() => errors.length > 0, 'onlk-error');
    });
    expect(errors[0]).to.include({ code: 'invalid-attribute', attribute: 'video-max-bitrate', value: 'fast' });
    expect(warnings.join('\n')).to.contain('video-max-bitrate');

    // State off: the room disconnects; on again: it connects again.
    const room = el.livekitRoom;
    setConnect(false);
    await expectLeft(el, room);
    expect(el.connectionState).to.equal('disconnected');
    setConnect(true);
    await waitFor(() => connected.length === 2 && el.connectionState === 'connected', 'connected again');

    // Unmount: React removes the element, and the room leaves.
    const last = el.livekitRoom;
    root.unmount();
    expect(container.querySelector('lk-room')).to.equal(null);
    await expectLeft(el, last);
    container.remove();
  });
});
