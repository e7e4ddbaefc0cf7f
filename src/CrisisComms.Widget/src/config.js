// Reading the embed's data-* attributes and building the server addresses. Pure, no DOM.

export const AUDIENCES = ['public', 'intranet'];
export const REQUEST_MODES = ['actual', 'exercise', 'test'];

/**
 * The configuration from the script tag.
 * @param attr    name => value|null, e.g. (n) => script.getAttribute(n)
 * @param scriptSrc  the script's src (absolute or relative)
 * @param pageHref   the page's address, to resolve a relative src
 */
export function readConfig(attr, scriptSrc, pageHref) {
  const get = (n) => {
    const v = attr(n);
    return typeof v === 'string' ? v.trim() : '';
  };
  const audience = get('data-audience').toLowerCase();
  const mode = get('data-mode').toLowerCase();
  const level = parseInt(get('data-heading-level'), 10);
  return {
    origin: originOf(scriptSrc, pageHref),
    audience: AUDIENCES.includes(audience) ? audience : 'public',
    mode: REQUEST_MODES.includes(mode) ? mode : 'actual',
    lang: get('data-lang'),
    target: get('data-target'),
    tokenHook: get('data-token-hook'),
    headingLevel: level >= 2 && level <= 6 ? level : 2,
  };
}

/** The server's origin: where the script itself was loaded from. */
export function originOf(scriptSrc, pageHref) {
  try {
    const url = new URL(scriptSrc, pageHref);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.origin;
  } catch (_) { /* fall through */ }
  try {
    return new URL(pageHref).origin;
  } catch (_) {
    return '';
  }
}

function query(audience, mode) {
  const q = `audience=${encodeURIComponent(audience)}`;
  return mode && mode !== 'actual' ? `${q}&mode=${encodeURIComponent(mode)}` : q;
}

/** The hub and the polling endpoint for one audience and mode. */
export function endpoints({ origin, audience, mode }) {
  const q = query(audience, mode);
  return {
    hub: `${origin}/hubs/banners?${q}`,
    poll: `${origin}/api/v1/banners?${q}`,
  };
}

/**
 * The intranet's token source: window.CrisisBanner.accessTokenFactory set by the host page
 * before the script runs, or the global function named by data-token-hook. Null if neither.
 */
export function findTokenFactory(globalObject, tokenHook) {
  const hook = globalObject && globalObject.CrisisBanner;
  if (hook && typeof hook.accessTokenFactory === 'function') return hook.accessTokenFactory;
  if (tokenHook && /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/.test(tokenHook)) {
    let fn = globalObject;
    for (const part of tokenHook.split('.')) fn = fn == null ? undefined : fn[part];
    if (typeof fn === 'function') return fn;
  }
  return null;
}
