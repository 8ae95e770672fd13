import { expect } from '@open-wc/testing';
import { CONFERENCE_CONTROLS, CONTROLS_ACCEPTED, DEFAULT_CONTROLS, parseControls } from '../../src/core/conference.js';
import { InvalidValue } from '../../src/core/grammar.js';
import { refusal } from './refusal.js';

describe('core: conference controls', () => {
  it('the default is every control, in the bar\'s order', () => {
    expect([...DEFAULT_CONTROLS]).to.deep.equal(['microphone', 'camera', 'devices', 'flip', 'screenshare', 'chat', 'leave']);
  });

  it('a list picks controls, separated by spaces or commas, in any case, repeats ignored', () => {
    expect([...parseControls('microphone camera leave')]).to.deep.equal(['microphone', 'camera', 'leave']);
    expect([...parseControls(' Leave,MICROPHONE ,  leave\tchat\n')].sort()).to.deep.equal(['chat', 'leave', 'microphone']);
    expect([...parseControls(CONFERENCE_CONTROLS.join(','))]).to.deep.equal([...CONFERENCE_CONTROLS]);
  });

  it('an empty value or none alone is no control at all', () => {
    for (const empty of ['', '   ', ' , ', 'none', ' NONE ']) expect(parseControls(empty).size, JSON.stringify(empty)).to.equal(0);
  });

  it('an unknown word is refused, named, with the accepted list', () => {
    const err = refusal(() => parseControls('microphone mic leave'));
    expect(err, 'refused').to.be.instanceOf(InvalidValue);
    expect(err!.detail).to.equal('"mic" is not a control');
    expect(err!.accepted).to.equal(CONTROLS_ACCEPTED);
    for (const word of CONFERENCE_CONTROLS) expect(err!.message, word).to.include(word);
    expect(refusal(() => parseControls('camera none'))?.detail).to.equal('"none" stands alone');
    for (const bad of ['screen_share', 'devices;leave', 'all', 'toString', 'constructor']) expect(refusal(() => parseControls(bad)), bad).to.be.instanceOf(InvalidValue);
  });
});
