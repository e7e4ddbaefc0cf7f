// Sign-in through the organisation's OpenID Connect authority (Entra ID, Keycloak, ADFS): the
// authorization code flow with PKCE (S256) for a public client, so the console holds no secret.
// The verifier and state wait in sessionStorage (this tab only) while the browser is away.
// Signing out of the console also ends the session at the authority where it offers that
// (end_session_endpoint, OpenID Connect RP-initiated logout): on a shared crisis-room computer the
// next officer must not be signed in as the last one by a single click.

const PENDING = 'crisiscomms-console-oidc';

/** Why an organisation sign-in failed: 'state' (not our answer), 'refused' (with the authority's reason) or 'unavailable'. */
export class OidcError extends Error {
  constructor(kind, reason) {
    super(reason || kind);
    this.kind = kind;
    this.reason = reason || '';
  }
}

function base64url(bytes) {
  let text = '';
  for (const b of new Uint8Array(bytes)) text += String.fromCharCode(b);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const random = (n) => base64url(crypto.getRandomValues(new Uint8Array(n)));
const redirectUri = () => `${window.location.origin}/console/`;

async function fetchJson(url, init) {
  let response;
  try {
    response = await fetch(url, { cache: 'no-store', ...init, headers: { Accept: 'application/json', ...(init && init.headers) } });
  } catch (_) {
    throw new OidcError('unavailable');
  }
  let json = null;
  try {
    json = await response.json();
  } catch (_) {
    json = null;
  }
  return { ok: response.ok, status: response.status, json };
}

/** Leaves for the authority's sign-in page; `provider` is providers.oidc from the server. */
export async function start(provider) {
  const discovery = await fetchJson(`${provider.authority}/.well-known/openid-configuration`);
  const config = discovery.json;
  if (!discovery.ok || !config || !config.authorization_endpoint || !config.token_endpoint) throw new OidcError('unavailable');
  const verifier = random(32);
  const state = random(16);
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem(PENDING, JSON.stringify({
    verifier, state, clientId: provider.clientId, tokenEndpoint: config.token_endpoint, hash: window.location.hash,
    endSession: config.end_session_endpoint || null,
  }));
  const url = new URL(config.authorization_endpoint);
  const query = {
    response_type: 'code', client_id: provider.clientId, redirect_uri: redirectUri(), scope: provider.scope,
    state, code_challenge: challenge, code_challenge_method: 'S256',
  };
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  window.location.assign(url.toString());
}

/** The authority's answer in this page's address (?code=&state= or ?error=), or null. */
export function returned() {
  const params = new URLSearchParams(window.location.search);
  return params.has('code') || params.has('error') ? params : null;
}

/**
 * Trades the code for an access token: { accessToken, expiresIn, logout }, as the local sign-in
 * answers, with what ending the authority's session needs (null where it offers no such endpoint).
 * The address is cleaned first, so a reload or the back button never offers the code again.
 */
export async function finish(params) {
  let pending = null;
  try {
    pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
  } catch (_) {
    pending = null;
  }
  sessionStorage.removeItem(PENDING);
  window.history.replaceState(null, '', window.location.pathname + ((pending && pending.hash) || ''));
  if (!pending || !params.get('state') || params.get('state') !== pending.state) throw new OidcError('state');
  if (params.has('error')) throw new OidcError('refused', params.get('error_description') || params.get('error'));
  const body = new URLSearchParams({
    grant_type: 'authorization_code', code: params.get('code') || '', redirect_uri: redirectUri(),
    client_id: pending.clientId, code_verifier: pending.verifier,
  });
  const answer = await fetchJson(pending.tokenEndpoint, { method: 'POST', body, credentials: 'omit' });
  const json = answer.json || {};
  if (!answer.ok || !json.access_token) {
    if (answer.status >= 500 || (!answer.ok && !json.error)) throw new OidcError('unavailable');
    throw new OidcError('refused', json.error_description || json.error || `HTTP ${answer.status}`);
  }
  const logout = pending.endSession ? { endpoint: pending.endSession, clientId: pending.clientId, idToken: json.id_token || null } : null;
  return { accessToken: json.access_token, expiresIn: Number(json.expires_in) || 0, logout };
}

/** Where to send the browser to end the authority's session; it sends the officer back to the console. */
export function logoutUrl(logout) {
  const url = new URL(logout.endpoint);
  url.searchParams.set('client_id', logout.clientId);
  url.searchParams.set('post_logout_redirect_uri', redirectUri());
  if (logout.idToken) url.searchParams.set('id_token_hint', logout.idToken);
  return url.toString();
}
