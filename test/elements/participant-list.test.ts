import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { LkErrorDetail } from '../../src/core/errors.js';
import type { LkRoom } from '../../src/index.js';
import { captureWarnings } from '../helpers.js';

describe('lk-participant-list (no server)', () => {
  it('with nobody: count 0, the list hidden, the empty slot shown; accessible', async () => {
    const room = await fixture<LkRoom>(html`<lk-room><lk-participant-list list-label="Teilnehmende"><p slot="empty">Noch niemand da</p></lk-participant-list></lk-room>`);
    const list = room.querySelector('lk-participant-list')!;
    await list.updateComplete;
    expect(list.count).to.equal(0);
    expect(list.getAttribute('count')).to.equal('0');
    expect(list.identities).to.deep.equal([]);
    const ul = list.shadowRoot!.querySelector('[part=list]')!;
    expect(ul.localName).to.equal('ul');
    expect(ul.getAttribute('role')).to.equal('list');
    expect(ul.getAttribute('aria-label')).to.equal('Teilnehmende');
    expect(ul.hasAttribute('hidden')).to.equal(true);
    expect(getComputedStyle(ul).display, 'the empty list out of sight and of the accessibility tree').to.equal('none');
    const slot = list.shadowRoot!.querySelector<HTMLSlotElement>('slot[name=empty]')!;
    expect(slot.assignedElements().map((el) => el.textContent)).to.deep.equal(['Noch niemand da']);
    // The page cannot write the read-only count.
    list.setAttribute('count', '5');
    await list.updateComplete;
    expect(list.getAttribute('count')).to.equal('0');
    await expect(list).to.be.accessible();
  });

  it('an unknown filter is reported once and falls back to all', async () => {
    const room = document.createElement('lk-room');
    const list = document.createElement('lk-participant-list');
    list.setAttribute('filter', 'everyone');
    room.append(list);
    const errors: LkErrorDetail[] = [];
    list.addEventListener('lk-error', (e) => errors.push(e.detail));
    const warnings = await captureWarnings(async () => {
      document.body.append(room);
      await list.updateComplete;
      list.listLabel = 'People';
      await list.updateComplete;
    });
    expect(errors).to.have.length(1);
    expect(errors[0]).to.include({ code: 'invalid-attribute', attribute: 'filter', value: 'everyone' });
    expect(errors[0].accepted).to.contain('remote');
    expect(warnings).to.have.length(1);
    room.remove();
  });
});
