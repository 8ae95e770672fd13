/**
 * When a room that should stay connected cannot reach its server, the session tries again after
 * growing pauses: 1 s, 2 s, 4 s … up to 15 s, each shortened at random by up to a fifth (jitter),
 * so many pages that lost one server do not return to it at the same instant.
 */

export const RETRY_BASE_MS = 1000;
export const RETRY_CAP_MS = 15_000;
export const RETRY_JITTER = 0.2;

/** The pause before retry number `attempt` (0 for the first retry); `random` is in [0, 1). */
export function retryDelay(attempt: number, random: number = Math.random()): number {
  const full = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** Math.max(0, Math.min(attempt, 30)));
  return Math.round(full * (1 - RETRY_JITTER * random));
}
