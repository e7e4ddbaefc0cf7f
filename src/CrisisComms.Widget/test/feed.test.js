import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createFeed, feedStatus } from '../src/feed.js';

// A stand-in for @microsoft/signalr: records what the feed configures and lets the test drive it.
function fakeSignalR() {
  const world = { connections: [] };
  class Connection {
    constructor(url, options, reconnect) {
      Object.assign(this, { url, options, reconnect, handlers: {}, state: 'Disconnected', starts: [] });
      world.connections.push(this);
    }
    on(name, f) { this.handlers[name] = f; }
    onreconnecting(f) { this.reconnecting = f; }
    onreconnected(f) { this.reconnected = f; }
    onclose(f) { this.closed = f; }
    start() {
      return new Promise((resolve, reject) => {
        this.state = 'Connecting';
        this.starts.push({
          ok: () => { this.state = 'Connected'; resolve(); },
          fail: () => { this.state = 'Disconnected'; reject(new Error('down')); },
        });
      });
    }
    stop() { this.state = 'Disconnected'; return Promise.resolve(); }
  }
  class HubConnectionBuilder {
    withUrl(url, options) { this.url = url; this.options = options; return this; }
    withAutomaticReconnect(policy) { this.policy = policy; return this; }
    configureLogging(level) { this.level = level; return this; }
    build() { return new Connection(this.url, this.options, this.policy); }
  }
  world.signalR = { HubConnectionBuilder, LogLevel: { None: 6 } };
  return world;
}

function harness({ responses = [], getToken = null } = {}) {
  const world = fakeSignalR();
  const timers = [];
  const calls = [];
  const statuses = [];
  const snapshots = [];
  const feed = createFeed({
    signalR: world.signalR,
    urls: { hub: 'https://c.se/hubs/banners?audience=public', poll: 'https://c.se/api/v1/banners?audience=public' },
    getToken,
    onSnapshot: (s, source) => snapshots.push([s.revision, source]),
    onStatus: (s) => statuses.push(s),
    random: () => 0.5,
    setTimeout: (f, ms) => { const t = { f, ms, done: false }; timers.push(t); return t; },
    clearTimeout: (t) => { if (t) t.done = true; },
    fetch: async (url, init) => {
      calls.push({ url, headers: { ...init.headers } });
      const r = responses.shift();
      if (!r || r === 'down') throw new TypeError('Failed to fetch');
      return {
        status: r.status, ok: r.status >= 200 && r.status < 300,
        headers: { get: (n) => (n === 'ETag' ? r.etag || null : null) },
        json: async () => r.body,
      };
    },
  });
  const conn = world.connections[0];
  const flush = () => new Promise((r) => setImmediate(r));
  // Runs the pending timers whose delay matches, e.g. the 5-10 s poll timer; skips request timeouts.
  const runTimers = async (predicate) => {
    for (const t of timers.filter((x) => !x.done && predicate(x))) { t.done = true; await t.f(); }
    await flush();
  };
  return { feed, conn, timers, calls, statuses, snapshots, flush, runTimers };
}

const POLL = (t) => t.ms >= 5000 && t.ms <= 10000;
const RESTART = (t) => t.ms < 5000;

test('status words', () => {
  assert.equal(feedStatus(true, false), 'live');
  assert.equal(feedStatus(false, true), 'polling');
  assert.equal(feedStatus(false, false), 'offline');
});

test('hub reachable: live, no polling, snapshots come from the hub', async () => {
  const h = harness();
  assert.equal(h.conn.url, 'https://c.se/hubs/banners?audience=public');
  assert.equal(h.conn.options.accessTokenFactory, undefined);
  h.feed.start();
  h.conn.starts[0].ok();
  await h.flush();
  assert.equal(h.feed.status, 'live');
  assert.deepEqual(h.statuses, ['offline', 'live']);
  h.conn.handlers.banners({ revision: 3, banners: [] });
  assert.deepEqual(h.snapshots, [[3, 'hub']]);
  assert.equal(h.calls.length, 0);
});

test('automatic reconnect never gives up and is jittered', () => {
  const h = harness();
  const next = h.conn.reconnect.nextRetryDelayInMilliseconds;
  for (const n of [0, 1, 5, 50, 5000]) assert.equal(typeof next({ previousRetryCount: n }), 'number');
});

test('hub unreachable: polls with If-None-Match, restarts the hub with backoff, stops polling when back', async () => {
  const h = harness({
    responses: [
      { status: 200, etag: '"r5"', body: { revision: 5, banners: [] } },
      { status: 304 },
      'down',
    ],
  });
  h.feed.start();
  h.conn.starts[0].fail();
  await h.flush();
  assert.equal(h.calls.length, 1, 'polls at once');
  assert.equal(h.calls[0].headers['If-None-Match'], undefined);
  assert.deepEqual(h.snapshots, [[5, 'poll']]);
  assert.equal(h.feed.status, 'polling');
  assert.ok(h.timers.some((t) => !t.done && RESTART(t)), 'a restart is scheduled');

  await h.runTimers(POLL);
  assert.equal(h.calls[1].headers['If-None-Match'], '"r5"');
  assert.equal(h.feed.status, 'polling');

  await h.runTimers(POLL);
  assert.equal(h.feed.status, 'offline', 'a failed poll: offline');

  await h.runTimers(RESTART);
  assert.equal(h.conn.starts.length, 2, 'the hub is tried again');
  h.conn.starts[1].ok();
  await h.flush();
  assert.equal(h.feed.status, 'live');
  const callsBefore = h.calls.length;
  await h.runTimers(POLL);
  assert.equal(h.calls.length, callsBefore, 'no polling while live');
});

test('a lost connection polls while the client reconnects, and stops when it is back', async () => {
  const h = harness({ responses: [{ status: 304 }, { status: 304 }] });
  h.feed.start();
  h.conn.starts[0].ok();
  await h.flush();
  h.conn.reconnecting(new Error('lost'));
  await h.flush();
  assert.equal(h.calls.length, 1);
  assert.equal(h.feed.status, 'polling');
  h.conn.reconnected('id');
  assert.equal(h.feed.status, 'live');
  await h.runTimers(POLL);
  assert.equal(h.calls.length, 1);
  assert.deepEqual(h.statuses, ['offline', 'live', 'offline', 'polling', 'live']);
});

test('closed for good (reconnect bypassed): starts again by itself', async () => {
  const h = harness({ responses: [{ status: 304 }] });
  h.feed.start();
  h.conn.starts[0].ok();
  await h.flush();
  h.conn.state = 'Disconnected';
  h.conn.closed(new Error('server closed'));
  await h.flush();
  await h.runTimers(RESTART);
  assert.equal(h.conn.starts.length, 2);
});

test('intranet: the token goes to the hub and as a bearer header to the poll', async () => {
  const h = harness({ responses: [{ status: 304 }], getToken: async () => 'tok' });
  assert.equal(await h.conn.options.accessTokenFactory(), 'tok');
  h.feed.start();
  h.conn.starts[0].fail();
  await h.flush();
  assert.equal(h.calls[0].headers.Authorization, 'Bearer tok');
});
