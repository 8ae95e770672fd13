import { expect } from '@open-wc/testing';
import { CameraWatch, EventLog, isConnected, sleep, startCall } from './call.js';
import { faultServer, useFaultServer } from './server.js';
import { waitFor } from '../helpers.js';

describe('faults: the server cut off by netem', () => {
  useFaultServer();

  it("loss 100% on the server's ports stops the video (and nothing else: the runner still answers); removing it brings the video back", async function () {
    if (!(await faultServer.status()).inNamespace) this.skip();
    const url = await faultServer.start();
    const { pub, sub } = await startCall(url);
    const camera = new CameraWatch(sub, 'pub');
    const log = new EventLog({ pub, sub });
    try {
      await camera.decoding('the subscriber decodes the camera', 30_000);
      const cutAt = performance.now();
      const qdisc = await faultServer.netem('loss 100%', { maxMs: 60_000 });
      expect((await faultServer.status()).netem).to.equal('loss 100%');
      await sleep(2000);
      const early = await camera.sample();
      await sleep(3000);
      const late = await camera.sample();
      expect(CameraWatch.delta(early, late).packets, 'packets received while cut off').to.equal(0);
      await faultServer.clearNetem();
      const clearedAt = performance.now();
      expect((await faultServer.status()).netem).to.equal(null);
      await waitFor(() => isConnected(pub) && isConnected(sub), 'both rooms connected', 60_000);
      await camera.decoding('the camera decoded again', 60_000);
      console.log(
        `netem (${qdisc}) 5 s: cleared→decoding ${Math.round(performance.now() - clearedAt)} ms\n  events: ${log.since(cutAt).join('\n          ') || 'none'}`,
      );
    } finally {
      camera.dispose();
      await Promise.all([pub.leave(), sub.leave()]);
    }
  });
});
