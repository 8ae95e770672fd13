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
// and the simulated LiveKit Agents agent (the publisher with --agent):
//
//   executeServerCommand('agent-start', { agentName, room?, identity?, deltaInterval?, auto? })
//       registers a worker for `agentName` and answers once the server confirmed it:
//       { id, agentName, workerId } (with `room`: joins that room directly, answers once listening)
//   executeServerCommand('agent-command', { id, line })       'state thinking', 'say Hello', 'hear Hi', 'leave'
//       answers the event that acknowledges it ({ event: 'state', state }, { event: 'said', segmentId,
//       text, trackSid, identity }, { event: 'heard', … }, { event: 'left', … }); rejects on an error event
//   executeServerCommand('agent-events', { id })             every event of that agent so far
//   executeServerCommand('agent-log', { id })                the end of its stderr
//   executeServerCommand('agent-stop', { id })                ends it (it leaves its room)
//
// The server is the one `npm test` started (LIVEKIT_URL and keys); the Go binary and its media were
// prepared by scripts/test.mjs before it entered the network namespace (LKE_PUBLISHER_BIN,
// LKE_PUBLISHER_MEDIA). Tests stop what they start; whatever is left runs until the test server
// stops, and never longer than its own duration bound.
import { startAgent, startPublisher } from './publisher.mjs';

/** The event that acknowledges a stdin command of the publisher, if it has one. */
function acknowledgement(line) {
  const [verb, kind, identity] = line.trim().split(/\s+/);
  if (verb === 'mute' || verb === 'unmute') return (e) => e.event === `${verb}d` && e.identity === identity && e.kind === kind;
  if (verb === 'leave') return (e) => e.event === 'left' && e.identity === kind;
  return undefined;
}

/** The event that acknowledges a stdin command of the simulated agent. */
export function agentAcknowledgement(line) {
  const [verb, ...rest] = line.trim().split(/\s+/);
  const arg = rest.join(' ');
  if (verb === 'state') return (e) => e.event === 'state' && e.state === arg;
  if (verb === 'say') return (e) => e.event === 'said' && e.text === line.trim().slice(4).trim();
  if (verb === 'hear') return (e) => e.event === 'heard' && e.text === line.trim().slice(5).trim();
  if (verb === 'leave') return (e) => e.event === 'left';
  return undefined;
}

/** The server, keys and the prepared binary, or an error saying how to get them. */
function backendEnvironment() {
  const bin = process.env.LKE_PUBLISHER_BIN;
  const mediaDir = process.env.LKE_PUBLISHER_MEDIA;
  if (!bin || !mediaDir || !process.env.LIVEKIT_URL) {
    throw new Error('No backend publisher: run the backend group through `npm test`, which builds it and starts a server.');
  }
  return { bin, mediaDir, url: process.env.LIVEKIT_URL, apiKey: process.env.LIVEKIT_API_KEY, apiSecret: process.env.LIVEKIT_API_SECRET };
}

export function publisherPlugin() {
  const running = new Map();
  let next = 1;

  /** Keeps `handle` under a new id once it is ready; stops it and throws (with its log) if it never is. */
  const keepWhenReady = async (handle, what) => {
    const id = next++;
    running.set(id, handle);
    try {
      await handle.ready;
    } catch (err) {
      running.delete(id);
      await handle.stop().catch(() => {});
      throw new Error(`${what} did not get ready: ${err.message}\n${handle.log()}`);
    }
    return id;
  };

  const stopAll = async () => {
    const all = [...running.values()];
    running.clear();
    await Promise.all(all.map((p) => p.stop().catch(() => {})));
  };

  return {
    name: 'backend-publisher',
    async executeCommand({ command, payload }) {
      if (command.startsWith('agent-')) return agentCommand(command, payload);
      if (!command.startsWith('publisher-')) return undefined;
      if (command === 'publisher-start') {
        const handle = startPublisher({ ...backendEnvironment(), duration: '180s', ...payload });
        const id = await keepWhenReady(handle, 'the backend publisher');
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

  async function agentCommand(command, payload) {
    if (command === 'agent-start') {
      const { agentName, room, identity, deltaInterval, auto } = payload ?? {};
      const handle = startAgent({ ...backendEnvironment(), duration: '300s', agentName, room, identity, deltaInterval, auto });
      const id = await keepWhenReady(handle, 'the simulated agent');
      const registered = handle.events.find((e) => e.event === 'registered');
      return { id, agentName, workerId: registered?.workerId ?? null };
    }
    const handle = running.get(payload?.id);
    if (!handle) throw new Error(`${command}: no running agent ${payload?.id}`);
    if (command === 'agent-command') {
      const acknowledged = agentAcknowledgement(payload.line);
      const seen = handle.events.length;
      handle.command(payload.line);
      if (!acknowledged) return null;
      const answer = await handle.waitFor((event) => handle.events.indexOf(event) >= seen && (acknowledged(event) || event.event === 'error'), 30_000);
      if (answer.event === 'error') throw new Error(`agent: ${answer.message}`);
      return answer;
    }
    if (command === 'agent-events') return handle.events;
    if (command === 'agent-log') return handle.log();
    if (command === 'agent-stop') {
      running.delete(payload.id);
      await handle.stop();
      return true;
    }
    throw new Error(`unknown command ${command}`);
  }
}
