// A backend publisher (tools/publisher) steered from a test: start it, send it commands, stop it.
import { executeServerCommand } from '@web/test-runner-commands';

export type PublisherOptions = {
  room: string;
  count?: number;
  video?: boolean;
  audio?: boolean;
  speaking?: 'none' | 'rotate' | 'all';
  speakPeriod?: string;
  names?: string;
  leaveAfter?: string;
  leaveWave?: number;
  leaveInterval?: string;
};

/** A running backend publisher: its participants' identities, and its stdin commands. */
export class Backend {
  private constructor(
    readonly id: number,
    readonly identities: string[],
  ) {}

  static async start(options: PublisherOptions): Promise<Backend> {
    const { id, identities } = await executeServerCommand<{ id: number; identities: string[] }, PublisherOptions>('publisher-start', options);
    const backend = new Backend(id, identities);
    running.add(backend);
    return backend;
  }

  /** `mute video pub-1`, `unmute audio pub-1`, `leave pub-1`: answers once the publisher has done it. */
  command(line: string): Promise<unknown> {
    return executeServerCommand('publisher-command', { id: this.id, line });
  }

  async stop(): Promise<void> {
    running.delete(this);
    await executeServerCommand('publisher-stop', { id: this.id });
  }
}

const running = new Set<Backend>();

/** Stops every publisher still running (for `afterEach`). */
export async function stopAllBackends(): Promise<void> {
  await Promise.all([...running].map((backend) => backend.stop()));
}
