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

export async function showNotices(main) {
  const notices = await api.notices();
  fill(main,
    h('h1', { id: 'view-title' }, t('notices.title')),
    h('p', { class: 'lede' }, t('notices.intro')),
    notices.length ? h('table', { class: 'list' },
      h('caption', { class: 'vh' }, t('notices.title')),
      h('thead', null, h('tr', null,
        ['field.headline', 'notices.version', 'notices.state', 'field.severity', 'notice.createdAt'].map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', null, notices.map((n) => h('tr', { 'data-notice-id': n.id },
        h('td', null, vmaTag(n), n.source === 'vma' ? ' ' : null, h('a', { href: `#/notice/${n.id}`, lang: 'sv' }, headlineOf(n))),
        h('td', null, `${t(`kind.${n.kind}`)} v${n.version}`),
        h('td', null, t(`state.${n.state}`), n.mode !== 'actual' ? ` (${t(`mode.${n.mode}`)})` : ''),
        h('td', null, t(`severity.${n.severity}`)),
        h('td', null, time(n.createdAt))))))
      : h('p', null, t('notices.empty')));
}
