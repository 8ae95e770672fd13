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

/** An event of the simulated agent (docs/publisher.md, "The simulated agent"). */
export type AgentEvent = { event: string; [key: string]: unknown };

export type AgentOptions = {
  agentName: string;
  /** Join this room directly instead of waiting for a dispatch. */
  room?: string;
  identity?: string;
  /** Between the pieces of a transcription: ms, or a Go duration. */
  deltaInterval?: number | string;
  /** It greets the user and answers each turn of speech by itself (--agent-auto). */
  auto?: boolean;
};

/** A simulated LiveKit Agents agent (tools/publisher --agent) steered from a test. */
export class SimulatedAgent {
  private constructor(
    readonly id: number,
    readonly agentName: string,
    readonly workerId: string | null,
  ) {}

  /** Registers a worker for `agentName` (or, with `room`, joins it directly); answers once done. */
  static async start(options: AgentOptions): Promise<SimulatedAgent> {
    const { id, agentName, workerId } = await executeServerCommand<{ id: number; agentName: string; workerId: string | null }, AgentOptions>('agent-start', options);
    const agent = new SimulatedAgent(id, agentName, workerId);
    agents.add(agent);
    return agent;
  }

  /** `state thinking`, `say …`, `hear …`, `leave`: answers the event that acknowledges it. */
  command(line: string): Promise<AgentEvent> {
    return executeServerCommand<AgentEvent, { id: number; line: string }>('agent-command', { id: this.id, line });
  }

  /** Every event so far. */
  events(): Promise<AgentEvent[]> {
    return executeServerCommand<AgentEvent[], { id: number }>('agent-events', { id: this.id });
  }

  /** The end of its log (stderr). */
  log(): Promise<string> {
    return executeServerCommand<string, { id: number }>('agent-log', { id: this.id });
  }

  /** `promise`, or its error with the agent's events and log added. */
  async explain<T>(promise: Promise<T>): Promise<T> {
    try {
      return await promise;
    } catch (err) {
      const events = (await this.events()).map((e) => JSON.stringify(e)).join('\n');
      throw new Error(`${(err as Error).message}\nagent events:\n${events}\nagent log:\n${(await this.log()).slice(-3000)}`);
    }
  }

  async stop(): Promise<void> {
    agents.delete(this);
    await executeServerCommand('agent-stop', { id: this.id });
  }
}

const agents = new Set<SimulatedAgent>();

/** Stops every simulated agent still running (for `afterEach`). */
export async function stopAllAgents(): Promise<void> {
  await Promise.all([...agents].map((agent) => agent.stop()));
}
