/**
 * The faults group's own LiveKit server, from the browser: kill it, start it again on the same
 * ports, freeze and thaw it, impair its traffic (scripts/fault-server.mjs runs the commands). Its
 * key and secret are the shared server's, so tokens from `fetchToken()` are valid for it: connect
 * with the URL `start()` returns.
 *
 * Call `useFaultServer()` inside a `describe`: it skips the suite where no fault server can run and
 * undoes every fault after each test.
 */
import { executeServerCommand } from '@web/test-runner-commands';

export interface FaultServerStatus {
  /** False without `npm test`'s local server (an external deployment, or no server binary). */
  available: boolean;
  /** Why it is not available. */
  reason?: string;
  running: boolean;
  frozen: boolean;
  /** The impairment in place (its netem parameters), or null. */
  netem: string | null;
  url: string | null;
  ports: [number, number, number] | null;
  pid: number | null;
  /** Inside `npm test`'s private network namespace, where `netem()` may run. */
  inNamespace: boolean;
}

async function command<R>(name: string, payload: Record<string, unknown> = {}): Promise<R> {
  return executeServerCommand<R, Record<string, unknown>>(`lk-faults:${name}`, payload);
}

export const faultServer = {
  /** What the faults server is doing now. */
  status: () => command<FaultServerStatus>('status'),

  /** Starts the server if it is not running (the same ports as before, once it ran) and resolves to its URL. */
  async start(): Promise<string> {
    return (await command<{ url: string }>('start')).url;
  },

  /** Kills the server (SIGKILL) and resolves once it has exited. */
  async kill(): Promise<void> {
    await command('kill');
  },

  /** Kills the server, waits `downMs` (at most 30 s), starts it again on the same ports; resolves to its URL. */
  async restart({ downMs = 0 } = {}): Promise<string> {
    return (await command<{ url: string }>('restart', { downMs })).url;
  },

  /** Stops the process (SIGSTOP): its sockets stay open and nothing answers. Thawed by itself after `maxMs` (at most 60 s). */
  async freeze({ maxMs = 60_000 } = {}): Promise<void> {
    await command('freeze', { maxMs });
  },

  /** Lets a frozen server run again (SIGCONT). */
  async thaw(): Promise<void> {
    await command('thaw');
  },

  /**
   * `tc … netem <spec>` on the packets from and to the server's ports only (`loss 100%`,
   * `delay 200ms`, …), removed by itself after `maxMs` (at most 120 s). Where the kernel has no
   * netem, `loss 100%` still works (a queue that holds nothing) and anything else throws. Resolves
   * to the qdisc used.
   */
  async netem(spec: string, { maxMs = 120_000 } = {}): Promise<string> {
    return (await command<{ qdisc: string }>('netem', { spec, maxMs })).qdisc;
  },

  /** Removes the impairment. */
  async clearNetem(): Promise<void> {
    await command('clear-netem');
  },

  /** Thaws the server and removes any impairment (a killed server stays down until `start()`). */
  async reset(): Promise<void> {
    await command('reset');
  },
};

/** Skips the enclosing suite where no fault server can run; undoes every fault after each test. */
export function useFaultServer(): void {
  before(async function () {
    const status = await faultServer.status();
    if (!status.available) {
      console.warn(`Skipping the fault tests: ${status.reason}`);
      this.skip();
    }
  });
  afterEach(async () => {
    await faultServer.reset();
  });
}
