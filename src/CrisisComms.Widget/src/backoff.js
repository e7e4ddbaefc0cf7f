// Jittered exponential backoff: no two browsers retry in lockstep after a server restart.

export const BASE_MS = 1000;
export const CAP_MS = 30000;

/**
 * Delay before retry number `attempt` (0 = first retry): "equal jitter" — half of the
 * exponential step fixed, half random — so it never drops to zero, grows to the cap and stays
 * there. Never null: the widget never gives up.
 */
export function backoffDelay(attempt, random = Math.random, { baseMs = BASE_MS, capMs = CAP_MS } = {}) {
  const n = Number.isFinite(attempt) && attempt > 0 ? Math.floor(attempt) : 0;
  const step = Math.min(capMs, baseMs * 2 ** Math.min(n, 30));
  const r = clamp01(random());
  return Math.round(step / 2 + (r * step) / 2);
}

export const POLL_MIN_MS = 5000;
export const POLL_MAX_MS = 10000;

/** Delay between polls while the hub is unreachable: uniformly 5–10 s. */
export function pollDelay(random = Math.random) {
  return Math.round(POLL_MIN_MS + clamp01(random()) * (POLL_MAX_MS - POLL_MIN_MS));
}

function clamp01(x) {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0.5;
}
