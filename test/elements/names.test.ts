// Names that work in every framework: React 19, Preact, Vue 3, Svelte 5, Solid and Angular set a
// prop as the property of that name (camel-cased where it has dashes) whenever the element has
// one. So for every attribute of every element in the manifest, the property of its name, if the
// element has one, must be that attribute's own property: never a method, never the property of
// another attribute, never a read-only object.
import { expect } from '@open-wc/testing';
import '../../src/index.js';
import { definedElements } from '../manifest.js';

const camel = (name: string) => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

describe('names: one member per name, in HTML and JavaScript alike', () => {
  it('every attribute whose name is a member of the element is that attribute\'s own property', async () => {
    const declarations = await definedElements();
    expect(declarations.length).to.be.greaterThan(15);
    const clashes: string[] = [];
    let checked = 0;
    for (const declaration of declarations) {
      const element = document.createElement(declaration.tagName!);
      for (const attribute of declaration.attributes ?? []) {
        const property = camel(attribute.name);
        if (!(property in element)) continue;
        checked++;
        if (attribute.fieldName !== property) clashes.push(`<${declaration.tagName} ${attribute.name}>: ${property} is ${attribute.fieldName ? `not the attribute's property (${attribute.fieldName})` : 'a member the attribute does not set'}`);
        const value: unknown = (element as unknown as Record<string, unknown>)[property];
        if (typeof value === 'function') clashes.push(`<${declaration.tagName} ${attribute.name}>: ${property} is a method`);
      }
    }
    expect(checked).to.be.greaterThan(50);
    expect(clashes).to.deep.equal([]);
  });

  it('connect, room and participant set as properties do what the attributes do', async () => {
    const room = document.createElement('lk-room');
    room.id = 'named-room';
    document.body.append(room);
    room.connect = true;
    await room.updateComplete;
    expect(room.hasAttribute('connect')).to.equal(true);
    room.connect = false;
    await room.updateComplete;
    expect(room.hasAttribute('connect')).to.equal(false);
    const state = document.createElement('lk-connection-state');
    state.room = 'named-room';
    document.body.append(state);
    await state.updateComplete;
    const lkRoom = room.livekitRoom;
    expect(state.livekitRoom === lkRoom, 'bound through the room property').to.equal(true);
    const name = document.createElement('lk-participant-name');
    name.room = 'named-room';
    name.participant = 'local';
    document.body.append(name);
    await name.updateComplete;
    expect(name.livekitParticipant === lkRoom.localParticipant, 'participant="local" through the property').to.equal(true);
    for (const el of [room, state, name]) el.remove();
  });
});
