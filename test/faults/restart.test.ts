import { expect } from '@open-wc/testing';
import { CameraWatch, EventLog, isConnected, startCall } from './call.js';
import { faultServer, useFaultServer } from './server.js';
import { waitFor } from '../helpers.js';

describe('faults: a server killed and started again', () => {
  useFaultServer();

  it('killed (SIGKILL) and started again on the same ports within 3 s: both rooms recover by themselves and the video decodes again', async () => {
    const url = await faultServer.start();
    const { pub, sub } = await startCall(url);
    const camera = new CameraWatch(sub, 'pub');
    const log = new EventLog({ pub, sub });
    try {
      await camera.decoding('the subscriber decodes the camera', 30_000);
      const before = camera.track();
      const killedAt = performance.now();
      // Kill, one second down, start on the same ports (the command returns once it answers).
      const again = await faultServer.restart({ downMs: 1000 });
      const upMs = Math.round(performance.now() - killedAt);
      expect(again).to.equal(url);

      await waitFor(() => isConnected(pub) && isConnected(sub), 'both rooms connected again', 90_000);
      const connectedMs = Math.round(performance.now() - killedAt);
      await camera.decoding('the camera decoded again', 60_000);
      const decodingMs = Math.round(performance.now() - killedAt);
      expect([isConnected(pub), isConnected(sub)], 'both rooms still connected').to.deep.equal([true, true]);
      log.watchRooms();
      const events = log.since(killedAt);
      // The kill was felt: the rooms left `connected` on the way.
      expect(events.some((e) => / lk-connection-state-changed (reconnecting|disconnected|connecting)/.test(e)), 'a room left connected').to.equal(true);
      console.log(
        `restart: server answering again ${upMs} ms after the kill; kill→both connected ${connectedMs} ms, kill→decoding ${decodingMs} ms; ` +
          `subscriber's camera track ${camera.track() === before ? 'the same' : 'a new one'}\n  events: ${events.join('\n          ')}`,
      );
    } finally {
      camera.dispose();
      await Promise.all([pub.leave(), sub.leave()]);
    }
  });
});
