// Administration: the organisation's name, the compose form's default sender, the languages it
// offers (sv first) and the crisis page templates link under. The server checks every value.

import { h, fill, focusOn } from '../dom.js';
import { t } from '../i18n.js';
import { api } from '../api.js';
import { problemText } from '../errors.js';
import { textField, summary, controlId } from './fields.js';

const FIELDS = ['name', 'defaultSender', 'languages', 'crisisPage'];

/** languages[2] is shown at the one languages control. */
const fieldOf = (key) => key.replace(/\[\d+\]$/, '');

export async function showOrganisationAdmin(view, ctx) {
  const stored = await api.organisation();
  const form = {
    name: stored.name, defaultSender: stored.defaultSender, languages: stored.languages.join(', '), crisisPage: stored.crisisPage || '',
    errors: {}, general: null, status: '',
  };
  draw(view, ctx, form);
}

function request(form) {
  return {
    name: form.name, defaultSender: form.defaultSender,
    languages: form.languages.split(/[\s,]+/).filter(Boolean), crisisPage: form.crisisPage.trim() || null,
  };
}

function draw(view, ctx, form) {
  const errorsAt = (field) => Object.fromEntries(Object.entries(form.errors).filter(([k]) => fieldOf(k) === field));
  const box = summary(form.errors, form.general, (key) => t(`adminOrg.${fieldOf(key)}`), (key) => (FIELDS.includes(fieldOf(key)) ? controlId(fieldOf(key)) : null));
  const fields = FIELDS.map((field) => textField({
    key: field,
    label: t(`adminOrg.${field}`),
    hint: t(`adminOrg.${field}Hint`),
    value: form[field],
    errors: errorsAt(field),
    errorKeys: Object.keys(errorsAt(field)).filter((k) => k !== field),
    required: field !== 'crisisPage',
    oninput: (value) => {
      form[field] = value;
    },
  }));
  const save = async () => {
    form.status = t('adminOrg.saving');
    try {
      const saved = await api.saveOrganisation(request(form));
      Object.assign(form, { languages: saved.languages.join(', '), errors: {}, general: null, status: t('adminOrg.saved') });
      draw(view, ctx, form);
      focusOn(document.getElementById('admin-status'));
    } catch (error) {
      Object.assign(form, { errors: error.status === 400 ? error.errors : {}, general: error.status === 400 ? null : problemText(error), status: '' });
      draw(view, ctx, form);
      focusOn(document.getElementById('error-summary'));
    }
  };
  fill(view,
    h('h1', { id: 'view-title' }, t('adminOrg.title')),
    h('p', { class: 'lede' }, t('adminOrg.intro')),
    box,
    h('form', { id: 'organisation-form', novalidate: true, 'aria-labelledby': 'view-title', onsubmit: (e) => { e.preventDefault(); save(); } },
      fields,
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'save-organisation' }, t('adminOrg.save'))),
      h('p', { id: 'admin-status', class: 'status', role: 'status', tabindex: '-1' }, form.status)));
}
