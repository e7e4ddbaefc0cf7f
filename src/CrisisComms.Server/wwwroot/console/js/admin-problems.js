// Problems on the administration pages: the server's answer in the console's language, next to
// the field it names, and a summary at the top of a form whose links move focus to each field.

import { h, focusOn } from './dom.js';
import { t, lang, serverMessage } from './i18n.js';
import { problemText } from './errors.js';

// The account and audit rules' messages an admin meets, in Swedish (the server speaks English).
const SV = [
  [/^An admin cannot change their own roles; ask another admin\.$/, 'En administratör kan inte ändra sina egna roller; be en annan administratör.'],
  [/^An admin cannot disable their own account; ask another admin\.$/, 'En administratör kan inte stänga av sitt eget konto; be en annan administratör.'],
  [/^At least (\d+) characters \(at most (\d+)\)\.$/, 'Minst $1 tecken (högst $2).'],
  [/^Say why\.$/, 'Ange ett skäl.'],
  [/^1 to 64 characters: lowercase letters a-z, digits and \. _ - @, starting with a letter or digit\.$/,
    '1–64 tecken: små bokstäver a–z, siffror och . _ - @, och första tecknet en bokstav eller siffra.'],
  [/^One or more of (.+)\.$/, 'En eller flera av $1.'],
  [/^At most (\d+) characters, no control characters\.$/, 'Högst $1 tecken, inga kontrolltecken.'],
  [/^Someone else changed the account at the same moment; reload and try again\.$/, 'Någon annan ändrade kontot samtidigt; läs om sidan och försök igen.'],
  [/^'(\w+)' must be a time such as .*$/, 'Ange en tid som 2026-12-03 14:00.'],
  [/^'before' must be .*$/, 'Måste vara löpnumret på en post: ett heltal från 1.'],
];

export function say(text) {
  if (lang() !== 'sv' || !text) return serverMessage(text);
  for (const [pattern, sv] of SV) if (pattern.test(text)) return text.replace(pattern, sv);
  return serverMessage(text);
}

export const fieldMessage = (messages) => (messages || []).map(say).join(' ');

/** What to say about a refused account change: the rule the server gave, in the console's language. */
export function accountProblem(error) {
  if (error && error.status === 409) return `${t('accounts.conflict')} ${say(error.detail || error.title)}`.trim();
  if (error && error.status === 404) return t('accounts.notFound');
  return problemText(error);
}

/**
 * The summary above a form: one link per field problem (to the control `ids[key]`), and a problem
 * that names no field (key '') as plain text. Null when there is none.
 */
export function problemSummary(id, errors, ids, names) {
  const keys = Object.keys(errors || {});
  if (!keys.length) return null;
  return h('div', { class: 'error-summary', id, tabindex: '-1', role: 'group', 'aria-labelledby': `${id}-title` },
    h('h2', { id: `${id}-title` }, t('errors.title')),
    h('ul', null, keys.map((key) => {
      const text = key ? `${names[key] || key}: ${fieldMessage(errors[key])}` : errors[key].join(' ');
      if (!ids[key]) return h('li', null, text);
      return h('li', null, h('a', { href: `#${ids[key]}`, onclick: (e) => { e.preventDefault(); focusOn(document.getElementById(ids[key])); } }, text));
    })));
}

/** The message under a field, with the id its control's aria-describedby names. */
export function errorUnder(errorId, messages) {
  return messages ? h('p', { class: 'field-error', id: errorId }, h('span', { class: 'vh' }, `${t('errors.prefix')} `), fieldMessage(messages)) : null;
}
