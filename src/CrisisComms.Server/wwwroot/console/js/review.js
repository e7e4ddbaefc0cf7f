// What an approver reads before approving: every setting, every language's text in full, every
// channel's preview, and for an update or all-clear what changed since the version published
// before it. And the one question approval asks, naming where the notice will go.

import { h, fill } from './dom.js';
import { t, time, languageName, swedishDateTime } from './i18n.js';
import { api } from './api.js';
import { confirmAction } from './confirm.js';
import { problemText } from './errors.js';
import { channelPreviews } from './preview.js';
import { textLang, FIXED } from './content-tabs.js';
import { TEXT_FIELDS } from './diff.js';
import { changesSection, settingText, languagesOf } from './changes.js';

const heading = (level, props, ...children) => h(`h${Math.min(level, 6)}`, props, ...children);

function fact(label, ...value) {
  return [h('dt', null, label), h('dd', null, ...value)];
}

/** "anna (skapade), bosse (ändrade)": the server's contributors when it sends them, else the author. */
function contributors(n) {
  if (!Array.isArray(n.contributors) || !n.contributors.length) return `${n.createdBy}, ${time(n.createdAt)}`;
  return n.contributors.map((c) => {
    if (typeof c === 'string') return c;
    const who = c.subject || c.name || c.sub || '';
    const what = [].concat(c.actions || c.action || c.roles || c.role || []).map((a) => {
      const label = t(`contributor.${a}`);
      return label === `contributor.${a}` ? a : label;
    });
    return what.length ? `${who} (${what.join(', ')})` : who;
  }).join(', ');
}

function settings(n, level) {
  const setting = (name) => fact(t(`field.${name}`), settingText(name, n[name], n));
  return [
    heading(level, null, t('review.settings')),
    h('dl', { class: 'facts review-facts' },
      fact(t('review.version'), `${t(`kind.${n.kind}`)}, ${t('review.versionNumber', { version: n.version })}`),
      setting('severity'), setting('audience'), setting('mode'), setting('sender'), setting('link'),
      fact(t('field.expiresAt'), n.expiresAt ? h('time', { datetime: n.expiresAt }, swedishDateTime(n.expiresAt)) : t('review.noExpiry')),
      setting('channels'),
      n.category ? setting('category') : null,
      fact(t('review.contributors'), contributors(n))),
  ];
}

function texts(n, level) {
  return [
    heading(level, null, t('review.texts')),
    languagesOf(n).map((tag) => {
      const c = n.content[tag] || {};
      const lang = textLang(tag);
      // Headings, not landmarks: a queue of several notices would otherwise list a region per language.
      return h('div', { class: 'review-language', 'data-lang': tag },
        heading(level + 1, { lang: FIXED.includes(tag) ? lang : null }, languageName(tag)),
        h('dl', { class: 'facts' }, TEXT_FIELDS.map((f) => fact(t(`field.${f}`),
          c[f] ? h('span', { class: `review-${f}`, lang, dir: 'auto' }, c[f]) : h('span', { class: 'hint' }, t('review.missing'))))));
    }),
  ];
}

function previews(n, level) {
  const model = { ...n, saved: n, dirty: false };
  return [
    heading(level, null, t('review.previews')),
    h('p', { class: 'hint' }, t('preview.language', { name: languageName('sv') })),
    channelPreviews(model, 'sv', level + 1),
  ];
}

/** The version an update is measured against: the live one, else the newest earlier one that was approved. */
async function earlierVersion(n) {
  if (n.kind === 'alert') return null;
  const versions = await api.notices({ incidentId: n.incidentId });
  const earlier = versions.filter((v) => v.id !== n.id && v.version < n.version && v.approvedAt).sort((a, b) => b.version - a.version);
  return earlier.find((v) => v.state === 'live') || earlier[0] || null;
}

async function changes(n, level) {
  if (n.kind === 'alert') return null;
  const before = await earlierVersion(n);
  if (!before) return h('p', { class: 'hint' }, t('changes.nothingBefore'));
  return changesSection(before, n, level);
}

/**
 * Draws the whole notice into `box` (headings from `level` down). Drawn again only when the
 * notice changed, so a view that re-renders often does not reload it each time.
 */
export async function showReview(box, notice, level = 3) {
  const key = `${notice.id} ${notice.updatedAt} ${notice.state}`;
  if (box.dataset.shown === key) return;
  box.dataset.shown = key;
  try {
    const n = Array.isArray(notice.previews) ? notice : await api.notice(notice.id);
    const diff = await changes(n, level);
    if (box.dataset.shown !== key) return;
    fill(box, diff, settings(n, level), texts(n, level), previews(n, level));
  } catch (error) {
    delete box.dataset.shown;
    fill(box, h('p', { class: 'field-error' }, t('review.failed', { problem: problemText(error) })));
  }
}

/** Where approving sends the notice, in order: what the confirmation names. */
export function reach(n) {
  const channels = (n.channels || []).map((c) => t(`channel.${c}`)).join(', ');
  const everyone = n.audience === 'everyone';
  if (n.mode !== 'actual') {
    return {
      steps: [t('approve.exerciseIntranet', { mode: t(`mode.${n.mode}`) }), everyone ? t('approve.exercisePublic', { mode: t(`mode.${n.mode}`) }) : null],
      note: t('approve.exerciseNote'),
    };
  }
  if (!everyone) return { steps: [t('approve.intranet')], note: t('approve.staffOnly') };
  return {
    steps: [t('approve.intranet'), t('approve.public'), channels ? t('approve.social', { channels }) : null],
    note: channels ? null : t('approve.noSocial'),
  };
}

/** The one question before approving; resolves true when the officer confirms. */
export async function confirmApproval(n) {
  const { steps, note } = reach(n);
  const ok = await confirmAction({
    title: t('approve.title'),
    text: [
      t('approve.intro', { headline: (n.content && n.content.sv && n.content.sv.headline) || n.id }),
      h('ol', { class: 'reach' }, steps.filter(Boolean).map((s) => h('li', null, s))),
      note,
      n.kind !== 'alert' ? t('approve.followUp') : null,
    ],
    confirm: t('approve.confirm'),
  });
  return Boolean(ok);
}
