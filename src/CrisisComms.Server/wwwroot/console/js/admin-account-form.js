// Administration: the form that adds a local account (user name, display name, roles, a first
// password). A name already in the list is caught here, since the server would take it as a change.

import { h } from './dom.js';
import { t } from './i18n.js';
import { problemSummary, errorUnder } from './admin-problems.js';

/** The roles the server knows (contract section 2), in the order they are offered. */
export const ROLES = ['author', 'approver', 'director', 'admin', 'staff'];
const IDS = { name: 'a-name', displayName: 'a-displayName', roles: 'a-roles-author', password: 'a-password' };

export function newAccountForm(state, list, create) {
  const { values, errors } = state;
  const names = { name: t('accounts.field.name'), displayName: t('accounts.field.displayName'), roles: t('accounts.roles'), password: t('accounts.field.password') };
  const described = (key, hint) => ({
    'aria-describedby': [hint, errors[key] ? `${IDS[key]}-error` : null].filter(Boolean).join(' ') || null,
    'aria-invalid': errors[key] ? 'true' : null,
  });
  const name = h('input', { id: IDS.name, autocomplete: 'off', spellcheck: 'false', autocapitalize: 'none', 'aria-required': 'true',
    value: values.name || '', ...described('name', 'a-name-hint') });
  const displayName = h('input', { id: IDS.displayName, autocomplete: 'off', value: values.displayName || '', ...described('displayName', 'a-displayName-hint') });
  const password = h('input', { id: IDS.password, type: 'password', autocomplete: 'new-password', 'aria-required': 'true', ...described('password', 'a-password-hint') });
  const boxes = ROLES.map((r) => h('input', { type: 'checkbox', id: `a-roles-${r}`, value: r, checked: (values.roles || []).includes(r) }));

  function submit(e) {
    e.preventDefault();
    const typed = { name: name.value.trim(), displayName: displayName.value.trim(), roles: boxes.filter((b) => b.checked).map((b) => b.value), password: password.value };
    if (list.some((a) => a.name === typed.name)) {
      state.values = typed;
      return create({ ...typed, exists: true });
    }
    return create(typed);
  }

  return h('section', { 'aria-labelledby': 'account-new-title' },
    h('h2', { id: 'account-new-title' }, t('accounts.newTitle')),
    h('form', { class: 'account-new', novalidate: true, onsubmit: submit },
      problemSummary('account-new-summary', errors, IDS, names),
      h('div', { class: 'field' },
        h('label', { for: IDS.name }, names.name),
        h('p', { class: 'hint', id: 'a-name-hint' }, t('accounts.nameHint')),
        errorUnder(`${IDS.name}-error`, errors.name), name),
      h('div', { class: 'field' },
        h('label', { for: IDS.displayName }, names.displayName),
        h('p', { class: 'hint', id: 'a-displayName-hint' }, t('accounts.displayNameHint')),
        errorUnder(`${IDS.displayName}-error`, errors.displayName), displayName),
      h('fieldset', { 'aria-describedby': ['a-roles-hint', errors.roles ? 'a-roles-error' : null].filter(Boolean).join(' ') },
        h('legend', null, names.roles),
        h('p', { class: 'hint', id: 'a-roles-hint' }, t('accounts.rolesHint')),
        errorUnder('a-roles-error', errors.roles),
        boxes.map((b) => h('div', { class: 'choice' }, b, h('label', { for: b.id }, t(`role.${b.value}`))))),
      h('div', { class: 'field' },
        h('label', { for: IDS.password }, names.password),
        h('p', { class: 'hint', id: 'a-password-hint' }, t('accounts.firstPasswordHint')),
        errorUnder(`${IDS.password}-error`, errors.password), password),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'account-create' }, t('accounts.create')))));
}
