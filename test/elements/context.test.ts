import { ContextConsumer as LitContextConsumer } from '@lit/context';
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { Room, type Participant } from 'livekit-client';
import '../../src/index.js';
import { ContextProvider, participantContext, roomContext } from '../../src/context.js';
import type { LkParticipantName, LkRoom } from '../../src/index.js';

/** Just enough of a Participant for <lk-participant-name>: a name, and events it may listen to. */
function fakeParticipant(name: string): Participant {
  return { identity: name.toLowerCase(), name, isLocal: false, on() {}, off() {} } as unknown as Participant;
}

/** A page's own element that reads the room with `@lit/context` (another implementation of the protocol). */
class LitContextReader extends LitElement {
  consumer = new LitContextConsumer(this, { context: roomContext, subscribe: true });
}
customElements.define('test-lit-context-reader', LitContextReader);

describe('contexts (Context Community Protocol)', () => {
  it('a provider defined after its consumers answers them once it upgrades', async () => {
    const page = await fixture<HTMLElement>(html`<test-late-provider><lk-participant-name></lk-participant-name></test-late-provider>`);
    const name = page.querySelector<LkParticipantName>('lk-participant-name')!;
    await name.updateComplete;
    expect(name.livekitParticipant).to.equal(undefined);

    const ada = fakeParticipant('Ada');
    customElements.define(
      'test-late-provider',
      class extends LitElement {
        provider = new ContextProvider(this, participantContext, ada);
      },
    );
    await name.updateComplete;
    expect(name.livekitParticipant === ada).to.equal(true);
    expect(name.shadowRoot!.textContent).to.equal('Ada');
  });

  it('subscribers follow value changes while in the DOM, and stop when removed', async () => {
    const holder = await fixture<HTMLDivElement>(html`<div></div>`);
    const ada = fakeParticipant('Ada');
    const provider = new ContextProvider(holder, participantContext, ada);
    const name = document.createElement('lk-participant-name');
    holder.append(name);
    await name.updateComplete;
    expect(name.shadowRoot!.textContent).to.equal('Ada');

    const grace = fakeParticipant('Grace');
    provider.setValue(grace);
    await name.updateComplete;
    expect(name.shadowRoot!.textContent).to.equal('Grace');

    name.remove();
    provider.setValue(ada);
    expect(name.livekitParticipant === grace).to.equal(true);
    holder.append(name);
    await name.updateComplete;
    expect(name.shadowRoot!.textContent).to.equal('Ada');
  });

  it('the nearest provider answers', async () => {
    const outer = await fixture<HTMLDivElement>(html`<div><section><lk-participant-name></lk-participant-name></section></div>`);
    new ContextProvider(outer, participantContext, fakeParticipant('Outer'));
    const inner = outer.querySelector('section')!;
    new ContextProvider(inner, participantContext, fakeParticipant('Inner'));
    const name = outer.querySelector<LkParticipantName>('lk-participant-name')!;
    name.remove();
    inner.append(name);
    await name.updateComplete;
    expect(name.shadowRoot!.textContent).to.equal('Inner');
  });

  it("a page's @lit/context consumer gets the Room of the enclosing <lk-room>", async () => {
    const room = await fixture<LkRoom>(html`<lk-room><div><test-lit-context-reader></test-lit-context-reader></div></lk-room>`);
    const reader = room.querySelector<LitContextReader>('test-lit-context-reader')!;
    // The Room is built when first needed: here, when read.
    const built = room.livekitRoom;
    const value: Room | undefined = reader.consumer.value;
    expect(built).to.be.instanceOf(Room);
    expect(value === built).to.equal(true);
  });
});
