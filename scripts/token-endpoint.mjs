// A development token endpoint in LiveKit's standard format: what livekit-client's
// `TokenSource.endpoint(url)` (and so `<lk-room token-endpoint>`) calls.
//
//   POST { room_name, participant_identity, participant_name, participant_metadata, participant_attributes,
//          room_config }
//   200  { server_url, participant_token }
//
// It grants every participant the right to join, publish, subscribe and send data in the room it
// asks for, and puts the request's `room_config` in the token, so `room_config.agents` asks the server
// to dispatch those agents to the room (what `<lk-voice-agent agent-name>` sends). A request for an
// agent without a `room_name` gets a new room (`NAME-<random>`): agents are dispatched to a room when
// it is created. Fine for a local server; a public page needs an endpoint that decides who may join.
// For trying restricted tokens, `?can_publish=camera,microphone` limits the sources a participant
// may publish, and `?can_publish=none` forbids publishing; `?can_update_metadata=true` lets the
// participant change its own name and metadata, and `?kind=agent` mints an agent's token (a participant
// of kind `agent`, as LiveKit Agents join). For trying refused tokens, `?expired=true` mints
// one that expired two hours ago and `?bad_signature=true` one signed with another secret.
//
// `GET /api/participants?room=…` lists the identities the server has in a room (tests use it to
// check that nothing was left behind).
import { AccessToken, RoomConfiguration, RoomServiceClient } from 'livekit-server-sdk';
import { randomBytes } from 'node:crypto';

export const TOKEN_PATH = '/api/token';
export const PARTICIPANTS_PATH = '/api/participants';

/** Answers the identities of the participants the server has in `room`. */
async function listParticipants(server, room, res) {
  try {
    const http = server.url.replace(/^ws/, 'http');
    const participants = room ? await new RoomServiceClient(http, server.apiKey, server.apiSecret).listParticipants(room) : [];
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(participants.map((p) => p.identity)));
  } catch (err) {
    // A room that does not exist (any more) has nobody in it.
    if (/not.?found|does not exist/i.test(String(err?.message))) res.writeHead(200, { 'content-type': 'application/json' }).end('[]');
    else res.writeHead(500, { 'content-type': 'text/plain' }).end(String(err?.message ?? err));
  }
  return true;
}

function pick(body, snake, camel) {
  const value = body?.[snake] ?? body?.[camel];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

// livekit-server-sdk takes @livekit/protocol's TrackSource numbers.
const TRACK_SOURCES = { camera: 1, microphone: 2, screen_share: 3, screen_share_audio: 4 };

// The participant kinds a token may carry (livekit-server-sdk's names).
const KINDS = ['standard', 'agent', 'ingress', 'egress', 'sip'];

/** The publish grant for a `can_publish` query value: absent = everything. */
export function publishGrant(canPublish) {
  if (canPublish == null || canPublish === '') return { canPublish: true };
  if (canPublish === 'none') return { canPublish: false };
  const names = canPublish.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !(name in TRACK_SOURCES));
  if (unknown.length) throw new Error(`can_publish: unknown source ${unknown.join(', ')}; accepted: none, or ${Object.keys(TRACK_SOURCES).join(', ')}`);
  return { canPublish: true, canPublishSources: names.map((name) => TRACK_SOURCES[name]) };
}

/** Mints `{ server_url, participant_token }` for a standard token request body. */
export async function mintToken(server, body = {}, grant = { canPublish: true }, { expired = false, badSignature = false, kind } = {}) {
  const roomConfig = body?.room_config ?? body?.roomConfig;
  // An agent is dispatched when its room is created: a request for an agent without a room name
  // gets a new room, so every conversation has its agent.
  const agentName = roomConfig?.agents?.[0]?.agent_name ?? roomConfig?.agents?.[0]?.agentName;
  const roomName = pick(body, 'room_name', 'roomName') ?? (agentName ? `${agentName}-${randomBytes(4).toString('hex')}` : 'livekit-elements');
  const identity = pick(body, 'participant_identity', 'participantIdentity') ?? `guest-${randomBytes(3).toString('hex')}`;
  const secret = badSignature ? `not-${server.apiSecret}` : server.apiSecret;
  const token = new AccessToken(server.apiKey, secret, {
    identity,
    name: pick(body, 'participant_name', 'participantName'),
    metadata: pick(body, 'participant_metadata', 'participantMetadata'),
    attributes: body?.participant_attributes ?? body?.participantAttributes,
    ttl: expired ? '2 hours ago' : '1h',
  });
  if (roomConfig) token.roomConfig = RoomConfiguration.fromJson(roomConfig);
  if (kind) token.kind = kind;
  token.addGrant({ roomJoin: true, room: roomName, canSubscribe: true, canPublishData: true, ...grant });
  return { server_url: server.url, participant_token: await token.toJwt() };
}

async function readJson(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : {};
}

/** Handles a node `http` request for the token path; returns false for any other path. */
export async function handleTokenRequest(server, req, res) {
  const { pathname, searchParams } = new URL(req.url, 'http://localhost');
  if (pathname === PARTICIPANTS_PATH) return listParticipants(server, searchParams.get('room'), res);
  if (pathname !== TOKEN_PATH) return false;
  if (req.method !== 'POST') {
    res.writeHead(405, { 'content-type': 'text/plain', allow: 'POST' }).end('POST a JSON token request.');
    return true;
  }
  try {
    const body = await readJson(req);
    const grant = { ...publishGrant(searchParams.get('can_publish')), ...(searchParams.get('can_update_metadata') === 'true' ? { canUpdateOwnMetadata: true } : {}) };
    const kind = searchParams.get('kind') ?? undefined;
    if (kind && !KINDS.includes(kind)) throw new Error(`kind: unknown ${kind}; accepted: ${KINDS.join(', ')}`);
    // An agent sets its own attributes (`lk.agent.state`), as the tokens of dispatched agents allow.
    if (kind === 'agent') grant.canUpdateOwnMetadata = true;
    const answer = await mintToken(server, body, grant, { expired: searchParams.get('expired') === 'true', badSignature: searchParams.get('bad_signature') === 'true', kind });
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
  } catch (err) {
    res.writeHead(400, { 'content-type': 'text/plain' }).end(`Bad token request: ${err.message}`);
  }
  return true;
}

/** Connect-style middleware (Vite's dev server). */
export function tokenMiddleware(server) {
  return (req, res, next) => {
    handleTokenRequest(server, req, res).then((handled) => handled || next(), next);
  };
}

/** Koa-style middleware (@web/dev-server and @web/test-runner). */
export function tokenKoaMiddleware(server) {
  return async (ctx, next) => {
    if (ctx.path !== TOKEN_PATH && ctx.path !== PARTICIPANTS_PATH) return next();
    ctx.respond = false;
    await handleTokenRequest(server, ctx.req, ctx.res);
  };
}
