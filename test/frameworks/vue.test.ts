// <lk-room> from Vue 3 with render functions (no template compiler): attributes and properties
// from refs, lk-* events through `onLk…` listeners, a child bound by context, one outside bound by
// id, and the room left on unmount. The props are checked against livekit-elements/vue.
import { expect } from '@open-wc/testing';
import type { LkConnectionStateVueProps, LkRoomVueProps } from 'livekit-elements/vue';
import { createApp, defineComponent, h, ref } from 'vue';
import '../../src/index.js';
import type { LkConnectionStateElement, LkErrorDetail, LkRoom } from '../../src/index.js';
import { captureWarnings, uniqueRoom, waitFor } from '../helpers.js';
import { expectBound, expectJoined, expectLeft, frameworkOptions } from './common.js';

describe('frameworks: Vue 3', () => {
  it('sets attributes and properties from refs, hears lk-* events, binds children, and leaves on unmount', async () => {
    const roomName = uniqueRoom('vue');
    const connected: Event[] = [];
    const errors: LkErrorDetail[] = [];
    const connect = ref(true);
    const bitrate = ref<'800k' | 'fast'>('800k');

    const Call = defineComponent({
      setup() {
        return () => {
          const room: LkRoomVueProps = {
            id: 'vue-call',
            'token-endpoint': '/api/token',
            'room-name': roomName,
            'participant-identity': 'vue-user',
            // Vue sets the property of the same name: `connect` is the attribute's own property.
            connect: connect.value,
            // 'fast' is no bitrate: the typings refuse it, so the test casts to show what the element does.
            'video-max-bitrate': bitrate.value as '800k',
            options: frameworkOptions,
            onLkConnected: (event) => connected.push(event),
            onLkError: (event) => errors.push(event.detail),
          };
          const inside: LkConnectionStateVueProps = { class: 'inside' };
          const outside: LkConnectionStateVueProps = { class: 'outside', room: 'vue-call' };
          return [h('lk-room', room, [h('lk-connection-state', inside)]), h('lk-connection-state', outside)];
        };
      },
    });

    const container = document.createElement('div');
    document.body.append(container);
    const app = createApp(Call);
    app.mount(container);
    const el = await waitFor(() => container.querySelector<LkRoom>('lk-room'), 'Vue rendered lk-room');

    // The property, which reflects to the attribute.
    expect(el.connect).to.equal(true);
    expect(el.hasAttribute('connect')).to.equal(true);
    await expectJoined(el, roomName, 'vue-user');
    await waitFor(() => connected.length === 1, 'onLkConnected');
    expect(connected[0].type).to.equal('lk-connected');
    await expectBound(container.querySelector<LkConnectionStateElement>('.inside')!, el);
    await expectBound(container.querySelector<LkConnectionStateElement>('.outside')!, el);

    const warnings = await captureWarnings(async () => {
      bitrate.value = 'fast';
      await waitFor(() => errors.length > 0, 'onLkError');
    });
    expect(errors[0]).to.include({ code: 'invalid-attribute', attribute: 'video-max-bitrate', value: 'fast' });
    expect(warnings.join('\n')).to.contain('video-max-bitrate');

    const room = el.livekitRoom;
    connect.value = false;
    await expectLeft(el, room);
    expect(el.hasAttribute('connect')).to.equal(false);
    connect.value = true;
    await waitFor(() => connected.length === 2 && el.connectionState === 'connected', 'connected again');

    const last = el.livekitRoom;
    app.unmount();
    expect(container.querySelector('lk-room')).to.equal(null);
    await expectLeft(el, last);
    container.remove();
  });
});
