// Problems from the API next to the fields they name. The keys are the request's field paths
// (content.sv.headline, channels[0], expiresAt); each maps to the control that fixes it.

import { h, idPart } from './dom.js';
import { t, serverMessage } from './i18n.js';

/** The id of the element (a control or the group holding it) to show and focus for an error key. */
export function targetId(key) {
  const content = /^content\.([^.]+)(?:\.(headline|lead|body|instruction))?$/.exec(key);
  if (content) return `f-c-${idPart(content[1])}-${content[2] || 'headline'}`;
  if (key === 'content') return 'f-content';
  if (/^channels(\[\d+\])?$/.test(key)) return 'f-channels';
  if (['severity', 'audience', 'mode', 'sender', 'link', 'expiresAt'].includes(key)) return `f-${key}`;
  if (key === 'reason') return 'f-reason';
  return null;
}

/** The language tag an error key belongs to, so its tab can be opened first. */
export function tabOf(key) {
  const m = /^content\.([^.]+)/.exec(key);
  return m ? m[1] : null;
}

/** A readable name for a field path, in the console's language: "Rubrik (Lätt svenska)". */
export function fieldName(key, languageName) {
  const content = /^content\.([^.]+)(?:\.(headline|lead|body|instruction))?$/.exec(key);
  if (content) return `${t(`field.${content[2] || 'language'}`)} (${languageName(content[1])})`;
  const base = key.replace(/\[\d+\]$/, '');
  const name = t(`field.${base}`);
  return name === `field.${base}` ? key : name;
}

export function errorId(key) {
  return `err-${idPart(key)}`;
}

/** The message under a field, or null; several keys (channels, channels[1]) may share one field. */
export function fieldErrors(errors, keys) {
  const found = keys.filter((k) => errors[k]);
  if (!found.length) return null;
  return found.map((k) => h('p', { class: 'field-error', id: errorId(k) },
    h('span', { class: 'vh' }, `${t('errors.prefix')} `),
    errors[k].map(serverMessage).join(' ')));
}

/** aria-invalid and aria-describedby for a control with the given hint id and error keys. */
export function describe(errors, keys, hintId) {
  const ids = [hintId, ...keys.filter((k) => errors[k]).map(errorId)].filter(Boolean);
  return { 'aria-describedby': ids.length ? ids.join(' ') : null, 'aria-invalid': keys.some((k) => errors[k]) ? 'true' : null };
}

/**
 * The error summary at the top of a form: a heading, then one link per problem that moves focus
 * to the field (opening its tab first). `general` is a problem that names no field.
 */
export function errorSummary(errors, general, { languageName, onJump }) {
  const keys = Object.keys(errors || {});
  if (!keys.length && !general) return null;
  const items = keys.map((key) => {
    const text = `${fieldName(key, languageName)}: ${errors[key].map(serverMessage).join(' ')}`;
    const id = targetId(key);
    if (!id) return h('li', null, text);
    return h('li', null, h('a', {
      href: `#${id}`,
      onclick: (e) => {
        e.preventDefault();
        onJump(key, id);
      },
    }, text));
  });
  if (general) items.unshift(h('li', null, general));
  return h('div', { class: 'error-summary', id: 'error-summary', tabindex: '-1', role: 'group', 'aria-labelledby': 'error-summary-title' },
    h('h2', { id: 'error-summary-title' }, t('errors.title')),
    h('ul', null, items));
}

/** What to say about a failure that is not a 400 with fields. */
export function problemText(error) {
  if (!error || error.status === undefined) return t('errors.unexpected');
  if (error.status === 0) return t('errors.network');
  if (error.status === 403) return `${t('errors.forbidden')} ${serverMessage(error.detail || '')}`.trim();
  if (error.status === 404) return t('errors.notFound');
  if (error.status === 412) return t('errors.changed');
  if (error.status === 409) return `${t('errors.conflict')} ${serverMessage(error.detail || '')}`.trim();
  if (error.status === 503) return t('errors.unavailable');
  return `${t('errors.unexpected')} (${error.status})`;
}
