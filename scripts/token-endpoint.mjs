// A development token endpoint in LiveKit's standard format: what livekit-client's
// `TokenSource.endpoint(url)` (and so `<lk-room token-endpoint>`) calls.
//
//   POST { room_name, participant_identity, participant_name, participant_metadata, participant_attributes }
//   200  { server_url, participant_token }
//
// It grants every participant the right to join, publish, subscribe and send data in the room it
// asks for. Fine for a local server; a public page needs an endpoint that decides who may join.
// For trying restricted tokens, `?can_publish=camera,microphone` limits the sources a participant
// may publish, and `?can_publish=none` forbids publishing.
import { AccessToken } from 'livekit-server-sdk';
import { randomBytes } from 'node:crypto';

export const TOKEN_PATH = '/api/token';

function pick(body, snake, camel) {
  const value = body?.[snake] ?? body?.[camel];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

// livekit-server-sdk takes @livekit/protocol's TrackSource numbers.
const TRACK_SOURCES = { camera: 1, microphone: 2, screen_share: 3, screen_share_audio: 4 };

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
export async function mintToken(server, body = {}, grant = { canPublish: true }) {
  const roomName = pick(body, 'room_name', 'roomName') ?? 'livekit-elements';
  const identity = pick(body, 'participant_identity', 'participantIdentity') ?? `guest-${randomBytes(3).toString('hex')}`;
  const token = new AccessToken(server.apiKey, server.apiSecret, {
    identity,
    name: pick(body, 'participant_name', 'participantName'),
    metadata: pick(body, 'participant_metadata', 'participantMetadata'),
    attributes: body?.participant_attributes ?? body?.participantAttributes,
    ttl: '1h',
  });
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
  if (pathname !== TOKEN_PATH) return false;
  if (req.method !== 'POST') {
    res.writeHead(405, { 'content-type': 'text/plain', allow: 'POST' }).end('POST a JSON token request.');
    return true;
  }
  try {
    const body = await readJson(req);
    const answer = await mintToken(server, body, publishGrant(searchParams.get('can_publish')));
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
    if (ctx.path !== TOKEN_PATH) return next();
    ctx.respond = false;
    await handleTokenRequest(server, ctx.req, ctx.res);
  };
}
