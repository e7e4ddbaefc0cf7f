// The signed-in officer: the token in sessionStorage (gone with the tab), and what its payload
// says about the name and roles. The server checks every call; the roles here only decide what
// the console offers.

const KEY = 'crisiscomms-console-token';

/** The JWT payload, decoded as UTF-8 JSON (names may be "Åsa"), or null. Not verified: display only. */
export function decodePayload(token) {
  try {
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const padded = part + '='.repeat((4 - (part.length % 4)) % 4);
    const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch (_) {
    return null;
  }
}

function asList(value) {
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' && value ? [value] : [];
}

/** Builds the session from a token answer: { accessToken, expiresIn }. */
export function fromToken(accessToken, expiresIn) {
  const claims = decodePayload(accessToken);
  if (!claims) return null;
  const roles = [...new Set([...asList(claims.role), ...asList(claims.roles)])];
  const expiresAt = claims.exp ? claims.exp * 1000 : Date.now() + (expiresIn || 0) * 1000;
  // scope "enrol": a first sign-in that may only enrol the second factor (see second-factor.js).
  const enrol = claims.scope === 'enrol';
  return { accessToken, expiresAt, sub: String(claims.sub || ''), name: String(claims.name || claims.preferred_username || claims.sub || ''), roles, enrol };
}

export function save(session) {
  sessionStorage.setItem(KEY, JSON.stringify(session));
}

export function load() {
  try {
    const s = JSON.parse(sessionStorage.getItem(KEY) || 'null');
    if (s && s.accessToken && s.expiresAt > Date.now() + 5000) return s;
  } catch (_) {
    /* nothing usable */
  }
  clear();
  return null;
}

export function clear() {
  sessionStorage.removeItem(KEY);
}

const has = (s, ...roles) => Boolean(s) && s.roles.some((r) => roles.includes(r));

/**
 * Which views the console offers (as the server's policies say). What may be done with a notice is
 * never decided here: each notice carries the server's `actions` for this officer.
 */
export const can = {
  compose: (s) => has(s, 'author', 'approver', 'director'),
  approve: (s) => has(s, 'approver', 'director'),
  readAudit: (s) => has(s, 'approver', 'director', 'admin'),
  admin: (s) => has(s, 'admin'),
};
