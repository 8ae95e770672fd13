// The `faults` test group's own LiveKit server, which browser tests kill, start again on the same
// ports, freeze (SIGSTOP), thaw (SIGCONT) and cut off with `tc`, through web-test-runner commands
// (`executeServerCommand('lk-faults:…')`; test/faults/server.ts wraps them).
//
// It is a second server, started on the first command and stopped with the runner, so that the
// other groups, which may run at the same time, keep the shared one. Impairments (`netem`) apply
// only to packets from or to this server's three ports, never to the rest of loopback (the shared
// server, the runner's own connection to the browser), and only inside the private network
// namespace `npm test` enters: outside it they refuse to run.
//
// Every fault is undone however a test ends: the browser side resets after each test, a command
// from another test file resets first, the end of a test file (its session) resets, a freeze and an
// impairment thaw or clear themselves after `maxMs`, and the end of the run stops the server.
import { spawnSync } from 'node:child_process';
import { findServerBinary, startServer } from './livekit-server.mjs';

const PREFIX = 'lk-faults:';
/** The first of the three ports the faults server prefers (the shared server prefers 7880). */
const PREFERRED_PORT = 7890;
/** Bounds of a freeze and of an impairment that nothing undoes. */
const MAX_FREEZE_MS = 60_000;
const MAX_NETEM_MS = 120_000;
/** The longest a restart keeps the server down. */
const MAX_DOWN_MS = 30_000;

/** Why fault tests cannot run here, or null. */
function unavailableReason() {
  // `npm test` says when it started a local server; with an external deployment (LIVEKIT_URL from
  // the person running the tests) or without `npm test`, there is nothing to kill.
  if (process.env.LKE_LOCAL_SERVER !== '1') return 'the faults group needs `npm test` with a local LiveKit server (not an external deployment)';
  try {
    findServerBinary({ install: false });
  } catch (err) {
    return String(err.message ?? err);
  }
  return null;
}

/** Runs `tc` (bounded to 5 s); throws with its stderr when it fails. */
function tc(args, { allowFailure = false } = {}) {
  const result = spawnSync('tc', args, { encoding: 'utf8', timeout: 5000 });
  if (result.error) throw new Error(`tc ${args.join(' ')}: ${result.error.message}`);
  if (result.status !== 0 && !allowFailure) {
    const err = new Error(`tc ${args.join(' ')}: ${(result.stderr || '').trim() || `exit ${result.status}`}`);
    err.stderr = result.stderr ?? '';
    throw err;
  }
  return result;
}

/**
 * The faults server's web-test-runner plugin (the commands) and reporter (which resets when a
 * test file's session ends), sharing one server: `const faults = faultServer()`, then
 * `plugins: [faults.plugin]` and `reporters: [faults.reporter]`.
 */
export function faultServer({ log = (message) => console.error(`[faults] ${message}`) } = {}) {
  /** The server handle from startServer(), once started. */
  let server = null;
  let frozen = false;
  let freezeTimer = null;
  /** The impairment in place: `{ spec, qdisc }`. */
  let impairment = null;
  let netemTimer = null;
  /** The test session that sent the last command. */
  let owner = null;
  let stopped = false;
  // One command at a time: a reset never interleaves with a start.
  let queue = Promise.resolve();
  const serial = (fn) => {
    const run = queue.then(fn);
    queue = run.catch(() => {});
    return run;
  };

  function status() {
    const reason = unavailableReason();
    return {
      available: reason === null,
      reason: reason ?? undefined,
      running: server?.running ?? false,
      frozen,
      netem: impairment?.spec ?? null,
      url: server?.url ?? null,
      ports: server?.ports ?? null,
      pid: server?.pid ?? null,
      inNamespace: process.env.LKE_IN_NETNS === '1',
    };
  }

  async function start() {
    const reason = unavailableReason();
    if (reason) throw new Error(`No faults server: ${reason}.`);
    if (stopped) throw new Error('The test run is ending: the faults server is stopped.');
    if (!server) {
      server = await startServer({ port: PREFERRED_PORT, local: true });
      log(`LiveKit server for the faults group on ${server.url} (ports ${server.ports.join(', ')}, pid ${server.pid}, log ${server.logFile}).`);
    } else if (!server.running) {
      const t0 = Date.now();
      await server.start();
      log(`started again on ${server.ports.join(', ')} in ${Date.now() - t0} ms (pid ${server.pid}).`);
    }
    return { url: server.url, pid: server.pid, ports: server.ports };
  }

  async function kill() {
    if (!server?.running) throw new Error('The faults server is not running.');
    const pid = server.pid;
    await server.kill();
    frozen = false;
    clearTimeout(freezeTimer);
    log(`killed (SIGKILL, pid ${pid}).`);
    return { killed: pid };
  }

  async function restart({ downMs = 0 } = {}) {
    if (server?.running) await kill();
    if (downMs > 0) await new Promise((r) => setTimeout(r, Math.min(downMs, MAX_DOWN_MS)));
    return start();
  }

  function thaw() {
    clearTimeout(freezeTimer);
    if (!frozen) return { thawed: false };
    frozen = false;
    server?.signal('SIGCONT');
    log(`thawed (SIGCONT, pid ${server?.pid}).`);
    return { thawed: true };
  }

  function freeze({ maxMs = MAX_FREEZE_MS } = {}) {
    if (!server?.running) throw new Error('The faults server is not running.');
    server.signal('SIGSTOP');
    frozen = true;
    clearTimeout(freezeTimer);
    freezeTimer = setTimeout(() => {
      log(`still frozen after ${maxMs} ms: thawing it.`);
      thaw();
    }, Math.min(maxMs, MAX_FREEZE_MS));
    freezeTimer.unref();
    log(`frozen (SIGSTOP, pid ${server.pid}).`);
    return { frozen: server.pid };
  }

  function clearNetem() {
    clearTimeout(netemTimer);
    if (!impairment) return { cleared: false };
    tc(['qdisc', 'del', 'dev', 'lo', 'root'], { allowFailure: true });
    log(`impairment removed (${impairment.spec}).`);
    impairment = null;
    return { cleared: true };
  }

  /**
   * `tc qdisc … netem <spec>` on the packets from and to the faults server's ports: an HTB root on
   * `lo` whose unclassified traffic goes straight through, one class for the server's ports, the
   * impairment as that class's qdisc. A kernel without netem (sch_netem) can still drop everything:
   * `loss 100%` then becomes a token bucket whose one-byte queue holds no packet.
   */
  function netem({ spec, maxMs = MAX_NETEM_MS } = {}) {
    if (typeof spec !== 'string' || !/^[\w.% -]+$/.test(spec)) throw new Error(`netem: a netem parameter list such as "loss 100%" or "delay 200ms", not ${JSON.stringify(spec)}.`);
    if (process.env.LKE_IN_NETNS !== '1') throw new Error('netem: only inside the private network namespace of `npm test`; not touching this machine\'s loopback.');
    if (!server?.running) throw new Error('netem: the faults server is not running.');
    clearNetem();
    const [port, tcpPort, udpPort] = server.ports;
    tc(['qdisc', 'add', 'dev', 'lo', 'root', 'handle', '1:', 'htb']);
    let qdisc = `netem ${spec}`;
    try {
      tc(['class', 'add', 'dev', 'lo', 'parent', '1:', 'classid', '1:1', 'htb', 'rate', '10gbit', 'quantum', '65536']);
      try {
        tc(['qdisc', 'add', 'dev', 'lo', 'parent', '1:1', 'handle', '10:', 'netem', ...spec.split(/\s+/)]);
      } catch (err) {
        const noNetem = /unknown/i.test(err.stderr ?? '');
        if (!noNetem || !/^loss 100(\.0+)?%$/.test(spec.trim())) {
          throw noNetem ? new Error(`netem: this kernel has no netem qdisc (CONFIG_NET_SCH_NETEM); only "loss 100%" works without it. ${err.message}`) : err;
        }
        qdisc = 'tbf rate 8bit burst 10 limit 1 (drops every packet: no netem in this kernel)';
        tc(['qdisc', 'add', 'dev', 'lo', 'parent', '1:1', 'handle', '10:', 'tbf', 'rate', '8bit', 'burst', '10', 'limit', '1']);
      }
      for (const p of [port, tcpPort, udpPort]) {
        for (const dir of ['sport', 'dport']) {
          tc(['filter', 'add', 'dev', 'lo', 'parent', '1:', 'protocol', 'ip', 'prio', '1', 'u32', 'match', 'ip', dir, String(p), '0xffff', 'flowid', '1:1']);
        }
      }
    } catch (err) {
      tc(['qdisc', 'del', 'dev', 'lo', 'root'], { allowFailure: true });
      throw err;
    }
    impairment = { spec, qdisc };
    netemTimer = setTimeout(() => {
      log(`impairment still in place after ${maxMs} ms: removing it.`);
      clearNetem();
    }, Math.min(maxMs, MAX_NETEM_MS));
    netemTimer.unref();
    log(`impairment on ports ${server.ports.join(', ')}: ${qdisc}.`);
    return { qdisc };
  }

  /** Undoes every fault (thaws, removes impairments); a killed server stays down until start(). */
  function reset() {
    return { ...thaw(), ...clearNetem() };
  }

  async function shutdown() {
    stopped = true;
    clearTimeout(freezeTimer);
    clearTimeout(netemTimer);
    try {
      clearNetem();
    } catch (err) {
      log(String(err.message ?? err));
    }
    frozen = false;
    if (server?.running) {
      await server.stop();
      log('stopped.');
    }
  }

  const commands = { status, start, kill, restart, freeze, thaw, netem, 'clear-netem': clearNetem, reset };

  const plugin = {
    name: 'livekit-elements-faults',
    executeCommand({ command, payload, session }) {
      if (!command.startsWith(PREFIX)) return undefined;
      const fn = commands[command.slice(PREFIX.length)];
      if (!fn) throw new Error(`Unknown command ${command}; known: ${Object.keys(commands).map((c) => PREFIX + c).join(', ')}.`);
      return serial(async () => {
        // A new test file starts with none of the faults the previous one may have left.
        if (owner !== session.id) {
          if (owner !== null && (frozen || impairment)) log(`resetting the faults another test file left: ${JSON.stringify(reset())}.`);
          owner = session.id;
        }
        return (await fn(payload ?? {})) ?? {};
      });
    },
    async serverStop() {
      await serial(shutdown);
    },
  };

  const reporter = {
    start({ sessions }) {
      sessions.on('session-status-updated', (session) => {
        if (session.id !== owner || (session.status !== 'TEST_FINISHED' && session.status !== 'FINISHED')) return;
        if (!frozen && !impairment) return;
        void serial(() => log(`the test file ended with faults in place: ${JSON.stringify(reset())}.`));
      });
    },
    async stop() {
      await serial(shutdown);
    },
  };

  return { plugin, reporter };
}
