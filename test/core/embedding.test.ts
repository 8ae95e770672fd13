import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { en, fill } from '../../src/core/i18n.js';
import { Track } from 'livekit-client';
import {
  EMBED_FEATURES,
  allowValue,
  blockedByEmbedder,
  blockedFeatures,
  blockedReason,
  classifyCaptureError,
  inCrossOriginFrame,
  captureErrorClassifier,
  listedDevices,
  sourceFeature,
  type EmbedFeature,
  type FrameFacts,
} from '../../src/core/embedding.js';

/** A document whose policy allows everything but `blocked`, knowing `known` features (all when absent). */
function policyDoc(blocked: readonly string[], known?: readonly string[], api: 'permissionsPolicy' | 'featurePolicy' = 'featurePolicy') {
  return { [api]: { allowsFeature: (f: string) => !blocked.includes(f) && (!known || known.includes(f)), ...(known ? { features: () => [...known] } : {}) } };
}

const notAllowed = () => new DOMException('Permission denied', 'NotAllowedError');
const facts = (frame: Partial<FrameFacts>): FrameFacts => ({ crossOriginFrame: true, blocked: undefined, ...frame });

describe('core: embedding rules', () => {
  it('reads the blocked features from permissionsPolicy or featurePolicy, in the fixed order; undefined without either', () => {
    expect(blockedFeatures(policyDoc(['autoplay', 'camera']))).to.deep.equal(['camera', 'autoplay']);
    expect(blockedFeatures(policyDoc(['microphone'], undefined, 'permissionsPolicy'))).to.deep.equal(['microphone']);
    expect(blockedFeatures(policyDoc([]))).to.deep.equal([]);
    expect(blockedFeatures({})).to.equal(undefined);
    expect(blockedFeatures(undefined)).to.equal(undefined);
  });

  it('does not judge a feature the engine does not know', () => {
    // An engine without display-capture in its list says "not allowed" for it: not counted as blocked.
    expect(blockedFeatures(policyDoc(['camera'], ['camera', 'microphone', 'autoplay']))).to.deep.equal(['camera']);
  });

  it('writes the allow value of exactly the features given, in the fixed order, whatever order they come in', () => {
    expect(allowValue(['camera', 'microphone', 'display-capture', 'autoplay'])).to.equal('allow="camera; microphone; display-capture; autoplay"');
    expect(allowValue(['autoplay', 'camera'])).to.equal('allow="camera; autoplay"');
    fc.assert(
      fc.property(fc.subarray([...EMBED_FEATURES]), fc.func(fc.integer()), (subset, key) => {
        const shuffled = [...subset].sort((a, b) => key(a) - key(b));
        const value = allowValue(shuffled);
        const names = value.slice('allow="'.length, -1).split('; ').filter(Boolean);
        expect(names).to.deep.equal(EMBED_FEATURES.filter((f) => subset.includes(f)));
      }),
    );
  });

  it('blocked-by-embedder names the blocked features and the allow value to add', () => {
    const all = blockedByEmbedder([...EMBED_FEATURES]);
    expect(all.code).to.equal('blocked-by-embedder');
    expect(all.message).to.equal(
      'The <iframe> that embeds this page does not allow camera, microphone, display-capture, autoplay: add allow="camera; microphone; display-capture; autoplay" to it (or allow them in the page\'s Permissions-Policy header). The call goes on without them; sound waits for a click.',
    );
    expect(blockedByEmbedder(['microphone', 'camera']).message).to.contain('allow camera, microphone: add allow="camera; microphone" to it').and.not.contain('sound');
    const cause = new Error('x');
    expect(blockedByEmbedder(['autoplay'], cause).cause).to.equal(cause);
  });

  it("maps each local source to the feature it needs, and gives each control's reason", () => {
    expect(sourceFeature(Track.Source.Camera)).to.equal('camera');
    expect(sourceFeature(Track.Source.Microphone)).to.equal('microphone');
    expect(sourceFeature(Track.Source.ScreenShare)).to.equal('display-capture');
    expect(sourceFeature(Track.Source.ScreenShareAudio)).to.equal('display-capture');
    expect(sourceFeature(Track.Source.Unknown)).to.equal(undefined);
    expect(blockedReason('camera')).to.deep.equal({ key: 'blockedCamera', allow: 'allow="camera"' });
    expect(blockedReason('microphone')).to.deep.equal({ key: 'blockedMicrophone', allow: 'allow="microphone"' });
    expect(blockedReason('display-capture')).to.deep.equal({ key: 'blockedScreenShare', allow: 'allow="display-capture"' });
    expect(fill(en[blockedReason('camera').key], blockedReason('camera'))).to.equal('The camera is blocked by the page this call is embedded in (its <iframe> needs allow="camera").');
  });

  it('with the policy API: a blocked feature is blocked-by-embedder whatever the error; an allowed one keeps its own code', () => {
    const blocked: EmbedFeature[] = ['camera'];
    expect(classifyCaptureError(notAllowed(), Track.Source.Camera, 'camera', facts({ blocked })).code).to.equal('blocked-by-embedder');
    expect(classifyCaptureError(new Error('x'), Track.Source.Camera, 'camera', facts({ blocked })).code).to.equal('blocked-by-embedder');
    expect(classifyCaptureError(notAllowed(), Track.Source.Microphone, 'microphone', facts({ blocked, listed: 0 })).code).to.equal('permission-denied');
  });

  it("without the policy API: a refusal in a cross-origin frame that lists no such device is the embedder's; a person's own refusal stays permission-denied", () => {
    const embedder = classifyCaptureError(notAllowed(), Track.Source.Camera, 'camera', facts({ listed: 0 }));
    expect(embedder.code).to.equal('blocked-by-embedder');
    expect(embedder.message).to.contain('add allow="camera" to it');
    // The devices are listed (a person said no), or unknown, or not a cross-origin frame, or not a refusal: as before.
    expect(classifyCaptureError(notAllowed(), Track.Source.Camera, 'camera', facts({ listed: 1 })).code).to.equal('permission-denied');
    expect(classifyCaptureError(notAllowed(), Track.Source.Camera, 'camera', facts({})).code).to.equal('permission-denied');
    expect(classifyCaptureError(notAllowed(), Track.Source.Camera, 'camera', facts({ listed: 0, crossOriginFrame: false })).code).to.equal('permission-denied');
    expect(classifyCaptureError(new DOMException('none', 'NotFoundError'), Track.Source.Camera, 'camera', facts({ listed: 0 })).code).to.equal('device-not-found');
    // A screen share lists no devices: its refusal is never blamed on the embedder this way.
    expect(classifyCaptureError(notAllowed(), Track.Source.ScreenShare, 'screen share', facts({})).code).to.equal('permission-denied');
    fc.assert(
      fc.property(fc.boolean(), fc.option(fc.nat(3)), fc.constantFrom('NotAllowedError', 'NotFoundError', 'NotReadableError'), (crossOriginFrame, listed, name) => {
        const code = classifyCaptureError(new DOMException('x', name), Track.Source.Microphone, 'microphone', { crossOriginFrame, blocked: undefined, listed: listed ?? undefined }).code;
        const embedder = crossOriginFrame && name === 'NotAllowedError' && listed === 0;
        expect(code === 'blocked-by-embedder').to.equal(embedder);
        if (name === 'NotAllowedError' && !embedder) expect(code).to.equal('permission-denied');
      }),
    );
  });

  it('tells a cross-origin frame from a top-level or same-origin page', () => {
    const self = {};
    expect(inCrossOriginFrame({ self, top: self })).to.equal(false);
    expect(inCrossOriginFrame({ self, top: null })).to.equal(false);
    expect(inCrossOriginFrame({ self, top: { location: { href: 'https://same.example/' } } })).to.equal(false);
    const crossOrigin = {
      get location(): { href: string } {
        throw new DOMException('Blocked a frame', 'SecurityError');
      },
    };
    expect(inCrossOriginFrame({ self, top: crossOrigin })).to.equal(true);
    // This test page runs top-level.
    expect(inCrossOriginFrame(globalThis as never)).to.equal(false);
  });

  it('counts the devices of the kind a feature needs, and says nothing when it cannot', async () => {
    const scope = { navigator: { mediaDevices: { enumerateDevices: () => Promise.resolve([{ kind: 'videoinput' }, { kind: 'videoinput' }, { kind: 'audiooutput' }]) } } };
    expect(await listedDevices(scope, 'camera')).to.equal(2);
    expect(await listedDevices(scope, 'microphone')).to.equal(0);
    expect(await listedDevices(scope, 'display-capture')).to.equal(undefined);
    expect(await listedDevices({ navigator: { mediaDevices: { enumerateDevices: () => Promise.reject(new Error('no')) } } }, 'camera')).to.equal(undefined);
    expect(await listedDevices({}, 'camera')).to.equal(undefined);
  });

  it('the classifier asks for devices only where they decide', async () => {
    let asked = 0;
    const enumerateDevices = () => (asked++, Promise.resolve([]));
    const crossOrigin = { get location(): { href: string } { throw new DOMException('Blocked', 'SecurityError'); } };
    const framed = { self: {}, top: crossOrigin, navigator: { mediaDevices: { enumerateDevices } } };
    expect((await captureErrorClassifier(framed, Track.Source.Camera)(notAllowed(), 'camera')).code).to.equal('blocked-by-embedder');
    expect(asked).to.equal(1);
    expect((await captureErrorClassifier(framed, Track.Source.Camera)(new DOMException('x', 'NotReadableError'), 'camera')).code).to.equal('device-in-use');
    expect((await captureErrorClassifier({ ...framed, document: policyDoc([]) }, Track.Source.Camera)(notAllowed(), 'camera')).code).to.equal('permission-denied');
    expect(asked, 'not for another error, nor where the policy answers').to.equal(1);
  });
});
