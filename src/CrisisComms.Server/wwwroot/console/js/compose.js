// Compose: a new alert, an update or the all-clear of a live incident, or a draft edited again.
// The form is drawn from one model, so a switch of the console's language keeps what was typed.

import { h, fill, focusOn } from './dom.js';
import { t, languageName, time, swedishDateTime, fromSwedishDateTime } from './i18n.js';
import { api, changedUnder, newIdempotencyKey } from './api.js';
import { loadTemplates, templateName, suggestedLink, contentOf, allClearOf } from './templates.js';
import { contentTabs, activateTab } from './content-tabs.js';
import { renderPreview } from './preview.js';
import { errorSummary, fieldErrors, describe, problemText, tabOf } from './errors.js';

const CHANNELS = ['x', 'mastodon', 'facebook'];
const SENDER_KEY = 'crisiscomms-console-sender';
let model = null;
// The organisation's settings and templates, read from the API each time the form opens.
let stored = { organisation: { defaultSender: '', languages: ['sv'], crisisPage: '', siteDomain: '' }, templates: [] };

function blank() {
  const { organisation } = stored;
  const languages = [...organisation.languages];
  return {
    id: null, kind: 'alert', sourceId: null, version: 1, severity: 'warning', audience: 'everyone', mode: 'actual',
    category: 'Safety', sender: localStorage.getItem(SENDER_KEY) || organisation.defaultSender, link: '', expiresAt: '', channels: [],
    languages, offered: [...languages], content: Object.fromEntries(languages.map((tag) => [tag, {}])), active: 'sv', siteDomain: organisation.siteDomain,
    saved: null, dirty: false, errors: {}, general: null, status: '', template: '',
  };
}

/** From a notice the API returned: for editing it again, or as the start of its update or all-clear. */
function fromNotice(notice, kind) {
  const m = blank();
  Object.assign(m, {
    kind, severity: notice.severity, audience: notice.audience, mode: notice.mode, category: notice.category || 'Safety', sender: notice.sender,
    link: notice.link || '', channels: [...(notice.channels || [])], content: JSON.parse(JSON.stringify(notice.content || {})),
    expiresAt: notice.expiresAt ? swedishDateTime(notice.expiresAt) : '',
  });
  m.languages = [...m.offered, ...Object.keys(m.content).filter((k) => !m.offered.includes(k))];
  for (const tag of m.languages) m.content[tag] = m.content[tag] || {};
  return m;
}

/**
 * An all-clear starts from the all-clear wording of its crisis type, not from the alert's text.
 * A language the wording lacks keeps the live text, and is flagged until it is rewritten.
 */
function startAllClear(m, source) {
  m.severity = 'info';
  m.expiresAt = ''; // it ends by closing, not by an expiry
  for (const [tag, c] of Object.entries(allClearOf(source, stored.templates))) {
    if (!m.languages.includes(tag)) m.languages.push(tag);
    m.content[tag] = { headline: '', lead: '', body: '', instruction: '', ...c };
  }
}

const TEXT_FIELDS = ['headline', 'lead', 'body', 'instruction'];
const textOf = (c) => TEXT_FIELDS.map((f) => ((c && c[f]) || '').trim()).join('\u0000');

/** The languages of a follow-up whose text is word for word the live version's. */
function unchangedLanguages(m) {
  if (m.kind !== 'allClear' || !m.source) return [];
  const live = m.source.content || {};
  return m.languages.filter((tag) => live[tag] && textOf(m.content[tag]).replace(/\u0000/g, '') && textOf(m.content[tag]) === textOf(live[tag]));
}

function renderUnchanged(box, m) {
  const tags = unchangedLanguages(m);
  fill(box, tags.length ? [
    h('p', null, h('strong', null, t('compose.unchangedTitle'))),
    h('ul', null, tags.map((tag) => h('li', null, languageName(tag)))),
  ] : null);
  box.hidden = !tags.length;
}

/** The request body: empty optional texts left out, languages nobody wrote in left out. */
function request(m) {
  const content = {};
  for (const tag of m.languages) {
    const c = m.content[tag] || {};
    const text = Object.fromEntries(['headline', 'lead', 'body', 'instruction'].map((f) => [f, (c[f] || '').trim() || null]));
    if (tag === 'sv' || Object.values(text).some(Boolean)) content[tag] = text;
  }
  return {
    severity: m.severity, audience: m.audience, mode: m.mode, category: m.category, sender: m.sender.trim(), link: m.link.trim() || null,
    // Typed in Swedish time whatever the computer's zone; the API takes the instant.
    expiresAt: m.expiresAt.trim() ? fromSwedishDateTime(m.expiresAt) : null,
    channels: m.audience === 'staff' ? [] : m.channels, content,
  };
}

/** Entry from the router: #/compose, #/compose/new, #/compose/edit/{id}, #/compose/update/{id}, #/compose/all-clear/{id}. */
export async function showCompose(main, ctx, [action, id]) {
  stored = await loadTemplates();
  if (action === 'new' || !model) model = blank();
  // #/compose/new starts afresh once; afterwards the address is plain #/compose, so redrawing (a
  // language switch) keeps what was typed.
  if (action === 'new') window.history.replaceState(null, '', '#/compose');
  if (action === 'edit' && model.id !== id) {
    const notice = await api.notice(id);
    model = Object.assign(fromNotice(notice, notice.kind), { id, saved: notice, version: notice.version });
  }
  if ((action === 'update' || action === 'all-clear') && model.sourceId !== id) {
    const source = await api.notice(id);
    model = fromNotice(source, action === 'update' ? 'update' : 'allClear');
    model.sourceId = id;
    model.source = source; // the version shown: the follow-up is sent with its If-Match
    model.version = source.version + 1;
    if (model.kind === 'allClear') startAllClear(model, source);
  }
  // The social channels that are on, with their health, read afresh each time: a channel whose
  // token was revoked since the last look must not look fine.
  ctx.channels = await api.channels().catch(() => ctx.channels);
  draw(main, ctx);
}

function draw(main, ctx) {
  const m = model;
  const previewBox = h('aside', { class: 'preview', 'aria-labelledby': 'preview-title' });
  const unchangedBox = h('div', { class: 'note unchanged', id: 'unchanged-languages', hidden: true });
  const refresh = () => {
    renderPreview(previewBox, m);
    renderUnchanged(unchangedBox, m);
  };
  const set = (key, value) => {
    m[key] = value;
    m.dirty = true;
    refresh();
  };
  const redraw = (focusId) => {
    draw(main, ctx);
    if (focusId) focusOn(document.getElementById(focusId));
  };
  const summary = errorSummary(m.errors, m.general, {
    languageName,
    onJump: (key, id) => {
      const tag = tabOf(key);
      if (tag) {
        m.active = tag;
        activateTab(tag, false);
        refresh();
      }
      const el = document.getElementById(id);
      const target = el && (el.matches('input,textarea,select,button') ? el : el.querySelector('input:not([disabled]),textarea,select,button'));
      focusOn(target || el);
    },
  });
  const title = { alert: t('compose.titleAlert'), update: t('compose.titleUpdate', { version: m.version }), allClear: t('compose.titleAllClear') }[m.kind];

  const form = h('form', { id: 'compose-form', novalidate: true, 'aria-labelledby': 'view-title', onsubmit: (e) => e.preventDefault() },
    templatePicker(m, redraw),
    radios('severity', ['critical', 'warning', 'info'], m, set),
    radios('audience', ['everyone', 'staff'], m, (k, v) => {
      set(k, v);
      redraw();
    }),
    radios('mode', ['actual', 'exercise', 'test'], m, set),
    text('sender', m, set, { autocomplete: 'organization' }),
    text('link', m, set, { type: 'url', inputmode: 'url', placeholder: stored.organisation.crisisPage || null }),
    // Not datetime-local: that shows the browser's own format and reads the computer's zone.
    text('expiresAt', m, set, { inputmode: 'numeric', autocomplete: 'off', placeholder: t('compose.dateTimePlaceholder') }),
    channels(m, ctx.channels, set),
    contentTabs(m, {
      input: (tag, f, value) => {
        m.content[tag][f] = value;
        m.dirty = true;
        refresh();
      },
      select: (tag, focus) => {
        m.active = tag;
        activateTab(tag, focus);
        refresh();
      },
      add: (tag) => {
        m.languages.push(tag);
        m.content[tag] = {};
        m.dirty = true;
        m.active = tag;
        redraw(`f-c-${tag.replace(/[^A-Za-z0-9_-]/g, '-')}-headline`);
      },
      remove: (tag) => {
        m.languages = m.languages.filter((x) => x !== tag);
        delete m.content[tag];
        m.dirty = true;
        m.active = 'sv';
        redraw('tab-sv');
      },
    }),
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'secondary', id: 'save-draft', onclick: () => save(main, ctx, false) }, t('compose.save')),
      h('button', { type: 'button', class: 'primary', id: 'submit-notice', onclick: () => save(main, ctx, true) }, t('compose.submit'))),
    h('p', { id: 'compose-status', class: 'status', role: 'status' }, m.status));

  fill(main,
    h('h1', { id: 'view-title' }, title),
    h('p', { class: 'lede' }, t({ alert: 'compose.introAlert', update: 'compose.introFollowUp', allClear: 'compose.introAllClear' }[m.kind])),
    m.id ? h('p', null, h('a', { href: `#/notice/${m.id}` }, t('compose.openSaved'))) : null,
    // On a phone the preview is below the whole form: one tap brings it (a button, since the
    // address's fragment is the console's route).
    h('p', { class: 'to-preview' }, h('button', { type: 'button', class: 'secondary', id: 'to-preview', onclick: () => {
      previewBox.scrollIntoView({ block: 'start' });
      focusOn(document.getElementById('preview-title'));
    } }, t('compose.toPreview'))),
    summary,
    unchangedBox,
    h('div', { class: 'compose-grid' }, form, previewBox));
  refresh();
  return summary;
}

function templatePicker(m, redraw) {
  const select = h('select', { id: 'f-template', 'aria-describedby': 'f-template-hint' },
    h('option', { value: '' }, t('compose.chooseTemplate')),
    stored.templates.map((tpl) => h('option', { value: tpl.id, selected: tpl.id === m.template }, templateName(tpl, document.documentElement.lang))));
  const apply = () => {
    const tpl = stored.templates.find((x) => x.id === select.value);
    if (!tpl) return;
    m.template = tpl.id;
    m.severity = tpl.severity;
    m.category = tpl.category;
    for (const [tag, c] of Object.entries(contentOf(tpl.content))) {
      if (!m.languages.includes(tag)) m.languages.push(tag);
      m.content[tag] = { headline: '', lead: '', body: '', instruction: '', ...c };
    }
    if (!m.link) m.link = suggestedLink(stored.organisation, tpl);
    m.errors = {};
    m.general = null;
    m.dirty = true;
    m.status = t('compose.templateApplied', { name: templateName(tpl, document.documentElement.lang) });
    redraw('f-c-sv-headline');
  };
  return h('div', { class: 'field template' },
    h('label', { for: 'f-template' }, t('compose.template')),
    h('p', { class: 'hint', id: 'f-template-hint' }, t('compose.templateHint')),
    h('div', { class: 'inline' }, select, h('button', { type: 'button', class: 'secondary', id: 'apply-template', onclick: apply }, t('compose.applyTemplate'))));
}

function radios(name, values, m, set) {
  return h('fieldset', { id: `f-${name}`, class: 'radios', ...describe(m.errors, [name], null) },
    h('legend', null, t(`field.${name}`)),
    fieldErrors(m.errors, [name]),
    values.map((v) => h('div', { class: 'choice' },
      h('input', { type: 'radio', name, id: `f-${name}-${v}`, value: v, checked: m[name] === v, onchange: () => set(name, v) }),
      h('label', { for: `f-${name}-${v}` }, t(`${name}.${v}`)))));
}

function text(name, m, set, attrs) {
  const hint = t(`hint.${name}`);
  const hintId = hint !== `hint.${name}` ? `f-${name}-hint` : null;
  const input = h('input', { id: `f-${name}`, name, type: 'text', ...attrs, ...describe(m.errors, [name], hintId),
    'aria-required': name === 'sender' ? 'true' : null, oninput: (e) => set(name, e.target.value) });
  input.value = m[name];
  return h('div', { class: 'field' },
    h('label', { for: `f-${name}` }, t(`field.${name}`), h('span', { class: 'req' }, ` ${t(name === 'sender' ? 'compose.required' : 'compose.optional')}`)),
    hintId ? h('p', { class: 'hint', id: hintId }, hint) : null,
    fieldErrors(m.errors, [name]),
    input);
}

function channels(m, on, set) {
  const keys = Object.keys(m.errors).filter((k) => k.startsWith('channels'));
  const staff = m.audience === 'staff';
  return h('fieldset', { id: 'f-channels', class: 'checks', ...describe(m.errors, keys, 'f-channels-hint') },
    h('legend', null, t('field.channels')),
    h('p', { class: 'hint', id: 'f-channels-hint' }, staff ? t('hint.channelsStaff') : t('hint.channels')),
    fieldErrors(m.errors, keys),
    CHANNELS.map((c) => {
      const channel = on.find((x) => x.name === c);
      // A channel that failed in a way only a person can fix (revoked token, policy block) is
      // still offered, but with the reason beside it: the post would most likely fail again.
      const broken = channel && !channel.healthy;
      // Not approved (yet, or suspended): still offered, since it may be approved before the post falls due.
      const held = channel && channel.state && channel.state !== 'approved';
      const described = [broken ? `f-channel-${c}-problem` : null, held ? `f-channel-${c}-held` : null].filter(Boolean).join(' ');
      return h('div', { class: 'choice' },
        h('input', {
          type: 'checkbox', id: `f-channel-${c}`, value: c, checked: m.channels.includes(c), disabled: staff || !channel,
          'aria-describedby': described || null,
          onchange: (e) => set('channels', e.target.checked ? [...new Set([...m.channels, c])] : m.channels.filter((x) => x !== c)),
        }),
        h('label', { for: `f-channel-${c}` }, t(`channel.${c}`), channel ? '' : ` (${t('channel.off')})`),
        broken ? h('p', { class: 'field-error', id: `f-channel-${c}-problem` },
          t('channel.unhealthy', { error: channel.lastError || '' })) : null,
        held ? h('p', { class: 'hint', id: `f-channel-${c}-held` }, t('channel.notApproved')) : null);
    }));
}

async function save(main, ctx, andSubmit) {
  const m = model;
  const body = request(m);
  const refused = {};
  if (m.expiresAt.trim() && !body.expiresAt) refused.expiresAt = [t('compose.dateTimeFormat')];
  // An all-clear that still says what the alert said is not sent: each such language is named.
  if (andSubmit) for (const tag of unchangedLanguages(m)) refused[`content.${tag}`] = [t('compose.unchanged')];
  if (Object.keys(refused).length) {
    m.errors = refused;
    m.general = null;
    const firstTab = Object.keys(refused).map(tabOf).find(Boolean);
    if (firstTab) m.active = firstTab;
    focusOn(draw(main, ctx));
    return;
  }
  m.status = t('compose.saving');
  document.getElementById('compose-status').textContent = m.status;
  try {
    const editable = m.saved && (m.saved.state === 'draft' || m.saved.state === 'rejected');
    if (m.id && !editable) throw Object.assign(new Error('not editable'), { status: 409, detail: t('compose.notEditable') });
    let notice;
    if (m.id && editable && !m.dirty) notice = m.saved; // nothing changed: no "edited" in the audit trail
    else if (m.id && editable) notice = await api.edit(m.saved, body);
    else if (m.kind !== 'alert' && m.sourceId && !m.id) notice = await api.followUp(m.source || m.sourceId, m.kind, body, keyFor(m, body));
    else notice = await api.create(body, keyFor(m, body));
    Object.assign(m, { id: notice.id, saved: notice, dirty: false, errors: {}, general: null, pending: null });
    localStorage.setItem(SENDER_KEY, body.sender);
    if (andSubmit) {
      await api.submit(notice);
      model = null;
      ctx.announce(t('compose.submitted'));
      window.location.hash = `#/notice/${notice.id}`;
      return;
    }
    m.status = t('compose.saved', { time: time(notice.updatedAt) });
    draw(main, ctx);
    focusOn(document.getElementById('compose-status'));
  } catch (error) {
    // Changed by someone else since it was opened (412): what was typed stays; the next save is
    // made on the version read now, so it is a decision taken after being told.
    if (changedUnder(error) && m.id) m.saved = await api.notice(m.id).catch(() => m.saved);
    if (changedUnder(error) && m.source) m.source = await api.notice(m.source.id).catch(() => m.source);
    m.errors = error.status === 400 ? error.errors : {};
    m.general = error.status === 400 ? null : problemText(error);
    m.status = '';
    const firstTab = Object.keys(m.errors).map(tabOf).find(Boolean);
    if (firstTab && !Object.keys(m.errors).some((k) => tabOf(k) === m.active)) m.active = firstTab;
    const summary = draw(main, ctx);
    focusOn(summary);
  }
}

// The Idempotency-Key of a create or follow-up: the same while the body sent is the same (a
// retry after a lost answer or an error), a new one once the officer changed what is sent.
function keyFor(m, body) {
  const sent = JSON.stringify(body);
  if (!m.pending || m.pending.sent !== sent) m.pending = { sent, key: newIdempotencyKey() };
  return m.pending.key;
}
