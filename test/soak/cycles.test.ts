// Soak: 1,000 <lk-room> elements inserted and removed one after another must leave nothing behind:
// the JS heap (after a forced GC) within 1 MB of where it started, no live local media track and no
// open RTCPeerConnection (test/soak/harness.ts measures). SOAK_CYCLES sets the cycles per test:
// `SOAK_CYCLES=50 npm test -- --group soak`.
//
// A connecting room is removed, in turn, as soon as it says `connecting`, as soon as it says
// `connected`, and once its camera and microphone are captured: every stage of a connection a page
// can leave at. Each cycle ends when the removed element says `disconnected` and no capture is
// pending; the next one starts then.
import '../../src/index.js';
import { CYCLES, soak, soakTimeout } from './harness.js';

describe(`soak: ${CYCLES} insert/remove cycles of <lk-room>`, () => {
  it('<lk-room url token connect video audio>, removed while connecting, once connected or once capturing, leaves no heap, track or peer connection behind', async function () {
    this.timeout(soakTimeout(2_000));
    await soak('<lk-room url token connect video audio>', ['connecting', 'connected', 'captured']);
  });

  it('<lk-room url token>, never connected, leaves no heap behind', async function () {
    this.timeout(soakTimeout(1_000));
    await soak('<lk-room url token>', ['rendered']);
  });
});
