// The snapshot feed: the SignalR hub when it can be reached, polling GET /api/v1/banners with
// If-None-Match while it cannot. Every dependency is passed in, so it runs under node --test
// with fakes as well as in the browser with the real @microsoft/signalr.

import { backoffDelay, pollDelay } from './backoff.js';

export const POLL_TIMEOUT_MS = 8000;

export const STATUS = { live: 'live', polling: 'polling', offline: 'offline' };

/** "live" when the hub is connected; "polling" while polls succeed; otherwise "offline". */
export function feedStatus(hubUp, pollOk) {
  if (hubUp) return STATUS.live;
  return pollOk ? STATUS.polling : STATUS.offline;
}

/**
 * @param o.signalR      { HubConnectionBuilder, LogLevel } (the real package or a fake)
 * @param o.urls         { hub, poll }
 * @param o.getToken     async () => token or '' ; null for anonymous (public) use
 * @param o.onSnapshot   (snapshot, source) => void
 * @param o.onStatus     (status) => void
 * @param o.fetch, o.setTimeout, o.clearTimeout, o.random  injectable for tests
 */
export function createFeed(o) {
  const {
    signalR, urls, getToken = null, onSnapshot, onStatus,
    random = Math.random,
  } = o;
  const doFetch = o.fetch || ((...a) => globalThis.fetch(...a));
  const later = o.setTimeout || ((f, ms) => globalThis.setTimeout(f, ms));
  const cancel = o.clearTimeout || ((t) => globalThis.clearTimeout(t));
  const logLevel = o.logLevel != null ? o.logLevel : signalR.LogLevel.None;

  let hubUp = false;
  let pollOk = false;
  let polling = false;
  let pollGeneration = 0; // a poll loop whose generation is stale ends itself
  let pollTimer = null;
  let startTimer = null;
  let startAttempt = 0;
  let starting = false;
  let stopped = false;
  let etag = null;
  let lastStatus = null;

  const emit = () => {
    const s = feedStatus(hubUp, pollOk);
    if (s !== lastStatus) {
      lastStatus = s;
      safe(() => onStatus(s));
    }
  };

  // No cookies: cross-origin embeds then need only plain CORS on the server, not credentials.
  const options = { withCredentials: false };
  if (getToken) options.accessTokenFactory = () => Promise.resolve(getToken()).then((t) => t || '');

  const connection = new signalR.HubConnectionBuilder()
    .withUrl(urls.hub, options)
    .withAutomaticReconnect({
      // Never null: keep trying for ever, jittered, while polling covers the gap.
      nextRetryDelayInMilliseconds: (ctx) => backoffDelay(ctx && ctx.previousRetryCount, random),
    })
    .configureLogging(logLevel)
    .build();

  connection.on('banners', (snapshot) => safe(() => onSnapshot(snapshot, 'hub')));
  connection.onreconnecting(() => {
    hubUp = false;
    startPolling();
    emit();
  });
  connection.onreconnected(() => {
    hubUp = true;
    startAttempt = 0;
    stopPolling();
    emit();
  });
  connection.onclose(() => {
    // Only when automatic reconnect was bypassed (a close before the first connect completed,
    // a server that refused reconnection): start again ourselves.
    hubUp = false;
    if (!stopped) {
      startPolling();
      scheduleStart();
    }
    emit();
  });

  function start() {
    startTimer = null;
    if (stopped || starting || hubUp) return;
    starting = true;
    let promise;
    try {
      promise = Promise.resolve(connection.start());
    } catch (e) {
      promise = Promise.reject(e);
    }
    promise.then(
      () => {
        starting = false;
        if (stopped) return;
        hubUp = true;
        startAttempt = 0;
        stopPolling();
        emit();
      },
      () => {
        starting = false;
        if (stopped) return;
        hubUp = false;
        startPolling();
        scheduleStart();
        emit();
      },
    );
  }

  function scheduleStart() {
    if (stopped || startTimer !== null) return;
    const delay = backoffDelay(startAttempt, random);
    startAttempt += 1;
    startTimer = later(start, delay);
  }

  function startPolling() {
    if (polling || stopped) return;
    polling = true;
    pollGeneration += 1;
    poll(pollGeneration);
  }

  function stopPolling() {
    polling = false;
    pollGeneration += 1;
    pollOk = false;
    if (pollTimer !== null) cancel(pollTimer);
    pollTimer = null;
  }

  async function poll(generation) {
    const current = () => polling && generation === pollGeneration;
    pollTimer = null;
    if (!current()) return;
    let ok = false;
    let snapshot = null;
    const controller = typeof AbortController === 'function' ? new AbortController() : null;
    const timeout = controller ? later(() => controller.abort(), POLL_TIMEOUT_MS) : null;
    try {
      const headers = { Accept: 'application/json' };
      if (etag) headers['If-None-Match'] = etag;
      if (getToken) {
        const token = await getToken();
        if (token) headers.Authorization = `Bearer ${token}`;
      }
      const response = await doFetch(urls.poll, {
        method: 'GET', headers, cache: 'no-store', credentials: 'omit', mode: 'cors',
        signal: controller ? controller.signal : undefined,
      });
      if (response.status === 304) {
        ok = true;
      } else if (response.ok) {
        snapshot = await response.json();
        const tag = response.headers && response.headers.get ? response.headers.get('ETag') : null;
        if (tag) etag = tag;
        ok = true;
      }
    } catch (_) {
      ok = false;
    } finally {
      if (timeout !== null) cancel(timeout);
    }
    if (!current()) return;
    pollOk = ok;
    if (snapshot) safe(() => onSnapshot(snapshot, 'poll'));
    emit();
    pollTimer = later(() => poll(generation), pollDelay(random));
  }

  return {
    connection,
    start() {
      stopped = false;
      emit();
      start();
    },
    /** Try the hub now (e.g. the browser says it is online again). */
    nudge() {
      if (stopped || hubUp || starting) return;
      if (startTimer !== null) {
        cancel(startTimer);
        startTimer = null;
      }
      if (connection.state === 'Disconnected') start();
    },
    stop() {
      stopped = true;
      stopPolling();
      if (startTimer !== null) cancel(startTimer);
      startTimer = null;
      hubUp = false;
      return Promise.resolve(connection.stop()).catch(() => {});
    },
    get status() {
      return feedStatus(hubUp, pollOk);
    },
  };
}

function safe(f) {
  try {
    f();
  } catch (_) {
    /* a widget failure never reaches the host page */
  }
}
