// The list of notices, newest first, and the small pieces every view uses to show one.

import { h, fill } from './dom.js';
import { t, time } from './i18n.js';
import { api } from './api.js';

export function headlineOf(n) {
  return (n.content && n.content.sv && n.content.sv.headline) || n.id;
}

/** A VMA's mark and its sender: the state's message, not ours. */
export function vmaTag(n) {
  return n.source === 'vma' ? h('span', { class: 'tag vma' }, t('vma.label'), ` · ${t('vma.sender')} ${n.sender}`) : null;
}

/** VMA mark, severity (colour and word), kind and version, state, mode, audience. */
export function noticeTags(n) {
  return h('p', { class: 'tags' },
    vmaTag(n),
    h('span', { class: `sev sev-${n.severity}` }, t(`severity.${n.severity}`)),
    h('span', { class: 'tag' }, t(`kind.${n.kind}`), ` v${n.version}`),
    h('span', { class: `tag state state-${n.state}` }, t(`state.${n.state}`)),
    n.mode !== 'actual' ? h('span', { class: 'tag mode' }, t(`mode.${n.mode}`)) : null,
    h('span', { class: 'tag' }, t(`audience.${n.audience}`)));
}

// A page of the list; "show older" asks for the next one from the last notice shown (keyset
// paging, so notices written meanwhile neither repeat nor push one out).
const PAGE = 100;

function noticeRow(n) {
  return h('tr', { 'data-notice-id': n.id },
    h('td', null, vmaTag(n), n.source === 'vma' ? ' ' : null, h('a', { href: `#/notice/${n.id}`, lang: 'sv' }, headlineOf(n))),
    h('td', null, `${t(`kind.${n.kind}`)} v${n.version}`),
    h('td', null, t(`state.${n.state}`), n.mode !== 'actual' ? ` (${t(`mode.${n.mode}`)})` : ''),
    h('td', null, t(`severity.${n.severity}`)),
    h('td', null, time(n.createdAt)));
}

export async function showNotices(main) {
  const notices = await api.notices({ limit: PAGE });
  const body = h('tbody', null, notices.map(noticeRow));
  const older = h('button', { type: 'button', id: 'notices-older', hidden: notices.length < PAGE }, t('notices.older'));
  let last = notices.length ? notices[notices.length - 1].id : null;
  older.addEventListener('click', async () => {
    older.disabled = true;
    // On a failure the button stays, to be tried again.
    const page = await api.notices({ limit: PAGE, before: last }).catch(() => null);
    older.disabled = false;
    if (!page) return;
    body.append(...page.map(noticeRow));
    if (page.length) last = page[page.length - 1].id;
    older.hidden = page.length < PAGE;
  });
  fill(main,
    h('h1', { id: 'view-title' }, t('notices.title')),
    h('p', { class: 'lede' }, t('notices.intro')),
    notices.length ? h('table', { class: 'list' },
      h('caption', { class: 'vh' }, t('notices.title')),
      h('thead', null, h('tr', null,
        ['field.headline', 'notices.version', 'notices.state', 'field.severity', 'notice.createdAt'].map((k) => h('th', { scope: 'col' }, t(k))))),
      body)
      : h('p', null, t('notices.empty')),
    older);
}
