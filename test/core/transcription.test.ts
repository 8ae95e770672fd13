import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { InvalidValue } from '../../src/core/grammar.js';
import {
  FINAL_ATTRIBUTE,
  MAX_SEGMENTS_LIMIT,
  TranscriptStore,
  applySegment,
  newlyFinal,
  parseCaptions,
  parseLines,
  parseMaxSegments,
  parseMode,
  speakerOf,
  streamIsFinal,
  type SegmentUpdate,
  type TranscriptSegment,
} from '../../src/core/transcription.js';

const update = (over: Partial<SegmentUpdate> = {}): SegmentUpdate => ({
  segmentId: 's1',
  participantIdentity: 'ann',
  text: 'hello',
  final: false,
  receivedAt: 1000,
  ...over,
});

const updateArb = fc.record({
  segmentId: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
  participantIdentity: fc.constantFrom('ann', 'bob'),
  text: fc.string({ maxLength: 8 }),
  final: fc.boolean(),
  receivedAt: fc.nat(),
});

function applyAll(updates: readonly SegmentUpdate[], max: number): readonly TranscriptSegment[] {
  return updates.reduce<readonly TranscriptSegment[]>((list, next) => applySegment(list, next, max), []);
}

describe('core: transcription', () => {
  it('each segment id appears once, however many updates it had', () => {
    fc.assert(
      fc.property(fc.array(updateArb, { maxLength: 60 }), fc.integer({ min: 1, max: 10 }), (updates, max) => {
        const ids = applyAll(updates, max).map((segment) => segment.segmentId);
        expect(new Set(ids).size).to.equal(ids.length);
      }),
    );
  });

  it('final text wins over any later interim text of the same segment; a later final replaces it', () => {
    fc.assert(
      fc.property(fc.array(updateArb, { maxLength: 60 }), (updates) => {
        const list = applyAll(updates, 100);
        for (const segment of list) {
          const mine = updates.filter((u) => u.segmentId === segment.segmentId);
          const finals = mine.filter((u) => u.final);
          // The text is the last final update's when there was one, else the last update's.
          const expected = finals.length > 0 ? finals[finals.length - 1] : mine[mine.length - 1];
          expect(segment.text).to.equal(expected.text);
          expect(segment.final).to.equal(finals.length > 0);
        }
      }),
    );
  });

  it('the cap holds, keeping the newest segments', () => {
    fc.assert(
      fc.property(fc.array(updateArb, { maxLength: 60 }), fc.integer({ min: 1, max: 6 }), (updates, max) => {
        const list = applyAll(updates, max);
        expect(list.length <= max).to.equal(true);
        const uncapped = applyAll(updates, 1000);
        // A capped list may have dropped a segment that an update brings back: then it is newest.
        if (list.length === uncapped.length) expect(list.map((s) => s.segmentId)).to.deep.equal(uncapped.map((s) => s.segmentId));
      }),
    );
  });

  it('order is by first appearance and stays put when a segment changes', () => {
    fc.assert(
      fc.property(fc.array(updateArb, { maxLength: 60 }), (updates) => {
        const order: string[] = [];
        for (const u of updates) if (!order.includes(u.segmentId)) order.push(u.segmentId);
        expect(applyAll(updates, 100).map((segment) => segment.segmentId)).to.deep.equal(order);
      }),
    );
  });

  it('an update that changes nothing returns the same list; firstReceivedAt is kept', () => {
    const one = applySegment([], update({ receivedAt: 5 }), 10);
    expect(applySegment(one, update({ receivedAt: 9 }), 10)).to.equal(one);
    const grown = applySegment(one, update({ text: 'hello there', receivedAt: 9 }), 10);
    expect(grown[0].text).to.equal('hello there');
    expect(grown[0].firstReceivedAt).to.equal(5);
    expect(grown[0].receivedAt).to.equal(9);
    const final = applySegment(grown, update({ text: 'Hello there.', final: true }), 10);
    expect(applySegment(final, update({ text: 'late interim' }), 10)).to.equal(final);
  });

  it("speaks for the transcribed track's owner while that track is in the room, else the sender", () => {
    const owners = new Map([['TR_mic', 'viewer']]);
    const owner = (sid: string) => owners.get(sid);
    expect(speakerOf('agent', 'TR_mic', owner)).to.equal('viewer');
    expect(speakerOf('agent', 'TR_gone', owner)).to.equal('agent');
    expect(speakerOf('agent', undefined, owner)).to.equal('agent');
    expect(speakerOf('agent', '', owner)).to.equal('agent');
  });

  it('a stream is final once closed with the final attribute (trailer included), or as a closed stream of deltas', () => {
    expect(streamIsFinal({ [FINAL_ATTRIBUTE]: 'true' }, 'open', 5)).to.equal(false);
    expect(streamIsFinal({ [FINAL_ATTRIBUTE]: 'true' }, 'closed', 1)).to.equal(true);
    expect(streamIsFinal({ [FINAL_ATTRIBUTE]: 'TRUE ' }, 'closed', 1)).to.equal(true);
    expect(streamIsFinal({ [FINAL_ATTRIBUTE]: 'false' }, 'closed', 1)).to.equal(false);
    expect(streamIsFinal({}, 'closed', 1)).to.equal(false);
    expect(streamIsFinal(undefined, 'closed', 1)).to.equal(false);
    expect(streamIsFinal({ [FINAL_ATTRIBUTE]: 'false' }, 'closed', 3)).to.equal(true);
    expect(streamIsFinal({ [FINAL_ATTRIBUTE]: 'false' }, 'errored', 1)).to.equal(true);
  });

  it('announces a segment when it first becomes final, and only then', () => {
    let list = applySegment([], update({ text: 'hel' }), 10);
    expect(newlyFinal([], list)).to.deep.equal([]);
    const next = applySegment(list, update({ text: 'hello', final: true }), 10);
    expect(newlyFinal(list, next).map((s) => s.text)).to.deep.equal(['hello']);
    list = next;
    const corrected = applySegment(list, update({ text: 'Hello.', final: true }), 10);
    expect(newlyFinal(list, corrected)).to.deep.equal([]);
    expect(newlyFinal([], applySegment([], update({ text: '  ', final: true }), 10))).to.deep.equal([]);
  });

  it('the store fires change only when the list changes, keeps at most the limit, and clears', () => {
    const store = new TranscriptStore();
    let changes = 0;
    store.addEventListener('change', () => changes++);
    store.apply(update());
    store.apply(update());
    expect(changes).to.equal(1);
    for (let i = 0; i < MAX_SEGMENTS_LIMIT + 5; i++) store.apply(update({ segmentId: `x${i}` }));
    expect(store.segments.length).to.equal(MAX_SEGMENTS_LIMIT);
    expect(store.segments[store.segments.length - 1].segmentId).to.equal(`x${MAX_SEGMENTS_LIMIT + 4}`);
    store.clear();
    expect(store.segments.length).to.equal(0);
  });

  it('parses its attributes and refuses the rest with the accepted forms', () => {
    expect(parseMode(' Captions ')).to.equal('captions');
    expect(parseMode('transcript')).to.equal('transcript');
    expect(parseLines('3')).to.equal(3);
    expect(parseMaxSegments('1000')).to.equal(1000);
    expect(parseCaptions('ALWAYS')).to.equal('always');
    for (const [parse, bad] of [
      [parseMode, 'subtitles'],
      [parseLines, '0'],
      [parseLines, '11'],
      [parseLines, '2.5'],
      [parseMaxSegments, '1001'],
      [parseMaxSegments, '-1'],
      [parseMaxSegments, ''],
      [parseCaptions, 'on'],
    ] as const) {
      expect(() => (parse as (v: string) => unknown)(bad), `${bad}`).to.throw(InvalidValue);
    }
  });
});
