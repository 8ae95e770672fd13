import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { LkPrejoin, LkRoom } from '../../src/index.js';
import { uniqueRoom, waitFor } from '../helpers.js';

const part = <T extends Element>(el: HTMLElement, name: string) => el.shadowRoot!.querySelector<T>(`[part=${name}]`)!;

describe('denied: lk-prejoin', () => {
  it('says the camera and microphone cannot be used, and joins without them', async () => {
    localStorage.removeItem('lk-user-choices');
    const page = await fixture<HTMLDivElement>(html`<div><lk-room token-endpoint="/api/token" room-name=${uniqueRoom()}>
      <lk-prejoin></lk-prejoin></lk-room></div>`);
    const room = page.querySelector<LkRoom>('lk-room')!;
    const prejoin = page.querySelector<LkPrejoin>('lk-prejoin')!;
    await waitFor(() => part(prejoin, 'notice').querySelectorAll('p').length === 2, 'both refusals shown');
    expect(part(prejoin, 'notice').textContent).to.contain('camera cannot be used').and.contain('microphone cannot be used').and.contain('permission-denied');
    expect(part<HTMLButtonElement>(prejoin, 'camera-button').disabled).to.equal(true);
    await expect(prejoin).to.be.accessible();
    let errors = 0;
    room.addEventListener('lk-error', () => errors++);
    part<HTMLButtonElement>(prejoin, 'join-button').click();
    await waitFor(() => room.connectionState === 'connected', 'connected');
    expect(room.video).to.equal(false);
    expect(room.audio).to.equal(false);
    expect(room.livekitRoom.localParticipant.trackPublications.size).to.equal(0);
    expect(errors).to.equal(0);
    await room.leave();
  });
});
