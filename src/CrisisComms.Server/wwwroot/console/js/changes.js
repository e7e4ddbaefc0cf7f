// For an update or all-clear: what changed since the version the public sees now. Each changed
// field is named in words ("Brödtext (Svenska): ändrad"), with the old text and the new side by
// side; removed words are <del>, added ones <ins>, each also announced in words, not colour only.

import { h } from './dom.js';
import { t, time, languageName, swedishDateTime } from './i18n.js';
import { textLang, FIXED } from './content-tabs.js';
import { noticeChanges, wordDiff, sideOf } from './diff.js';

/** sv, lätt svenska and English first, then the others in the order the notices give them. */
export function languagesOf(...notices) {
  const all = [...new Set(notices.flatMap((n) => Object.keys((n && n.content) || {})))];
  return [...FIXED.filter((tag) => all.includes(tag)), ...all.filter((tag) => !FIXED.includes(tag))];
}

/** A setting's value as the officer reads it: "Kris", "X, Mastodon", "14 maj 2026 12:00", "ingen". */
export function settingText(name, value, notice) {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && !value.length)) return t('notice.none');
  switch (name) {
    case 'severity': return t(`severity.${value}`);
    case 'audience': return t(`audience.${value}`);
    case 'mode': return t(`mode.${value}`);
    case 'expiresAt': return swedishDateTime(value);
    case 'channels': return value.map((c) => t(`channel.${c}`)).join(', ');
    case 'link': return notice && notice.linkIsExternal ? `${value} (${t('notice.external')})` : String(value);
    default: return String(value);
  }
}

/** One side of a text: the words the other side lacks marked, with the mark said in words too. */
function side(parts, keep, tag, lang) {
  const [open, close] = keep === 'removed' ? ['changes.removedStart', 'changes.removedEnd'] : ['changes.addedStart', 'changes.addedEnd'];
  return h('p', { class: 'change-text', lang, dir: 'auto' }, sideOf(parts, keep).map((p) => (p.marked
    ? h(tag, null, h('span', { class: 'vh' }, t(open)), p.text, h('span', { class: 'vh' }, t(close)))
    : p.text)));
}

function sides(before, after, lang, version) {
  const parts = wordDiff(before, after);
  return h('div', { class: 'change-sides' },
    h('div', { class: 'change-old' },
      h('p', { class: 'change-label' }, t('changes.before', { version })),
      before ? side(parts, 'removed', 'del', lang) : h('p', { class: 'hint' }, t('changes.empty'))),
    h('div', { class: 'change-new' },
      h('p', { class: 'change-label' }, t('changes.after')),
      after ? side(parts, 'added', 'ins', lang) : h('p', { class: 'hint' }, t('changes.empty'))));
}

function item(key, label, change, body) {
  return h('li', { class: 'change', 'data-field': key, 'data-change': change },
    h('p', { class: 'change-name' }, h('strong', null, label), ` \u2014 ${t(`changes.${change}`)}`),
    body);
}

/** The section for `notice` against `live` (the incident's live version), under a heading of `level`. */
export function changesSection(live, notice, level) {
  const found = noticeChanges(live, notice, languagesOf(live, notice));
  const version = live.version;
  const names = [
    ...found.settings.map((s) => t(`field.${s.name}`)),
    ...found.languages.flatMap((l) => l.fields.map((f) => `${t(`field.${f.name}`)} (${languageName(l.tag)})`)),
  ];
  const items = [
    ...found.settings.map((s) => item(s.name, t(`field.${s.name}`), 'changed', h('p', { class: 'change-setting' },
      h('del', null, h('span', { class: 'vh' }, t('changes.was')), settingText(s.name, s.before, live)),
      ' \u2192 ',
      h('ins', null, h('span', { class: 'vh' }, t('changes.now')), settingText(s.name, s.after, notice))))),
    ...found.languages.flatMap((l) => [
      l.change !== 'changed' ? item(`content.${l.tag}`, languageName(l.tag), l.change === 'added' ? 'languageAdded' : 'languageRemoved', null) : null,
      ...l.fields.map((f) => item(`content.${l.tag}.${f.name}`, `${t(`field.${f.name}`)} (${languageName(l.tag)})`,
        !f.before ? 'added' : !f.after ? 'removed' : 'changed', sides(f.before, f.after, textLang(l.tag), version))),
    ]),
  ];
  return h('div', { class: 'changes', 'data-since': version },
    h(`h${level}`, null, t('changes.title', { version })),
    h('p', { class: 'changes-summary' }, found.count
      ? t('changes.summary', { n: found.count, fields: names.join(', ') })
      : t('changes.none', { version })),
    found.count ? h('ul', { class: 'change-list' }, items) : null);
}
