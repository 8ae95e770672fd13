/**
 * The `background` grammar and the effect assets: examples, and a fast-check fuzz that every string
 * is either an effect within bounds or refused with the accepted forms.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { BACKGROUND_ACCEPTED, BLUR_RADIUS, DEFAULT_BLUR_RADIUS, backgroundKey, effectAssets, parseBackground, readEffectAssets, type BackgroundEffect } from '../../src/core/background.js';
import { InvalidValue } from '../../src/core/grammar.js';

function refused(value: string): InvalidValue {
  try {
    parseBackground(value);
  } catch (err) {
    if (err instanceof InvalidValue) return err;
    throw err;
  }
  throw new Error(`"${value}" was accepted`);
}

describe('core: background grammar', () => {
  it('takes none, blur, blur:N and url(…) in any case, quoted or not', () => {
    expect(parseBackground(' None ')).to.deep.equal({ kind: 'none' });
    expect(parseBackground('blur')).to.deep.equal({ kind: 'blur', radius: DEFAULT_BLUR_RADIUS });
    expect(parseBackground('BLUR: 25')).to.deep.equal({ kind: 'blur', radius: 25 });
    expect(parseBackground('blur:1')).to.deep.equal({ kind: 'blur', radius: 1 });
    expect(parseBackground('blur:100')).to.deep.equal({ kind: 'blur', radius: 100 });
    expect(parseBackground('url(/img/office.jpg)')).to.deep.equal({ kind: 'image', url: '/img/office.jpg' });
    expect(parseBackground(`url("https://example.com/a b.png")`)).to.deep.equal({ kind: 'image', url: 'https://example.com/a b.png' });
    expect(parseBackground(`URL( 'beach.webp' )`)).to.deep.equal({ kind: 'image', url: 'beach.webp' });
  });

  it('refuses anything else, naming the accepted forms', () => {
    for (const value of ['', 'blurry', 'blur:0', 'blur:101', 'blur:-3', 'blur:2.5', 'blur:', 'url()', "url('')", 'url(a', 'image.png', 'blur none']) {
      const err = refused(value);
      expect(err.accepted).to.equal(BACKGROUND_ACCEPTED);
      expect(err.message).to.contain('blur:N');
    }
  });

  it('fuzz: every string is an effect within bounds, or refused with the accepted forms', () => {
    const word = fc.constantFrom('none', 'blur', 'BLUR', 'url', 'blur:', 'url(', ')', '"', "'", ':', ' ', '-', '.', 'x');
    const piece = fc.oneof(word, fc.string({ maxLength: 6 }), fc.integer({ min: -5, max: 10_000 }).map(String));
    const text = fc.array(piece, { maxLength: 6 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (value) => {
        let effect: BackgroundEffect;
        try {
          effect = parseBackground(value);
        } catch (err) {
          return err instanceof InvalidValue && err.accepted === BACKGROUND_ACCEPTED;
        }
        if (effect.kind === 'blur') return Number.isInteger(effect.radius) && effect.radius >= BLUR_RADIUS.min && effect.radius <= BLUR_RADIUS.max;
        if (effect.kind === 'image') return effect.url.length > 0 && effect.url === effect.url.trim();
        return value.trim().toLowerCase() === 'none';
      }),
      { numRuns: 300 },
    );
  });

  it('keys tell effects apart', () => {
    expect(backgroundKey({ kind: 'blur', radius: 10 })).to.not.equal(backgroundKey({ kind: 'blur', radius: 11 }));
    expect(backgroundKey({ kind: 'none' })).to.equal('none');
    expect(backgroundKey({ kind: 'image', url: 'a' })).to.equal('url:a');
  });
});

describe('core: effect assets', () => {
  it('default folder beside the kit, a folder of the page, or a model of its own', () => {
    expect(effectAssets(undefined, undefined, 'https://cdn.test/kit/effects/', 'https://page.test/app/')).to.deep.equal({
      tasksVisionFileSet: 'https://cdn.test/kit/effects',
      modelAssetPath: 'https://cdn.test/kit/effects/selfie_segmenter.tflite',
    });
    expect(effectAssets('/mp', undefined, 'https://cdn.test/kit/effects/', 'https://page.test/app/')).to.deep.equal({
      tasksVisionFileSet: 'https://page.test/mp',
      modelAssetPath: 'https://page.test/mp/selfie_segmenter.tflite',
    });
    expect(effectAssets('mp/', 'models/seg.tflite', 'https://cdn.test/kit/effects/', 'https://page.test/app/')).to.deep.equal({
      tasksVisionFileSet: 'https://page.test/app/mp',
      modelAssetPath: 'https://page.test/app/models/seg.tflite',
    });
  });

  it('a value that is not a URL is refused, and the default taken in its place', () => {
    expect(() => effectAssets('http://[', undefined, 'https://cdn.test/kit/effects/', 'https://page.test/')).to.throw(InvalidValue);
    const refused: string[] = [];
    const assets = readEffectAssets('/mp/', 'http://[', 'https://cdn.test/kit/effects/', 'https://page.test/', (attribute, value) => refused.push(`${attribute}=${value}`));
    expect(refused).to.deep.equal(['background-model=http://[']);
    expect(assets.modelAssetPath).to.equal('https://page.test/mp/selfie_segmenter.tflite');
    const fallback = readEffectAssets('http://[', undefined, 'https://cdn.test/kit/effects/', 'https://page.test/', (attribute, value) => refused.push(`${attribute}=${value}`));
    expect(refused[1]).to.equal('background-assets=http://[');
    expect(fallback.tasksVisionFileSet).to.equal('https://cdn.test/kit/effects');
  });
});
