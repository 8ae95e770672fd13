import { expect } from '@open-wc/testing';
import { CameraWatch, EventLog, isConnected, sleep, startCall, stateOf } from './call.js';
import { faultServer, useFaultServer } from './server.js';
import { waitFor } from '../helpers.js';

const FREEZES = 5;
const FREEZE_MS = 10_000;

describe('faults: a frozen server', () => {
  useFaultServer();

  it(`frozen ${FREEZE_MS / 1000} s (SIGSTOP) then thawed, ${FREEZES} times: both rooms are connected and the video decodes again after each thaw`, async () => {
    const url = await faultServer.start();
    const { pub, sub } = await startCall(url);
    const camera = new CameraWatch(sub, 'pub');
    const log = new EventLog({ pub, sub });
    try {
      await camera.decoding('the subscriber decodes the camera', 30_000);
      const timings: string[] = [];
      for (let i = 1; i <= FREEZES; i++) {
        // The steady packet rate, to compare with what arrives right after the thaw.
        await sleep(2000);
        const steady0 = await camera.sample();
        await sleep(1000);
        const steady = CameraWatch.delta(steady0, await camera.sample());
        const frozenAt = performance.now();
        await faultServer.freeze({ maxMs: FREEZE_MS + 20_000 });
        // The freeze is real: after the packets in flight, nothing more arrives. (The receiver
        // may still decode frames it held back: after a stall its playout delay can be long.)
        await sleep(2000);
        const early = await camera.sample();
        await sleep(Math.max(0, frozenAt + FREEZE_MS - performance.now()));
        const late = await camera.sample();
        const duringFreeze = { pub: stateOf(pub), sub: stateOf(sub) };
        await faultServer.thaw();
        const thawedAt = performance.now();
        const frozenDelta = CameraWatch.delta(early, late);
        expect(frozenDelta.packets, 'packets received while frozen').to.equal(0);

        await waitFor(() => isConnected(pub) && isConnected(sub), `both rooms connected after thaw ${i}`, 60_000);
        const connectedMs = Math.round(performance.now() - thawedAt);
        await camera.decoding(`the camera decoded after thaw ${i}`, 60_000);
        const decodingMs = Math.round(performance.now() - thawedAt);
        await sleep(Math.max(0, thawedAt + 1000 - performance.now()));
        const firstSecond = CameraWatch.delta(late, await camera.sample());
        // Still connected once the video is back (no late reconnection).
        expect([isConnected(pub), isConnected(sub)], `both rooms connected after thaw ${i}`).to.deep.equal([true, true]);
        log.watchRooms();
        const line =
          `freeze ${i}/${FREEZES}: states at the end of the freeze pub ${duringFreeze.pub}, sub ${duringFreeze.sub}; ` +
          `frames decoded in its last 8 s ${frozenDelta.frames}; thaw→connected ${connectedMs} ms, thaw→decoding ${decodingMs} ms; ` +
          `first second after the thaw ${firstSecond.packets} packets, ${firstSecond.frames} frames (steady: ${steady.packets}, ${steady.frames} per second)`;
        timings.push(line);
        console.log(`${line}\n  events: ${log.since(frozenAt).join('\n          ') || 'none'}`);
      }
      console.log(`freeze summary:\n  ${timings.join('\n  ')}`);
    } finally {
      camera.dispose();
      await Promise.all([pub.leave(), sub.leave()]);
    }
  });
});
