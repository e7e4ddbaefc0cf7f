// The approval queue: notices waiting for a second officer. Each card offers what the server lists
// in the notice's `actions` (the two-person rule is the server's: a contributor sees no approve
// button, a director who contributed may break glass with a reason). Every decision is sent with
// If-Match; if the notice changed meanwhile, the queue says so and shows it afresh.
// It stays current by itself (/hubs/notices): a notice sent for approval appears, and one that
// another approver handled is marked so, without taking away what this officer was typing.

import { h, fill, focusOn, idPart } from './dom.js';
import { t, serverMessage } from './i18n.js';
import { api, may, changedUnder } from './api.js';
import { problemText } from './errors.js';
import { noticeTags, headlineOf } from './notices.js';
import { followNotices, oneAtATime } from './live.js';
import { showReview, confirmApproval } from './review.js';

const POLL_MS = 15000; // only while the hub cannot be reached

export async function showQueue(main, ctx) {
  let stopped = false;
  let follower = null;
  let poll = null;
  const stop = () => {
    stopped = true;
    clearInterval(poll);
    if (follower) follower.stop();
  };
  ctx.onLeave(stop);
  const pending = await api.notices({ state: 'pendingApproval' });
  const status = h('p', { class: 'status', role: 'status', id: 'queue-status' }, ctx.flash || '');
  ctx.flash = '';
  const list = h('ul', { class: 'cards', id: 'queue-list' });
  const empty = h('p', { id: 'queue-empty' }, t('queue.empty'));
  const shown = new Map(); // notice id -> its list item
  const reload = async () => {
    stop();
    await showQueue(main, ctx);
  };
  const add = (n) => {
    const item = h('li', null, card(n, ctx, reload));
    shown.set(n.id, item);
    list.append(item);
  };
  const sync = () => {
    list.hidden = shown.size === 0;
    empty.hidden = [...shown.values()].some((item) => !item.dataset.handled);
  };
  pending.forEach(add);
  fill(main, h('h1', { id: 'view-title' }, t('queue.title')), h('p', { class: 'lede' }, t('queue.intro')), status, list, empty);
  sync();
  if (stopped) return;

  const latest = new Map(); // notice id -> its state as last signalled
  const refresh = oneAtATime(async () => {
    if (stopped) return;
    const now = await api.notices({ state: 'pendingApproval' }).catch(() => null);
    if (!now || stopped) return;
    const waiting = new Set(now.map((n) => n.id));
    const arrived = now.filter((n) => !shown.has(n.id));
    arrived.forEach(add);
    for (const [id, item] of shown) if (!waiting.has(id) && !item.dataset.handled) markHandled(item, latest.get(id));
    sync();
    if (arrived.length) ctx.announce(t('queue.arrived', { n: arrived.length }));
  });
  // Polls until the hub is up, and again whenever it is down.
  const polling = (on) => {
    clearInterval(poll);
    poll = on && !stopped ? setInterval(refresh, POLL_MS) : null;
  };
  polling(true);
  follower = followNotices({ queue: 'approval' }, ctx, {
    onChanged: (message) => {
      for (const n of message.notices || []) latest.set(n.id, n.state);
      if ((message.notices || []).some((n) => n.state === 'pendingApproval' || shown.has(n.id))) refresh();
    },
    onLive: (up) => {
      polling(!up);
      refresh(); // whatever arrived while connecting or away
    },
  });
}

/** Another approver (or the author) took it out of the queue: say so, and let nothing more be sent for it. */
function markHandled(item, state) {
  item.dataset.handled = 'true';
  const article = item.querySelector('article');
  const hadFocus = item.contains(document.activeElement);
  for (const control of item.querySelectorAll('button, textarea')) control.disabled = true;
  const note = h('p', { class: 'note handled', tabindex: '-1' },
    state ? t('queue.handled', { state: t(`state.${state}`) }) : t('queue.handledUnknown'));
  article.insertBefore(note, article.children[1] || null);
  if (hadFocus) focusOn(note);
}

function reasonField(id, label, hint) {
  const error = h('p', { class: 'field-error', id: `${id}-error`, hidden: true });
  const input = h('textarea', { id, rows: 2, 'aria-required': 'true', 'aria-describedby': `${id}-hint ${id}-error` });
  const show = (message) => {
    error.hidden = !message;
    error.textContent = message || '';
    if (message) {
      input.setAttribute('aria-invalid', 'true');
      input.focus();
    } else input.removeAttribute('aria-invalid');
  };
  const node = h('div', { class: 'field' },
    h('label', { for: id }, label, h('span', { class: 'req' }, ` ${t('compose.required')}`)),
    h('p', { class: 'hint', id: `${id}-hint` }, hint), error, input);
  return { node, input, show };
}

function card(n, ctx, reload) {
  const key = idPart(n.id);
  const own = (n.contributors || [n.createdBy]).includes(ctx.session.sub);
  const message = h('p', { class: 'field-error', id: `q-${key}-error`, role: 'alert', hidden: true });
  const fail = async (error, field) => {
    if (changedUnder(error)) {
      ctx.flash = problemText(error);
      await reload();
      focusOn(document.getElementById('queue-status'));
    } else if (error.status === 400 && error.errors && error.errors.reason && field) field.show(error.errors.reason.map(serverMessage).join(' '));
    else {
      message.hidden = false;
      message.textContent = problemText(error);
    }
  };
  const approved = (notice) => {
    ctx.announce(t('queue.approved'));
    window.location.hash = `#/notice/${notice.id}`;
  };

  let approveArea = null;
  const ownNote = own ? h('p', { class: 'note', id: `q-${key}-own` }, t('queue.ownNotice')) : null;
  if (may(n, 'approveBreakGlass')) {
    const reason = reasonField(`q-${key}-breakglass`, t('queue.breakGlassReason'), t('queue.breakGlassHint'));
    approveArea = h('div', { class: 'two-person' },
      ownNote,
      h('p', null, t('queue.directorMay')),
      reason.node,
      h('button', {
        type: 'button', class: 'danger',
        onclick: async () => {
          if (!reason.input.value.trim()) return reason.show(t('confirm.reasonRequired'));
          reason.show(null);
          if (!(await confirmApproval(n))) return;
          try {
            approved(await api.approve(n, true, reason.input.value.trim()));
          } catch (error) {
            await fail(error, reason);
          }
        },
      }, t('queue.breakGlass')));
  } else if (may(n, 'approve')) {
    approveArea = h('div', { class: 'two-person' },
      h('button', {
        type: 'button', class: 'primary',
        onclick: async () => {
          if (!(await confirmApproval(n))) return;
          try {
            approved(await api.approve(n));
          } catch (error) {
            await fail(error);
          }
        },
      }, t('queue.approve')));
  } else approveArea = h('div', { class: 'two-person' }, ownNote);

  const reject = reasonField(`q-${key}-reject`, t('queue.rejectReason'), t('queue.rejectHint'));
  const rejectButton = h('button', {
    type: 'button', class: 'secondary',
    onclick: async () => {
      if (!reject.input.value.trim()) return reject.show(t('confirm.reasonRequired'));
      reject.show(null);
      try {
        await api.reject(n, reject.input.value.trim());
        ctx.flash = t('queue.rejected', { headline: headlineOf(n) });
        await reload();
        focusOn(document.getElementById('queue-status'));
      } catch (error) {
        await fail(error, reject);
      }
    },
  }, t('queue.reject'));

  const review = h('div', { class: 'review' });
  showReview(review, n);
  return h('article', { class: 'card', 'aria-labelledby': `q-${key}-title`, 'data-notice-id': n.id },
    h('h2', { id: `q-${key}-title`, lang: 'sv' }, headlineOf(n)),
    noticeTags(n),
    review,
    h('p', null, h('a', { href: `#/notice/${n.id}` }, t('queue.details'))),
    message,
    approveArea,
    may(n, 'reject') ? h('div', { class: 'reject' }, reject.node, rejectButton) : null);
}
