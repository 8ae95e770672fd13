// Web-test-runner server commands that drive the backend publisher (tools/publisher, through
// scripts/publisher.mjs) from a test, for the `backend` group:
//
//   executeServerCommand('publisher-start', { room, count?, video?, audio?, speaking?, names?, … })
//       joins `count` backend participants to `room` and answers when all of them publish:
//       { id, identities }
//   executeServerCommand('publisher-command', { id, line })   'mute video pub-1', 'leave pub-2', …
//       answers the event that acknowledges it ({ event: 'muted', identity, kind }, …)
//   executeServerCommand('publisher-stop', { id })            ends that publisher (its participants leave)
//
// The server is the one `npm test` started (LIVEKIT_URL and keys); the Go binary and its media were
// prepared by scripts/test.mjs before it entered the network namespace (LKE_PUBLISHER_BIN,
// LKE_PUBLISHER_MEDIA). Tests stop what they start; whatever is left runs until the test server
// stops, and never longer than its own duration bound.
import { startPublisher } from './publisher.mjs';

/** The event that acknowledges a stdin command of the publisher, if it has one. */
function acknowledgement(line) {
  const [verb, kind, identity] = line.trim().split(/\s+/);
  if (verb === 'mute' || verb === 'unmute') return (e) => e.event === `${verb}d` && e.identity === identity && e.kind === kind;
  if (verb === 'leave') return (e) => e.event === 'left' && e.identity === kind;
  return undefined;
}

export function publisherPlugin() {
  const running = new Map();
  let next = 1;

  const stopAll = async () => {
    const all = [...running.values()];
    running.clear();
    await Promise.all(all.map((p) => p.stop().catch(() => {})));
  };

  return {
    name: 'backend-publisher',
    async executeCommand({ command, payload }) {
      if (!command.startsWith('publisher-')) return undefined;
      if (command === 'publisher-start') {
        const bin = process.env.LKE_PUBLISHER_BIN;
        const mediaDir = process.env.LKE_PUBLISHER_MEDIA;
        if (!bin || !mediaDir || !process.env.LIVEKIT_URL) {
          throw new Error('No backend publisher: run the backend group through `npm test`, which builds it and starts a server.');
        }
        const handle = startPublisher({
          bin,
          mediaDir,
          url: process.env.LIVEKIT_URL,
          apiKey: process.env.LIVEKIT_API_KEY,
          apiSecret: process.env.LIVEKIT_API_SECRET,
          duration: '180s',
          ...payload,
        });
        const id = next++;
        running.set(id, handle);
        try {
          await handle.ready;
        } catch (err) {
          running.delete(id);
          await handle.stop().catch(() => {});
          throw new Error(`the backend publisher did not get ready: ${err.message}\n${handle.log()}`);
        }
        return { id, identities: handle.identities };
      }
      const handle = running.get(payload?.id);
      if (!handle) throw new Error(`${command}: no running publisher ${payload?.id}`);
      if (command === 'publisher-command') {
        const acknowledged = acknowledgement(payload.line);
        const seen = handle.events.length;
        handle.command(payload.line);
        if (!acknowledged) return null;
        return handle.waitFor((event) => handle.events.indexOf(event) >= seen && acknowledged(event), 30_000);
      }
      if (command === 'publisher-stop') {
        running.delete(payload.id);
        await handle.stop();
        return true;
      }
      throw new Error(`unknown command ${command}`);
    },
    async serverStop() {
      await stopAll();
    },
  };
}
