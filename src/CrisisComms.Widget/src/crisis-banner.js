// CrisisComms banner widget — entry point.
//
//   <script src="https://crisis.example.se/widget/crisis-banner.js" data-audience="public" defer></script>
//
// Optional: data-lang, data-mode (actual|exercise|test), data-target (id or CSS selector),
// data-heading-level (2-6), data-token-hook (name of a global function returning the token).
// Intranet: window.CrisisBanner = { accessTokenFactory: () => token } before this script.
// See README.md. Every entry point is wrapped: a failure here never breaks the host page.

import { HubConnectionBuilder, LogLevel } from '@microsoft/signalr';
import { readConfig, endpoints, findTokenFactory } from './config.js';
import { createFeed } from './feed.js';
import { acceptSnapshot, buildView } from './view.js';
import { createDismissStore } from './dismiss.js';
import { preferredLanguage } from './language.js';
import { mountRoot, render, focusAfterDismiss } from './dom.js';

const VERSION = typeof __CCB_VERSION__ === 'string' ? __CCB_VERSION__ : 'dev';
const LANG_KEY = 'ccb-lang';
const MAX_TIMER_MS = 60000;

function guard(f) {
  return function guarded(...args) {
    try {
      return f.apply(this, args);
    } catch (e) {
      try {
        // eslint-disable-next-line no-console
        console.warn('[crisis-banner]', e);
      } catch (_) { /* nothing more to do */ }
      return undefined;
    }
  };
}

function storage(kind) {
  try {
    const s = window[kind];
    const probe = '__ccb__';
    s.setItem(probe, probe);
    s.removeItem(probe);
    return s;
  } catch (_) {
    return null;
  }
}

function findScript() {
  if (document.currentScript) return document.currentScript;
  const all = document.querySelectorAll('script[src*="crisis-banner"]');
  for (let i = all.length - 1; i >= 0; i -= 1) {
    if (!all[i].__ccbStarted) return all[i];
  }
  return null;
}

function boot() {
  const script = findScript();
  if (script) {
    if (script.__ccbStarted) return;
    script.__ccbStarted = true;
  }
  const config = readConfig(
    (n) => (script ? script.getAttribute(n) : null),
    script ? script.getAttribute('src') || '' : '',
    window.location.href,
  );
  const urls = endpoints(config);

  const api = window.CrisisBanner && typeof window.CrisisBanner === 'object' ? window.CrisisBanner : {};
  window.CrisisBanner = api;
  const state = {
    revision: null, status: 'offline', count: 0, language: null,
    audience: config.audience, mode: config.mode, source: null, updatedAt: null,
  };
  api.version = VERSION;
  if (!Array.isArray(api.instances)) api.instances = [];
  api.instances.push(state);
  if (!api.state) api.state = state;

  const local = storage('localStorage');
  const dismissed = createDismissStore(local);
  let chosenLanguage = null;
  try {
    chosenLanguage = local ? local.getItem(LANG_KEY) : null;
  } catch (_) { /* none */ }

  let snapshot = null;
  let mounted = null;
  let expiryTimer = null;

  const draw = guard(() => {
    if (!mounted) return;
    const view = buildView(snapshot, {
      now: Date.now(),
      preferred: preferredLanguage({
        chosen: chosenLanguage, dataLang: config.lang, pageLang: document.documentElement.lang,
      }),
      pageLang: document.documentElement.lang,
      isDismissed: (key) => dismissed.has(key),
    });
    render(document, mounted, view, { headingLevel: config.headingLevel, onDismiss, onLanguage });
    state.count = view.items.length;
    state.language = view.currentLanguage;
    if (expiryTimer !== null) clearTimeout(expiryTimer);
    expiryTimer = null;
    if (view.nextExpiry !== null) {
      const wait = Math.max(0, Math.min(MAX_TIMER_MS, view.nextExpiry - Date.now() + 50));
      expiryTimer = setTimeout(draw, wait);
    }
  });

  const onDismiss = guard((key) => {
    const buttons = [...mounted.root.querySelectorAll('.ccb-dismiss')];
    const index = buttons.findIndex((b) => b.getAttribute('data-ccb-dismiss') === key);
    dismissed.add(key);
    draw();
    focusAfterDismiss(mounted, Math.max(0, index));
  });

  const onLanguage = guard((tag) => {
    chosenLanguage = tag;
    try {
      if (local) local.setItem(LANG_KEY, tag);
    } catch (_) { /* memory only */ }
    draw();
  });

  const onSnapshot = guard((incoming, source) => {
    if (!acceptSnapshot(snapshot, incoming, config)) return;
    snapshot = incoming;
    state.revision = incoming.revision;
    state.source = source;
    state.updatedAt = new Date().toISOString();
    draw();
  });

  const onStatus = guard((status) => {
    state.status = status;
    if (mounted) mounted.root.setAttribute('data-ccb-status', status);
  });

  const getToken = config.audience === 'intranet'
    ? async () => {
      try {
        const factory = findTokenFactory(window, config.tokenHook);
        return factory ? (await factory()) || '' : '';
      } catch (_) {
        return '';
      }
    }
    : null;

  const feed = createFeed({
    signalR: { HubConnectionBuilder, LogLevel },
    urls,
    getToken,
    onSnapshot,
    onStatus,
  });

  const mount = guard(() => {
    if (mounted) return;
    mounted = mountRoot(document, config.target);
    mounted.root.setAttribute('data-ccb-status', state.status);
    mounted.root.setAttribute('data-ccb-audience', config.audience);
    mounted.root.setAttribute('data-ccb-mode', config.mode);
    draw();
  });

  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount, { once: true });

  window.addEventListener('online', guard(() => feed.nudge()));
  document.addEventListener('visibilitychange', guard(() => {
    if (document.visibilityState === 'visible') {
      draw();
      feed.nudge();
    }
  }));
  window.addEventListener('storage', guard((e) => {
    if (e.key === 'ccb-dismissed-v1' || e.key === LANG_KEY) {
      if (e.key === LANG_KEY) chosenLanguage = e.newValue;
      draw();
    }
  }));

  feed.start();
}

guard(boot)();
