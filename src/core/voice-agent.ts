/**
 * A LiveKit Agents voice agent as `<lk-voice-agent>` sees it: which participant is the agent, which
 * one publishes its voice, what state it is in, and how long to wait for it. Pure: no DOM, no Room.
 *
 * The agents' protocol: an agent joins as a participant of kind `agent` and says what it is doing
 * in its attribute `lk.agent.state` (`initializing`, `listening`, `thinking`, `speaking`; some
 * versions also say `idle`). An avatar worker joins as a second participant of kind `agent` whose
 * attribute `lk.publish_on_behalf` names the agent; it then publishes the agent's voice (and video).
 */
import { ParticipantKind, Track } from 'livekit-client';
import type { LkConnectionState } from './connection-state.js';
import { InvalidValue } from './grammar.js';

/** The participant attribute in which an agent says its state. */
export const AGENT_STATE_ATTRIBUTE = 'lk.agent.state';

/** The participant attribute of an avatar worker: the identity of the agent it publishes for. */
export const PUBLISH_ON_BEHALF_ATTRIBUTE = 'lk.publish_on_behalf';

/**
 * The widget's state, reflected as its `state` attribute:
 * - `disconnected`: not in a room (before the start, after the end, after a failure);
 * - `connecting`: joining, or in the room while no agent is (yet, or any more);
 * - `initializing`: the agent is in the room and getting ready;
 * - `listening`, `thinking`, `speaking`: what the agent says it is doing.
 */
export type LkAgentState = 'disconnected' | 'connecting' | 'initializing' | 'listening' | 'thinking' | 'speaking';

export const AGENT_STATES: readonly LkAgentState[] = ['disconnected', 'connecting', 'initializing', 'listening', 'thinking', 'speaking'];

/** The states an agent itself says, and what each one means here. */
const SAID_STATES: Readonly<Record<string, LkAgentState>> = {
  initializing: 'initializing',
  listening: 'listening',
  // Waiting for the person to speak: to the person, the agent listens.
  idle: 'listening',
  thinking: 'thinking',
  speaking: 'speaking',
};

/** The state an agent's `lk.agent.state` value names, or `undefined` for no value or one not known here. */
export function parseAgentState(value: string | undefined | null): LkAgentState | undefined {
  if (value === undefined || value === null) return undefined;
  return Object.hasOwn(SAID_STATES, value) ? SAID_STATES[value] : undefined;
}

/** Whether a state is one the agent says (the agent is in the room). */
export function isAgentPresentState(state: LkAgentState): boolean {
  return state !== 'disconnected' && state !== 'connecting';
}

export interface AgentStateInput {
  /** The room's connection state. */
  connection: LkConnectionState;
  /** The agent is in the room. */
  agentPresent: boolean;
  /** The agent's `lk.agent.state` attribute, as it is now. */
  said?: string;
  /** The state shown until now. */
  previous: LkAgentState;
}

/**
 * The widget's state. A value of `lk.agent.state` not known here keeps the agent's last known state
 * (`initializing` when there is none yet): a newer agent's extra state never shows as an unknown
 * word to CSS.
 */
export function agentState({ connection, agentPresent, said, previous }: AgentStateInput): LkAgentState {
  if (connection === 'disconnected') return 'disconnected';
  if (connection !== 'connected' || !agentPresent) return 'connecting';
  return parseAgentState(said) ?? (isAgentPresentState(previous) ? previous : 'initializing');
}

/** What the kit reads of a participant to find the agent: a livekit-client `Participant` fits. */
export interface AgentCandidate {
  identity: string;
  kind: ParticipantKind;
  attributes: Readonly<Record<string, string>>;
}

/** The agent among `participants`: the first of kind `agent` that publishes for nobody else. */
export function findAgent<P extends AgentCandidate>(participants: Iterable<P>): P | undefined {
  for (const p of participants) {
    if (p.kind === ParticipantKind.AGENT && !(PUBLISH_ON_BEHALF_ATTRIBUTE in p.attributes)) return p;
  }
  return undefined;
}

/** The avatar worker that publishes for `agent`, if there is one. */
export function findAvatarWorker<P extends AgentCandidate>(participants: Iterable<P>, agent: AgentCandidate | undefined): P | undefined {
  if (!agent) return undefined;
  for (const p of participants) {
    if (p.kind === ParticipantKind.AGENT && p.attributes[PUBLISH_ON_BEHALF_ATTRIBUTE] === agent.identity) return p;
  }
  return undefined;
}

/** What the kit reads of a participant's audio: a livekit-client `Participant` fits. */
export interface VoiceSource<T> {
  getTrackPublication(source: Track.Source): { track?: T } | undefined;
}

/** The agent's voice: the agent's own microphone track, else its avatar worker's. */
export function agentVoice<T>(agent: VoiceSource<T> | undefined, worker: VoiceSource<T> | undefined): T | undefined {
  return agent?.getTrackPublication(Track.Source.Microphone)?.track ?? worker?.getTrackPublication(Track.Source.Microphone)?.track;
}

/** `agent-timeout`: how long to wait for the agent, in seconds. */
export const AGENT_TIMEOUT = { default: 20, max: 600 } as const;

export const AGENT_TIMEOUT_ACCEPTED = `seconds, more than 0 and at most ${AGENT_TIMEOUT.max} (e.g. 20, 7.5 or 20s), or 0 or none (wait for ever)`;

/**
 * `agent-timeout` in milliseconds: seconds as a number, with or without an `s` (`20`, `7.5`, `20s`);
 * `0` or `none`: no limit (`Infinity`).
 */
export function parseAgentTimeout(value: string): number {
  const text = value.trim().toLowerCase();
  if (text === 'none') return Infinity;
  const match = /^(\d+(?:\.\d+)?|\.\d+)\s*s?$/.exec(text);
  if (!match) throw new InvalidValue(AGENT_TIMEOUT_ACCEPTED);
  const seconds = Number(match[1]);
  if (seconds === 0) return Infinity;
  if (!(seconds <= AGENT_TIMEOUT.max)) throw new InvalidValue(AGENT_TIMEOUT_ACCEPTED);
  return Math.round(seconds * 1000);
}

/** `position` of the launcher: which corner. */
export const LAUNCHER_POSITIONS = ['bottom-right', 'bottom-left'] as const;
export type LauncherPosition = (typeof LAUNCHER_POSITIONS)[number];
