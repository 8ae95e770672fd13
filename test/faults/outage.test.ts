// livekit-client gives up after ~40 s without a server; the room session keeps trying after that.
// Run it alone: FAULTS_FILES=test/faults/outage.test.ts npm test -- --group faults
import { expect } from '@open-wc/testing';
import { Track } from 'livekit-client';
import { CameraWatch, EventLog, isConnected, roomOf, sleep, startCall, stateOf } from './call.js';
import { faultServer, useFaultServer } from './server.js';
import { realClick, waitFor } from '../helpers.js';

const OUTAGE_MS = 60_000;

describe('faults: a long outage', () => {
  useFaultServer();

  it(`the server gone ${OUTAGE_MS / 1000} s, then back on the same ports: both rooms rejoin by themselves, one connection-lost error each, camera and microphone again, the screen share's notice`, async () => {
    const url = await faultServer.start();
    const { pub, sub } = await startCall(url, { audio: true });
    const camera = new CameraWatch(sub, 'pub');
    const log = new EventLog({ pub, sub });
    const microphone = () => roomOf(sub)?.remoteParticipants.get('pub')?.getTrackPublication(Track.Source.Microphone)?.audioTrack;
    try {
      await camera.decoding('the subscriber decodes the camera', 30_000);
      await waitFor(() => microphone(), 'the subscriber has the microphone', 30_000);
      // A screen share too: it cannot come back without a click, and the control says so.
      const share = document.createElement('lk-screenshare');
      pub.append(share);
      await waitFor(() => !share.shadowRoot?.querySelector('button')?.disabled, 'the screen-share control is enabled');
      await realClick(share.shadowRoot!.querySelector('button')!);
      await waitFor(() => roomOf(pub).localParticipant.isScreenShareEnabled, 'the publisher shares its screen', 30_000);
      const notice = () => share.shadowRoot!.querySelector('[part=notice]');
      expect(notice()).to.equal(null);
      const killedAt = performance.now();
      await faultServer.kill();
      // Longer than livekit-client's reconnect attempts (~40 s): by then it has given up.
      await sleep(OUTAGE_MS);
      const afterOutage = { pub: stateOf(pub), sub: stateOf(sub) };
      await faultServer.start();
      const upAt = performance.now();
      console.log(`outage: after ${OUTAGE_MS / 1000} s without a server pub ${afterOutage.pub}, sub ${afterOutage.sub}; server answering again`);
      try {
        await waitFor(() => isConnected(pub) && isConnected(sub), 'both rooms connected again', 60_000);
        const connectedMs = Math.round(performance.now() - upAt);
        for (const who of ['pub', 'sub']) {
          expect(log.errorsSince(who, killedAt).filter((code) => code === 'connection-lost'), `${who}'s connection-lost errors`).to.have.length(1);
        }
        await camera.decoding('the camera decoded again', 60_000);
        await waitFor(() => microphone(), 'the subscriber has the microphone again', 30_000);
        await waitFor(() => notice(), 'the screen-share control says sharing stopped', 10_000);
        expect(roomOf(pub).localParticipant.isScreenShareEnabled).to.equal(false);
        expect(share.pressed).to.equal(false);
        console.log(`outage: server back→both connected ${connectedMs} ms, server back→decoding ${Math.round(performance.now() - upAt)} ms`);
      } finally {
        log.watchRooms();
        console.log(`outage events (from the kill): ${log.since(killedAt).join('\n          ')}\nstates at the end: pub ${stateOf(pub)}, sub ${stateOf(sub)}`);
      }
    } finally {
      camera.dispose();
      await Promise.all([pub.leave(), sub.leave()]);
    }
  });
});
