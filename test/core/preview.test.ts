/**
 * The `preview` grammar and who is in the simulated call: examples, and fast-check properties that
 * every string either parses to a call of 1 to 48 or is refused with the accepted forms, and that
 * every call has one local participant, the count asked for, one speaker and at most one screen.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { InvalidValue } from '../../src/core/grammar.js';
import { refusal } from './refusal.js';
import {
  DEFAULT_PREVIEW_COUNT,
  MAX_PREVIEW_COUNT,
  PREVIEW_ACCEPTED,
  PREVIEW_LOCAL_IDENTITY,
  PREVIEW_NAMES,
  parsePreview,
  previewKey,
  previewParticipants,
  type PreviewSettings,
} from '../../src/core/preview.js';

const local = { fallbackName: 'You', camera: false, microphone: false };

describe('core: preview', () => {
  it('empty or a true word is the default call; a false word is no preview', () => {
    for (const value of ['', '  ', 'true', 'ON', ' yes ']) expect(parsePreview(value), JSON.stringify(value)).to.deep.equal({ count: DEFAULT_PREVIEW_COUNT, screenShare: false });
    for (const value of ['false', 'OFF', ' no ']) expect(parsePreview(value), value).to.equal(undefined);
  });

  it('a number of participants, screenshare, or both, in any order, case and separator', () => {
    expect(parsePreview('6')).to.deep.equal({ count: 6, screenShare: false });
    expect(parsePreview('screenshare')).to.deep.equal({ count: DEFAULT_PREVIEW_COUNT, screenShare: true });
    expect(parsePreview('6 screenshare')).to.deep.equal({ count: 6, screenShare: true });
    expect(parsePreview(' Screen_Share,12 ')).to.deep.equal({ count: 12, screenShare: true });
    expect(parsePreview('1')).to.deep.equal({ count: 1, screenShare: false });
    expect(parsePreview(String(MAX_PREVIEW_COUNT))).to.deep.equal({ count: MAX_PREVIEW_COUNT, screenShare: false });
  });

  it('refuses anything else, naming the word and the accepted forms', () => {
    const cases: [string, string][] = [
      ['six', '"six" is neither a number nor screenshare'],
      ['0', '0 is out of range'],
      [String(MAX_PREVIEW_COUNT + 1), `${MAX_PREVIEW_COUNT + 1} is out of range`],
      ['4 5', '"5" is a second number'],
      ['screenshare screenshare', '"screenshare" is given twice'],
      ['true 4', '"true" stands alone'],
      ['4 off', '"off" stands alone'],
      ['-3', '"-3" is neither a number nor screenshare'],
      ['2.5', '"2.5" is neither a number nor screenshare'],
      ['screen', '"screen" is neither a number nor screenshare'],
    ];
    for (const [value, detail] of cases) {
      const err = refusal(() => parsePreview(value));
      expect(err, value).to.be.instanceOf(InvalidValue);
      expect(err!.detail, value).to.equal(detail);
      expect(err!.accepted).to.equal(PREVIEW_ACCEPTED);
    }
    expect(PREVIEW_ACCEPTED).to.include('screenshare').and.include(`1 to ${MAX_PREVIEW_COUNT}`);
  });

  it('fuzz: every string gives no preview, a call of 1 to 48, or a refusal with the accepted forms', () => {
    const words = fc.constantFrom('', ' ', ',', '4', '0', '48', '49', '07', 'screenshare', 'SCREEN_SHARE', 'true', 'no', 'x', '\t');
    const value = fc.oneof(fc.string(), fc.array(words, { maxLength: 5 }).map((parts) => parts.join(' ')));
    fc.assert(
      fc.property(value, (text) => {
        let settings: PreviewSettings | undefined;
        try {
          settings = parsePreview(text);
        } catch (err) {
          return err instanceof InvalidValue && err.accepted === PREVIEW_ACCEPTED;
        }
        if (settings === undefined) return ['false', 'off', 'no'].includes(text.replace(/[\s,]/g, '').toLowerCase());
        return Number.isInteger(settings.count) && settings.count >= 1 && settings.count <= MAX_PREVIEW_COUNT && typeof settings.screenShare === 'boolean';
      }),
      { numRuns: 2000 },
    );
  });

  it('equal settings have one key; different ones another', () => {
    expect(previewKey(parsePreview('6 screenshare'))).to.equal(previewKey(parsePreview('screen_share,6')));
    expect(previewKey(parsePreview('6'))).to.not.equal(previewKey(parsePreview('6 screenshare')));
    expect(previewKey(undefined)).to.equal(undefined);
  });

  it('the call: you first, then named people; the first of them speaks and presents; cameras off and mutes spread', () => {
    const call = previewParticipants({ count: 7, screenShare: true }, { name: ' Robin ', fallbackName: 'You', camera: true, microphone: false });
    expect(call.map((p) => p.name)).to.deep.equal(['Robin', ...PREVIEW_NAMES.slice(0, 6)]);
    expect(call[0]).to.include({ identity: PREVIEW_LOCAL_IDENTITY, local: true, camera: true, microphone: false, speaking: false, screenShare: false });
    expect(call[1]).to.include({ local: false, speaking: true, screenShare: true, microphone: true, camera: true });
    expect(call.filter((p) => !p.camera).map((p) => p.identity)).to.deep.equal(['preview-3', 'preview-6']);
    expect(call.filter((p) => !p.microphone && !p.local).map((p) => p.identity)).to.deep.equal(['preview-4']);
    expect(previewParticipants({ count: 3, screenShare: false }, local)[0].name).to.equal('You');
  });

  it('alone in the call, you share the screen; past the list of names they are numbered', () => {
    const alone = previewParticipants({ count: 1, screenShare: true }, local);
    expect(alone).to.have.length(1);
    expect(alone[0]).to.include({ local: true, screenShare: true });
    const crowd = previewParticipants({ count: MAX_PREVIEW_COUNT, screenShare: false }, local);
    expect(crowd[PREVIEW_NAMES.length + 1].name).to.equal(`${PREVIEW_NAMES[0]} 2`);
    expect(new Set(crowd.map((p) => p.name)).size).to.equal(MAX_PREVIEW_COUNT);
  });

  it('fuzz: every call has the count asked for, one local participant, distinct identities, one speaker, one screen when asked', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_PREVIEW_COUNT }), fc.boolean(), fc.boolean(), fc.boolean(), (count, screenShare, camera, microphone) => {
        const call = previewParticipants({ count, screenShare }, { fallbackName: 'You', camera, microphone });
        const speakers = call.filter((p) => p.speaking).length;
        const screens = call.filter((p) => p.screenShare).length;
        return (
          call.length === count &&
          call.filter((p) => p.local).length === 1 &&
          new Set(call.map((p) => p.identity)).size === count &&
          speakers === (count > 1 ? 1 : 0) &&
          screens === (screenShare ? 1 : 0) &&
          call.every((p) => p.hue >= 0 && p.hue < 360)
        );
      }),
    );
  });
});
