// Administration: the official social accounts. An account is posted to only once the system
// owner's delegate (an admin) has approved it formally, with the decision it rests on as the
// reason; it can be suspended again, and approved again. State and health come from the server,
// which stores them, so every node and every admin sees the same.

import { h, fill, focusOn } from '../dom.js';
import { t, time } from '../i18n.js';
import { call } from '../api.js';
import { problemText } from '../errors.js';

const enc = encodeURIComponent;
const list = () => call('GET', '/api/v1/channels');
const decide = (name, action, reason) => call('POST', `/api/v1/channels/${enc(name)}/${action}`, { reason });

export async function showAdminChannels(view, ctx) {
  const channels = await list();
  draw(view, ctx, channels, {});
}

/** problems: { [channel]: message } next to that channel's reason field. */
function draw(view, ctx, channels, problems, focusId) {
  // What was just done, to see; the console's announcer says it (a region drawn anew would not be heard).
  const status = h('p', { class: 'status', id: 'channels-status' });
  fill(view,
    h('h1', { id: 'view-title' }, t('channels.title')),
    h('p', { class: 'lede' }, t('channels.intro')),
    status,
    channels.length ? channels.map((c) => channel(view, ctx, channels, c, problems[c.name])) : h('p', null, t('channels.none')));
  if (focusId) focusOn(document.getElementById(focusId));
}

function channel(view, ctx, channels, c, problem) {
  const id = `channel-${c.name}`;
  const reasonId = `${id}-reason`;
  const reason = h('input', {
    id: reasonId, name: 'reason', maxlength: '500', required: true, 'aria-required': 'true',
    'aria-invalid': problem ? 'true' : null, 'aria-describedby': `${reasonId}-hint${problem ? ` ${reasonId}-error` : ''}`,
  });
  const act = async (action) => {
    const text = reason.value.trim();
    if (!text) return draw(view, ctx, channels, { [c.name]: t('channels.reasonMissing') }, reasonId);
    try {
      const changed = await decide(c.name, action, text);
      const next = channels.map((x) => (x.name === c.name ? changed : x));
      draw(view, ctx, next, {}, `${id}-title`);
      const done = t(action === 'approve' ? 'channels.approvedNow' : 'channels.suspendedNow', { channel: t(`channel.${c.name}`) });
      document.getElementById('channels-status').textContent = done;
      ctx.announce(done);
    } catch (err) {
      const message = err.errors && err.errors.reason ? err.errors.reason.join(' ') : problemText(err);
      draw(view, ctx, channels, { [c.name]: message }, reasonId);
    }
  };
  return h('section', { class: 'channel', id, 'data-channel': c.name, 'data-state': c.state, 'aria-labelledby': `${id}-title` },
    h('h2', { id: `${id}-title` }, t(`channel.${c.name}`)),
    h('dl', { class: 'facts' },
      h('dt', null, t('channels.state')), h('dd', { class: `state state-${c.state}` }, t(`channelState.${c.state}`)),
      c.changedBy ? [h('dt', null, t('channels.decision')), h('dd', null,
        t('channels.decidedBy', { who: c.changedBy, time: time(c.changedAt) }), ': ', c.reason)] : null,
      h('dt', null, t('channels.health')), h('dd', null, c.healthy ? t('channels.healthy') : t('channels.unhealthy')),
      c.lastError ? [h('dt', null, t('channels.lastError')), h('dd', null, `${time(c.lastErrorAt)}: ${c.lastError}`)] : null,
      h('dt', null, t('channels.lastPost')), h('dd', null, c.lastPostAt ? time(c.lastPostAt) : t('channels.noPost'))),
    // Enter in the reason field decides nothing: approving and suspending are each a button of their own.
    h('form', { class: 'channel-decision', novalidate: true, onsubmit: (e) => e.preventDefault() },
      h('div', { class: 'field' },
        h('label', { for: reasonId }, t('channels.reason'), ' ', h('span', { class: 'req' }, t('channels.required'))),
        h('p', { class: 'hint', id: `${reasonId}-hint` }, t('channels.reasonHint')),
        problem ? h('p', { class: 'field-error', id: `${reasonId}-error` }, problem) : null,
        reason),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'primary', id: `${id}-approve`, onclick: () => act('approve') },
          t(c.state === 'suspended' ? 'channels.approveAgain' : 'channels.approve', { channel: t(`channel.${c.name}`) })),
        c.state === 'approved' ? h('button', { type: 'button', class: 'danger', id: `${id}-suspend`, onclick: () => act('suspend') },
          t('channels.suspend', { channel: t(`channel.${c.name}`) })) : null)));
}
