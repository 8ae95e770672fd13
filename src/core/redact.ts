/**
 * Secrets never reach a message: a LiveKit server echoes the whole access token in some of its
 * answers (a 401 body), and URLs may carry it as `access_token=`. Every message the kit writes to
 * the console or puts in an `lk-error` passes through `redactSecrets()`.
 */

/** What replaces a secret. */
export const REDACTED = '[redacted]';

// A JWT: three base64url segments, the first one a JSON header (`{"` encodes as `eyJ`).
const JWT = /eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;
// Any other long three-segment base64url run (a token whose header is not `{"…`).
const TOKEN_LIKE = /\b[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}\b/g;
// A secret in a query string or a header-like text.
const NAMED_SECRET = /\b(access_token|token|participant_token|authorization)(["']?\s*[:=]\s*["']?)(?:Bearer\s+)?[^\s"'&,;}]+/gi;

/** `text` with every token-shaped run replaced by `[redacted]`. */
export function redactSecrets(text: string): string {
  return text.replace(JWT, REDACTED).replace(TOKEN_LIKE, REDACTED).replace(NAMED_SECRET, (_all, name: string, sep: string) => `${name}${sep}${REDACTED}`);
}
