import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  ACTIVE_LEVEL,
  BARS,
  BARS_ACCEPTED,
  VOICE_RANGE,
  barLevels,
  evenLevels,
  isActive,
  parseBars,
} from '../../src/core/audio-visualizer.js';
import { InvalidValue } from '../../src/core/grammar.js';

/** An analyser's bins at 48 kHz with fftSize 1024: 512 bins, 46.875 Hz apart. */
const BIN_HZ = 48_000 / 1024;
const silence = () => new Uint8Array(512);

/** Bins with one tone: `bins` loud around `hz`. */
function tone(hz: number, level = 255): Uint8Array {
  const bins = silence();
  bins[Math.round(hz / BIN_HZ)] = level;
  return bins;
}

const binsArb = fc.uint8Array({ minLength: 0, maxLength: 2048 });
const countArb = fc.integer({ min: BARS.min, max: BARS.max });
const binHzArb = fc.double({ min: 1, max: 200, noNaN: true });

describe('core: audio visualizer', () => {
  it('bars: a whole number from 1 to 32', () => {
    expect(parseBars('1')).to.equal(1);
    expect(parseBars(' 7 ')).to.equal(7);
    expect(parseBars('32')).to.equal(32);
    for (const bad of ['0', '33', '-1', '2.5', '1e1', 'five', '', ' ', '0x10']) {
      expect(() => parseBars(bad), bad).to.throw(InvalidValue).with.property('accepted', BARS_ACCEPTED);
    }
    expect(BARS.default).to.equal(5);
  });

  it('bars: every string is a count within the bounds or refused', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        try {
          const count = parseBars(value);
          return Number.isInteger(count) && count >= BARS.min && count <= BARS.max;
        } catch (err) {
          return err instanceof InvalidValue;
        }
      }),
    );
  });

  it('levels: one per bar, each from 0 to 1; silence is 0 everywhere, full bins 1 everywhere', () => {
    fc.assert(
      fc.property(binsArb, countArb, binHzArb, (bins, count, binHz) => {
        const levels = barLevels(bins, count, binHz);
        return levels.length === count && levels.every((level) => level >= 0 && level <= 1);
      }),
    );
    expect(barLevels(silence(), 5, BIN_HZ)).to.deep.equal([0, 0, 0, 0, 0]);
    expect(barLevels(new Uint8Array(512).fill(255), 32, BIN_HZ)).to.deep.equal(new Array(32).fill(1));
  });

  it('levels: louder bins never lower a bar', () => {
    fc.assert(
      fc.property(binsArb, fc.nat(), fc.integer({ min: 1, max: 255 }), countArb, binHzArb, (bins, at, more, count, binHz) => {
        const louder = Uint8Array.from(bins);
        if (louder.length > 0) louder[at % louder.length] = Math.min(255, louder[at % louder.length] + more);
        const [before, after] = [barLevels(bins, count, binHz), barLevels(louder, count, binHz)];
        return after.every((level, i) => level >= before[i]);
      }),
    );
  });

  it('levels: a tone lights the bar of its pitch, low to high across the bars, and nothing outside the range', () => {
    // Five bands of equal pitch from 100 Hz to 8 kHz: about 100–240, 240–575, 575–1380, 1380–3300, 3300–8000 Hz.
    expect(barLevels(tone(150), 5, BIN_HZ)).to.deep.equal([1, 0, 0, 0, 0]);
    expect(barLevels(tone(400), 5, BIN_HZ)).to.deep.equal([0, 1, 0, 0, 0]);
    expect(barLevels(tone(1000), 5, BIN_HZ)).to.deep.equal([0, 0, 1, 0, 0]);
    expect(barLevels(tone(2000), 5, BIN_HZ)).to.deep.equal([0, 0, 0, 1, 0]);
    expect(barLevels(tone(6000), 5, BIN_HZ)).to.deep.equal([0, 0, 0, 0, 1]);
    expect(barLevels(tone(30), 5, BIN_HZ)).to.deep.equal([0, 0, 0, 0, 0]);
    expect(barLevels(tone(15_000), 5, BIN_HZ)).to.deep.equal([0, 0, 0, 0, 0]);
    expect(barLevels(tone(400, 51), 5, BIN_HZ)[1]).to.be.closeTo(0.2, 1e-9);
    // Many bars: low bands narrower than a bin still show the bin they fall in.
    const levels = barLevels(tone(VOICE_RANGE.low), 32, BIN_HZ);
    expect(levels[0]).to.equal(1);
    // Fewer bins than the range (a small analyser): the bars above them rest.
    expect(barLevels(new Uint8Array(4).fill(255), 5, BIN_HZ)).to.deep.equal([1, 0, 0, 0, 0]);
  });

  it('even levels: every bar at the loudest; active from ACTIVE_LEVEL', () => {
    expect(evenLevels([0.1, 0.7, 0.3])).to.deep.equal([0.7, 0.7, 0.7]);
    expect(evenLevels([])).to.deep.equal([]);
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 32 }), (levels) => {
        const even = evenLevels(levels);
        return even.length === levels.length && new Set(even).size === 1 && even[0] === Math.max(...levels);
      }),
    );
    expect(isActive([0, 0, ACTIVE_LEVEL])).to.equal(true);
    expect(isActive([0, ACTIVE_LEVEL - 0.01])).to.equal(false);
    expect(isActive([])).to.equal(false);
  });
});
