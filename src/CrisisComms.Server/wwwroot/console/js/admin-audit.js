// Administration: the audit log. Search by incident, notice, who did it and time (typed in Swedish
// time), newest first a page at a time with "older" to read further back, and the same search as a
// CSV file (GET /api/v1/audit.csv) for a spreadsheet.

import { h, fill, focusOn } from './dom.js';
import { t, swedishDateTime, fromSwedishDateTime } from './i18n.js';
import { call, ApiError } from './api.js';
import { load, can } from './session.js';
import { problemText } from './errors.js';
import { actionLabel, detailOf } from './timeline.js';
import { problemSummary, errorUnder } from './admin-problems.js';

const PAGE = 100;
const FIELDS = ['incidentId', 'noticeId', 'actor', 'from', 'to'];
const IDS = Object.fromEntries(FIELDS.map((f) => [f, `q-${f}`]));

// What was typed last, so a language switch (which draws the page again) keeps the search.
let typed = Object.fromEntries(FIELDS.map((f) => [f, '']));

/** The API's query for what was typed: the times as instants, or field errors. */
function queryOf(values) {
  const query = {};
  const errors = {};
  for (const f of ['incidentId', 'noticeId', 'actor']) if (values[f].trim()) query[f] = values[f].trim();
  for (const f of ['from', 'to']) {
    if (!values[f].trim()) continue;
    const at = fromSwedishDateTime(values[f]);
    if (at) query[f] = at;
    else errors[f] = [t('audit.timeFormat')];
  }
  return { query, errors };
}

const search = (query, before) => call('GET', `/api/v1/audit?${new URLSearchParams({ ...query, limit: PAGE, ...(before ? { before } : {}) })}`);

/** The CSV with the bearer token (a plain link could not carry it), saved under the server's file name. */
async function download(query) {
  const session = load();
  let response;
  try {
    response = await fetch(`/api/v1/audit.csv?${new URLSearchParams(query)}`, {
      headers: { Accept: 'text/csv', Authorization: `Bearer ${session ? session.accessToken : ''}` }, cache: 'no-store' });
  } catch (_) {
    throw new ApiError(0, null);
  }
  if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => null));
  const name = /filename=([^;]+)/.exec(response.headers.get('Content-Disposition') || '');
  const url = URL.createObjectURL(await response.blob());
  const link = h('a', { href: url, download: name ? name[1].replace(/"/g, '') : 'audit.csv', hidden: true });
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export async function showAdminAudit(view, ctx) {
  const m = { values: { ...typed }, errors: {}, problem: '', query: null, entries: [], more: false };
  const canOpenNotice = can.compose(ctx.session);

  async function run(values) {
    typed = { ...values };
    m.values = values;
    const { query, errors } = queryOf(values);
    m.errors = errors;
    m.problem = '';
    if (Object.keys(errors).length) {
      draw();
      return focusOn(document.getElementById('audit-summary'));
    }
    try {
      const entries = await search(query);
      Object.assign(m, { query, entries, more: entries.length === PAGE });
      draw();
      ctx.announce(entries.length ? t('audit.found', { n: entries.length }) : t('audit.none'));
    } catch (error) {
      if (error.status === 400 && Object.keys(error.errors).length) m.errors = error.errors;
      else m.problem = problemText(error);
      draw();
      focusOn(document.getElementById(m.problem ? 'audit-problem' : 'audit-summary'));
    }
  }

  async function older() {
    try {
      const entries = await search(m.query, m.entries[m.entries.length - 1].seq);
      const first = m.entries.length;
      m.entries = m.entries.concat(entries);
      m.more = entries.length === PAGE;
      draw();
      ctx.announce(t('audit.olderFound', { n: entries.length, total: m.entries.length }));
      focusOn(view.querySelectorAll('#audit-entries tbody tr')[first] || document.getElementById('audit-results-title'));
    } catch (error) {
      m.problem = problemText(error);
      draw();
      focusOn(document.getElementById('audit-problem'));
    }
  }

  async function exportCsv() {
    const { query, errors } = queryOf(m.values = readForm());
    if (Object.keys(errors).length) {
      m.errors = errors;
      draw();
      return focusOn(document.getElementById('audit-summary'));
    }
    try {
      await download(query);
      ctx.announce(t('audit.exported'));
    } catch (error) {
      if (error.status === 400 && Object.keys(error.errors).length) m.errors = error.errors;
      else m.problem = problemText(error);
      draw();
      focusOn(document.getElementById(m.problem ? 'audit-problem' : 'audit-summary'));
    }
  }

  const readForm = () => Object.fromEntries(FIELDS.map((f) => [f, document.getElementById(IDS[f]).value]));

  function field(f, { time = false } = {}) {
    const hint = `${IDS[f]}-hint`;
    const described = [hint, m.errors[f] ? `${IDS[f]}-error` : null].filter(Boolean).join(' ');
    return h('div', { class: 'field' },
      h('label', { for: IDS[f] }, t(`audit.field.${f}`)),
      h('p', { class: 'hint', id: hint }, t(`audit.field.${f}.hint`)),
      errorUnder(`${IDS[f]}-error`, m.errors[f]),
      h('input', { id: IDS[f], name: f, value: m.values[f], autocomplete: 'off', spellcheck: 'false',
        inputmode: time ? 'numeric' : null, placeholder: time ? t('compose.dateTimePlaceholder') : null,
        'aria-describedby': described, 'aria-invalid': m.errors[f] ? 'true' : null }));
  }

  function draw() {
    const names = Object.fromEntries(FIELDS.map((f) => [f, t(`audit.field.${f}`)]));
    fill(view,
      h('h1', { id: 'view-title' }, t('admin.audit')),
      h('p', { class: 'lede' }, t('audit.intro')),
      h('form', { class: 'audit-search', role: 'search', 'aria-label': t('audit.searchLabel'), novalidate: true,
        onsubmit: (e) => { e.preventDefault(); run(readForm()); } },
      problemSummary('audit-summary', m.errors, IDS, names),
      h('div', { class: 'audit-fields' },
        field('incidentId'), field('noticeId'), field('actor'), field('from', { time: true }), field('to', { time: true })),
      h('div', { class: 'actions' },
        h('button', { type: 'submit', class: 'primary', id: 'audit-search' }, t('audit.search')),
        h('button', { type: 'button', class: 'secondary', id: 'audit-export', onclick: exportCsv }, t('audit.export')))),
      h('div', { id: 'audit-problem', tabindex: '-1', class: m.problem ? 'error-summary' : null, role: 'alert' }, m.problem ? h('p', null, m.problem) : null),
      h('section', { 'aria-labelledby': 'audit-results-title' },
        h('h2', { id: 'audit-results-title', tabindex: '-1' }, t('audit.results', { n: m.entries.length })),
        h('p', { class: 'hint' }, t('audit.newestFirst')),
        m.entries.length ? table(m.entries, canOpenNotice) : h('p', null, t('audit.none')),
        m.more ? h('div', { class: 'actions' }, h('button', { type: 'button', class: 'secondary', id: 'audit-older', onclick: older }, t('audit.older'))) : null));
  }

  await run(m.values);
}

function table(entries, canOpenNotice) {
  return h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-labelledby': 'audit-results-title' },
    h('table', { class: 'list audit', id: 'audit-entries' },
      h('caption', { class: 'vh' }, t('admin.audit')),
      h('thead', null, h('tr', null, ['audit.at', 'audit.actor', 'audit.action', 'audit.field.noticeId', 'audit.field.incidentId', 'audit.why']
        .map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', null, entries.map((e) => h('tr', { 'data-seq': e.seq, tabindex: '-1' },
        h('td', { class: 'at-cell' }, h('time', { datetime: e.at }, swedishDateTime(e.at, { seconds: true }))),
        h('td', null, e.actorName && e.actorName !== e.actor ? [e.actorName, h('span', { class: 'account-name' }, ` (${e.actor})`)] : e.actor),
        h('td', { 'data-action': e.action }, actionLabel(e.action)),
        h('td', { class: 'id-cell' }, e.noticeId ? (canOpenNotice ? h('a', { href: `#/notice/${encodeURIComponent(e.noticeId)}` }, e.noticeId) : e.noticeId) : ''),
        h('td', { class: 'id-cell' }, e.incidentId || ''),
        h('td', null, [e.reason, detailOf(e)].filter(Boolean).join(' \u2014 ')))))));
}
