// Form parts the organisation and template pages share: a labelled text control with its hint and
// the server's errors next to it, and the error summary that links each problem to its control.

import { h, idPart, focusOn } from '../dom.js';
import { t, serverMessage } from '../i18n.js';
import { fieldErrors, describe } from '../errors.js';

/** The id of the control for a field path of the request: content.en.lead → a-content-en-lead. */
export const controlId = (key) => `a-${key.split(/[.[\]]+/).filter(Boolean).map(idPart).join('-')}`;

/**
 * A text input or textarea. options: { key (the request's field path), label, hint, value, errors,
 * required, multiline, lang, errorKeys (more paths shown here), oninput }.
 */
export function textField(o) {
  const id = controlId(o.key);
  const keys = [o.key, ...(o.errorKeys || [])];
  const hintId = o.hint ? `${id}-hint` : null;
  const attrs = {
    id, name: o.key, lang: o.lang || null, 'aria-required': o.required ? 'true' : null, ...describe(o.errors, keys, hintId),
    oninput: (e) => o.oninput(e.target.value),
  };
  const control = o.multiline ? h('textarea', { ...attrs, rows: 3 }) : h('input', { ...attrs, type: 'text', autocomplete: 'off' });
  control.value = o.value || '';
  return h('div', { class: 'field' },
    h('label', { for: id }, o.label, h('span', { class: 'req' }, ` ${t(o.required ? 'compose.required' : 'compose.optional')}`)),
    hintId ? h('p', { class: 'hint', id: hintId }, o.hint) : null,
    fieldErrors(o.errors, keys),
    control);
}

/**
 * The summary above a form: one link per field the server named (to its control, or to the
 * closest one shown), and a problem that names no field. labelOf(key) says which field it is.
 */
export function summary(errors, general, labelOf, idOf = controlId) {
  const keys = Object.keys(errors || {});
  if (!keys.length && !general) return null;
  const items = keys.map((key) => {
    const text = `${labelOf(key)}: ${errors[key].map(serverMessage).join(' ')}`;
    const id = idOf(key);
    return h('li', null, id ? h('a', {
      href: `#${id}`,
      onclick: (e) => {
        e.preventDefault();
        const el = document.getElementById(id);
        focusOn(el && (el.matches('input,textarea,select') ? el : el.querySelector('input,textarea,select')) || el);
      },
    }, text) : text);
  });
  if (general) items.unshift(h('li', null, general));
  return h('div', { class: 'error-summary', id: 'error-summary', tabindex: '-1', role: 'group', 'aria-labelledby': 'error-summary-title' },
    h('h2', { id: 'error-summary-title' }, t('errors.title')),
    h('ul', null, items));
}
