// Following changes over /hubs/notices: the server only says which notices were saved; a view
// reads what it shows again through the API, so what an officer may see is decided in one place.
// The SignalR client is the widget's, built as an ES module (wwwroot/widget/signalr.js); if it
// cannot load or connect, onLive is never called with true and the view keeps polling.

// Growing, jittered delays: a restarted server is not hit by every console at the same moment.
const retryDelay = (r) => Math.min(30000, 1000 * 2 ** Math.min(r.previousRetryCount, 5)) * (0.5 + Math.random() / 2);

/**
 * Wraps a view's read so only one runs at a time: a call while it runs (a signal, a timer) asks for
 * one more run after it, however many calls came. Returns the wrapped function; it resolves when
 * the reads it asked for are done.
 */
export function oneAtATime(read) {
  let running = null;
  let again = false;
  return function run() {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await read();
        } while (again);
      } finally {
        running = null;
      }
    })();
    return running;
  };
}

/**
 * Connects with `query` ({ incident } or { queue: 'approval' }); calls onChanged(message) for each
 * signal and onLive(up) whenever the connection comes up or goes down. Returns { stop }.
 */
export function followNotices(query, ctx, { onChanged, onLive }) {
  let hub = null;
  let stopped = false;
  (async () => {
    const signalr = await import('../../widget/signalr.js').catch(() => null);
    if (!signalr || stopped) return;
    hub = new signalr.HubConnectionBuilder()
      .withUrl(`/hubs/notices?${new URLSearchParams(query)}`, {
        accessTokenFactory: () => (ctx.session ? ctx.session.accessToken : ''),
      })
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: retryDelay })
      .configureLogging(signalr.LogLevel.None)
      .build();
    hub.on('noticeChanged', (message) => {
      if (!stopped) onChanged(message);
    });
    const down = () => {
      if (!stopped) onLive(false);
    };
    hub.onreconnecting(down);
    hub.onclose(down);
    hub.onreconnected(() => {
      if (!stopped) onLive(true);
    });
    try {
      await hub.start();
    } catch (_) {
      return; // refused or unreachable: the view's polling goes on
    }
    if (stopped) hub.stop().catch(() => {});
    else onLive(true);
  })();
  return {
    stop() {
      stopped = true;
      if (hub) hub.stop().catch(() => {});
    },
  };
}
