/**
 * Where `<lk-room>` gets its server URL and token: a `token` attribute, or a standard token
 * endpoint through livekit-client's `TokenSource.endpoint`. With an agent name the request carries
 * `room_config.agents`, which a LiveKit token endpoint puts in the token so that the server
 * dispatches that agent to the room.
 */
import { TokenSource, type TokenSourceFetchOptions } from 'livekit-client';
import { TokenEndpointError } from './errors.js';

export interface ConnectionRequest {
  url?: string;
  token?: string;
  tokenEndpoint?: string;
  roomName?: string;
  participantIdentity?: string;
  participantName?: string;
  participantMetadata?: string;
  /** Sent as `room_config.agents[0].agent_name`: the endpoint asks the server to dispatch that agent to the room. */
  agentName?: string;
  /** Sent as `room_config.agents[0].metadata`: handed to the dispatched agent's job. */
  agentMetadata?: string;
}

export interface Credentials {
  serverUrl: string;
  participantToken: string;
}

/** What is missing before a connection can be attempted, or null when nothing is. */
export function missingCredentials(request: ConnectionRequest): string | null {
  if (request.token) return request.url ? null : 'a token is set but no url';
  if (request.tokenEndpoint) return null;
  return 'neither token nor token-endpoint is set';
}

/** The token request fields, without the ones that are not set. */
export function tokenFetchOptions(request: ConnectionRequest): TokenSourceFetchOptions {
  const options: TokenSourceFetchOptions = {};
  if (request.roomName) options.roomName = request.roomName;
  if (request.participantIdentity) options.participantIdentity = request.participantIdentity;
  if (request.participantName) options.participantName = request.participantName;
  if (request.participantMetadata) options.participantMetadata = request.participantMetadata;
  if (request.agentName) options.agentName = request.agentName;
  if (request.agentMetadata) options.agentMetadata = request.agentMetadata;
  return options;
}

// One source per endpoint URL, so its cache of a still-valid token serves reconnections.
const endpointSources = new Map<string, ReturnType<typeof TokenSource.endpoint>>();

function endpointSource(endpoint: string) {
  let source = endpointSources.get(endpoint);
  if (!source) {
    source = TokenSource.endpoint(endpoint);
    endpointSources.set(endpoint, source);
  }
  return source;
}

/** Resolves the server URL and token for a request; the `url` attribute wins over the endpoint's. */
export async function fetchCredentials(request: ConnectionRequest): Promise<Credentials> {
  const missing = missingCredentials(request);
  if (missing) throw new TokenEndpointError(`Cannot connect: ${missing}.`);
  if (request.token) return { serverUrl: request.url!, participantToken: request.token };
  const endpoint = request.tokenEndpoint!;
  let answer;
  try {
    answer = await endpointSource(endpoint).fetch(tokenFetchOptions(request));
  } catch (err) {
    const status = /received (\d{3})/.exec(err instanceof Error ? err.message : '')?.[1];
    throw new TokenEndpointError(`${endpoint}: ${err instanceof Error ? err.message : String(err)}`, status ? Number(status) : undefined, { cause: err });
  }
  const serverUrl = request.url || answer.serverUrl;
  if (!serverUrl) throw new TokenEndpointError(`${endpoint} answered without server_url and the url attribute is not set.`);
  if (!answer.participantToken) throw new TokenEndpointError(`${endpoint} answered without participant_token.`);
  return { serverUrl, participantToken: answer.participantToken };
}

/**
 * What a change of the connection request needs while connected:
 * - `none`: nothing the connection depends on changed (with a plain `token`, the participant fields
 *   are not sent anywhere: the token decides them);
 * - `update`: only the participant's name or metadata changed and the token allows the participant
 *   to update them: `setName()` / `setMetadata()` on the live connection;
 * - `reconnect`: a new token or server is needed (another room, identity, or agent to dispatch).
 */
export function connectionChange(previous: ConnectionRequest, next: ConnectionRequest, canUpdateOwnMetadata: boolean): 'none' | 'update' | 'reconnect' {
  const credentials = (r: ConnectionRequest) => JSON.stringify([r.url ?? '', r.token ?? '', r.tokenEndpoint ?? '']);
  if (credentials(previous) !== credentials(next)) return 'reconnect';
  if (next.token) return 'none';
  const room = (r: ConnectionRequest) => JSON.stringify([r.roomName ?? '', r.participantIdentity ?? '', r.agentName ?? '', r.agentMetadata ?? '']);
  if (room(previous) !== room(next)) return 'reconnect';
  const nameOrMetadata = (previous.participantName ?? '') !== (next.participantName ?? '') || (previous.participantMetadata ?? '') !== (next.participantMetadata ?? '');
  if (!nameOrMetadata) return 'none';
  return canUpdateOwnMetadata ? 'update' : 'reconnect';
}
