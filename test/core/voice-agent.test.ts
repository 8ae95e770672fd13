import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { ParticipantKind, Track } from 'livekit-client';
import type { LkConnectionState } from '../../src/core/connection-state.js';
import { InvalidValue } from '../../src/core/grammar.js';
import { connectionChange, tokenFetchOptions } from '../../src/core/token.js';
import {
  AGENT_STATES,
  AGENT_TIMEOUT,
  agentState,
  agentVoice,
  findAgent,
  findAvatarWorker,
  isAgentPresentState,
  parseAgentState,
  parseAgentTimeout,
  type LkAgentState,
} from '../../src/core/voice-agent.js';

const CONNECTION_STATES: LkConnectionState[] = ['disconnected', 'connecting', 'connected', 'reconnecting'];
const SAID = ['initializing', 'listening', 'idle', 'thinking', 'speaking'];

const participant = (identity: string, kind: ParticipantKind, attributes: Record<string, string> = {}) => ({ identity, kind, attributes });

describe('core: voice agent', () => {
  describe('the agent\'s state', () => {
    it('reads the states an agent says; idle is listening; anything else is unknown', () => {
      expect(parseAgentState('initializing')).to.equal('initializing');
      expect(parseAgentState('listening')).to.equal('listening');
      expect(parseAgentState('idle')).to.equal('listening');
      expect(parseAgentState('thinking')).to.equal('thinking');
      expect(parseAgentState('speaking')).to.equal('speaking');
      for (const value of [undefined, null, '', 'Speaking', ' speaking', 'dancing', 'toString', '__proto__', 'connecting', 'disconnected']) {
        expect(parseAgentState(value), String(value)).to.equal(undefined);
      }
    });

    it('follows the connection, then the agent', () => {
      const at = (connection: LkConnectionState, agentPresent: boolean, said?: string, previous: LkAgentState = 'connecting') =>
        agentState({ connection, agentPresent, said, previous });
      expect(at('disconnected', false)).to.equal('disconnected');
      expect(at('disconnected', true, 'speaking', 'speaking')).to.equal('disconnected');
      expect(at('connecting', false)).to.equal('connecting');
      expect(at('reconnecting', true, 'speaking', 'speaking')).to.equal('connecting');
      expect(at('connected', false)).to.equal('connecting');
      // The agent joined and has not said anything yet.
      expect(at('connected', true)).to.equal('initializing');
      expect(at('connected', true, 'listening')).to.equal('listening');
      expect(at('connected', true, 'thinking', 'listening')).to.equal('thinking');
      // A word not known here keeps the last known state.
      expect(at('connected', true, 'dancing', 'speaking')).to.equal('speaking');
      expect(at('connected', true, 'dancing', 'connecting')).to.equal('initializing');
      // The agent left: waiting again.
      expect(at('connected', false, undefined, 'speaking')).to.equal('connecting');
    });

    it('always gives one of the six states, and an agent state only with the agent in a connected room', () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...CONNECTION_STATES),
          fc.boolean(),
          fc.option(fc.oneof(fc.constantFrom(...SAID), fc.string()), { nil: undefined }),
          fc.constantFrom(...AGENT_STATES),
          (connection, agentPresent, said, previous) => {
            const state = agentState({ connection, agentPresent, said, previous });
            if (!AGENT_STATES.includes(state)) return false;
            if (isAgentPresentState(state) !== (connection === 'connected' && agentPresent)) return false;
            // What the agent says, when known here, is what shows.
            const known = parseAgentState(said);
            return !(connection === 'connected' && agentPresent && known) || state === known;
          },
        ),
      );
    });
  });

  describe('finding the agent', () => {
    it('is the participant of kind agent that publishes for nobody else; its avatar worker publishes for it', () => {
      const people = [
        participant('ann', ParticipantKind.STANDARD),
        participant('avatar', ParticipantKind.AGENT, { 'lk.publish_on_behalf': 'agent-1' }),
        participant('agent-1', ParticipantKind.AGENT, { 'lk.agent.state': 'listening' }),
        participant('other-avatar', ParticipantKind.AGENT, { 'lk.publish_on_behalf': 'someone-else' }),
      ];
      const agent = findAgent(people);
      expect(agent?.identity).to.equal('agent-1');
      expect(findAvatarWorker(people, agent)?.identity).to.equal('avatar');
      expect(findAvatarWorker(people, undefined)).to.equal(undefined);
      expect(findAgent([participant('ann', ParticipantKind.STANDARD), participant('rec', ParticipantKind.EGRESS)])).to.equal(undefined);
    });

    it('hears the agent\'s own microphone first, else its avatar worker\'s', () => {
      const source = (tracks: Partial<Record<Track.Source, string>>) => ({ getTrackPublication: (s: Track.Source) => (s in tracks ? { track: tracks[s] } : undefined) });
      expect(agentVoice(source({ [Track.Source.Microphone]: 'agent-mic' }), source({ [Track.Source.Microphone]: 'avatar-mic' }))).to.equal('agent-mic');
      expect(agentVoice(source({ [Track.Source.Camera]: 'cam' }), source({ [Track.Source.Microphone]: 'avatar-mic' }))).to.equal('avatar-mic');
      expect(agentVoice(source({}), undefined)).to.equal(undefined);
      expect(agentVoice(undefined, undefined)).to.equal(undefined);
    });
  });

  describe('agent-timeout', () => {
    it('takes seconds, with or without s; 0 and none wait for ever', () => {
      expect(parseAgentTimeout('20')).to.equal(20_000);
      expect(parseAgentTimeout(' 2 ')).to.equal(2000);
      expect(parseAgentTimeout('7.5')).to.equal(7500);
      expect(parseAgentTimeout('.5')).to.equal(500);
      expect(parseAgentTimeout('20s')).to.equal(20_000);
      expect(parseAgentTimeout('20 S')).to.equal(20_000);
      expect(parseAgentTimeout(String(AGENT_TIMEOUT.max))).to.equal(AGENT_TIMEOUT.max * 1000);
      expect(parseAgentTimeout('0')).to.equal(Infinity);
      expect(parseAgentTimeout('none')).to.equal(Infinity);
    });

    it('refuses anything else, saying what it takes', () => {
      for (const value of ['', ' ', '-1', '1e3', 'abc', '20ms', '2m', '601', 'Infinity', 'NaN', '1.', '1,5']) {
        expect(() => parseAgentTimeout(value), value).to.throw(InvalidValue, 'seconds');
      }
    });

    it('gives a whole number of milliseconds up to the maximum for any number of seconds it takes', () => {
      fc.assert(
        fc.property(fc.double({ min: 0.001, max: AGENT_TIMEOUT.max, noNaN: true }), (seconds) => {
          const text = String(Math.round(seconds * 1000) / 1000);
          if (/e/i.test(text)) return true;
          const ms = parseAgentTimeout(text);
          return ms === Infinity ? Number(text) === 0 : Number.isInteger(ms) && ms <= AGENT_TIMEOUT.max * 1000 && Math.abs(ms - Number(text) * 1000) <= 0.5;
        }),
      );
    });
  });

  describe('the token request', () => {
    it('asks for the agent by name, with its metadata', () => {
      expect(tokenFetchOptions({ tokenEndpoint: '/t', roomName: 'r', agentName: 'support', agentMetadata: '{"lang":"de"}' })).to.deep.equal({
        roomName: 'r',
        agentName: 'support',
        agentMetadata: '{"lang":"de"}',
      });
      expect(tokenFetchOptions({ tokenEndpoint: '/t', agentName: '' })).to.deep.equal({});
    });

    it('joins again when the agent asked for changes while connected', () => {
      const base = { tokenEndpoint: '/t', roomName: 'r', agentName: 'a' };
      expect(connectionChange(base, { ...base }, false)).to.equal('none');
      expect(connectionChange(base, { ...base, agentName: 'b' }, true)).to.equal('reconnect');
      expect(connectionChange(base, { ...base, agentMetadata: 'm' }, true)).to.equal('reconnect');
      // With a plain token the token decides: nothing is sent anywhere.
      expect(connectionChange({ url: 'ws://x', token: 'jwt', agentName: 'a' }, { url: 'ws://x', token: 'jwt', agentName: 'b' }, true)).to.equal('none');
    });
  });
});
