// Administration: the crisis templates the compose form offers. A list with edit and remove, and
// one form per template: its name, severity, CAP category, crisis page, and per language the text
// it fills in and the all-clear wording it starts from. The server checks every value.

import { h, fill, focusOn } from '../dom.js';
import { t, lang, languageName } from '../i18n.js';
import { api } from '../api.js';
import { problemText } from '../errors.js';
import { confirmAction } from '../confirm.js';
import { templateName } from '../templates.js';
import { textLang } from '../content-tabs.js';
import { textField, summary, controlId } from './fields.js';

// CAP 1.2's info/category values, spelled as CAP (and the API) spell them.
const CATEGORIES = ['Geo', 'Met', 'Safety', 'Security', 'Rescue', 'Fire', 'Health', 'Env', 'Transport', 'Infra', 'CBRNE', 'Other'];
const SEVERITIES = ['critical', 'warning', 'info'];
const TEXTS = [{ name: 'headline', multiline: false }, { name: 'lead', multiline: true }, { name: 'body', multiline: true }, { name: 'instruction', multiline: true }];
const NAMES = ['sv', 'en'];

/** #/admin-templates, #/admin-templates/new, #/admin-templates/edit/{id} */
export async function showTemplatesAdmin(view, ctx, [action, id]) {
  if (action === 'new' || action === 'edit') {
    const [organisation, template] = await Promise.all([api.organisation(), action === 'edit' ? api.templates().then((all) => all.find((x) => x.id === id)) : null]);
    if (action === 'edit' && !template) throw Object.assign(new Error('not found'), { status: 404 });
    return drawForm(view, ctx, formOf(organisation, template));
  }
  return drawList(view, ctx, await api.templates());
}

function drawList(view, ctx, templates) {
  const remove = async (tpl) => {
    const yes = await confirmAction({
      title: t('adminTpl.removeTitle', { name: templateName(tpl, lang()) }),
      text: t('adminTpl.removeText'),
      confirm: t('adminTpl.remove'),
      danger: true,
    });
    if (!yes) return;
    try {
      await api.deleteTemplate(tpl.id);
      ctx.announce(t('adminTpl.removed', { name: templateName(tpl, lang()) }));
      drawList(view, ctx, await api.templates());
      focusOn(document.getElementById('view-title'));
    } catch (error) {
      ctx.announce(problemText(error));
    }
  };
  fill(view,
    h('h1', { id: 'view-title' }, t('adminTpl.title')),
    h('p', { class: 'lede' }, t('adminTpl.intro')),
    h('p', null, h('a', { href: '#/admin-templates/new', id: 'new-template' }, t('adminTpl.new'))),
    templates.length ? h('table', { class: 'list', id: 'template-list' },
      h('caption', { class: 'vh' }, t('adminTpl.title')),
      h('thead', null, h('tr', null, ['name', 'severity', 'category', 'actions'].map((c) => h('th', { scope: 'col' }, t(`adminTpl.col.${c}`))))),
      h('tbody', null, templates.map((tpl) => h('tr', null,
        h('th', { scope: 'row' }, templateName(tpl, lang())),
        h('td', null, t(`severity.${tpl.severity}`)),
        h('td', null, t(`adminTpl.category.${tpl.category}`)),
        h('td', null,
          h('a', { href: `#/admin-templates/edit/${encodeURIComponent(tpl.id)}` }, t('adminTpl.edit'), h('span', { class: 'vh' }, ` ${templateName(tpl, lang())}`)),
          ' ',
          h('button', { type: 'button', class: 'link-button', onclick: () => remove(tpl) }, t('adminTpl.remove'),
            h('span', { class: 'vh' }, ` ${templateName(tpl, lang())}`))))))) : h('p', null, t('adminTpl.none')));
}

/** The form's state: every language the organisation offers and every one the template has. */
function formOf(organisation, template) {
  const tpl = template || { id: '', name: {}, severity: 'warning', category: 'Safety', slug: '', content: {}, allClear: {} };
  const languages = [...new Set([...organisation.languages, ...Object.keys(tpl.content), ...Object.keys(tpl.allClear || {})])];
  const copy = (texts) => Object.fromEntries(languages.map((tag) => [tag, { ...((texts || {})[tag] || {}) }]));
  return {
    isNew: !template, id: tpl.id, name: { ...tpl.name }, severity: tpl.severity, category: tpl.category, slug: tpl.slug || '',
    languages, content: copy(tpl.content), allClear: copy(tpl.allClear), errors: {}, general: null,
  };
}

/** Languages nobody wrote in are left out; empty texts are null. */
function request(form) {
  const texts = (all) => {
    const out = {};
    for (const tag of form.languages) {
      const c = all[tag] || {};
      const text = Object.fromEntries(TEXTS.map((f) => [f.name, (c[f.name] || '').trim() || null]));
      if (Object.values(text).some(Boolean)) out[tag] = text;
    }
    return out;
  };
  return {
    id: form.id.trim(), severity: form.severity, category: form.category, slug: form.slug.trim() || null,
    name: Object.fromEntries(NAMES.map((tag) => [tag, (form.name[tag] || '').trim()]).filter(([, v]) => v)),
    content: texts(form.content), allClear: texts(form.allClear),
  };
}

function labelOf(key) {
  const text = /^(content|allClear)\.([^.]+)(?:\.(\w+))?$/.exec(key);
  if (text) return `${t(text[1] === 'content' ? 'adminTpl.content' : 'adminTpl.allClear')}, ${languageName(text[2])}${text[3] ? `, ${t(`field.${text[3]}`)}` : ''}`;
  const name = /^name\.(.+)$/.exec(key);
  if (name) return `${t('adminTpl.name')} (${languageName(name[1])})`;
  return t(`adminTpl.${key}`) === `adminTpl.${key}` ? key : t(`adminTpl.${key}`);
}

/** content.en (no field) is shown at its headline. */
function idOf(key) {
  if (/^(content|allClear)\.[^.]+$/.test(key)) return controlId(`${key}.headline`);
  if (['id', 'severity', 'category', 'slug'].includes(key) || /^(name|content|allClear)\./.test(key)) return controlId(key);
  return null;
}

function select(key, values, form, label) {
  const id = controlId(key);
  const errors = form.errors[key];
  return h('div', { class: 'field' },
    h('label', { for: id }, t(`adminTpl.${key}`)),
    errors ? h('p', { class: 'field-error', id: `${id}-error` }, errors.join(' ')) : null,
    h('select', { id, name: key, 'aria-invalid': errors ? 'true' : null, 'aria-describedby': errors ? `${id}-error` : null,
      onchange: (e) => { form[key] = e.target.value; } },
    values.map((v) => h('option', { value: v, selected: v === form[key] }, label(v)))));
}

function texts(form, part, tag) {
  return h('fieldset', { class: 'template-texts' },
    h('legend', null, t(part === 'content' ? 'adminTpl.content' : 'adminTpl.allClear')),
    TEXTS.map((f) => textField({
      key: `${part}.${tag}.${f.name}`,
      label: t(`field.${f.name}`),
      value: form[part][tag][f.name],
      errors: form.errors,
      errorKeys: f.name === 'headline' ? [`${part}.${tag}`] : [],
      required: tag === 'sv' && part === 'content' && (f.name === 'headline' || f.name === 'lead'),
      multiline: f.multiline,
      lang: textLang(tag),
      oninput: (value) => { form[part][tag][f.name] = value; },
    })));
}

function drawForm(view, ctx, form) {
  const title = form.isNew ? t('adminTpl.newTitle') : t('adminTpl.editTitle', { name: templateName(form, lang()) });
  const save = async () => {
    try {
      const body = request(form);
      const saved = form.isNew ? await api.createTemplate(body) : await api.saveTemplate(form.id, body);
      ctx.announce(t('adminTpl.saved', { name: templateName(saved, lang()) }));
      window.location.hash = '#/admin-templates';
    } catch (error) {
      Object.assign(form, { errors: error.status === 400 ? error.errors : {}, general: error.status === 400 ? null : problemText(error) });
      drawForm(view, ctx, form);
      focusOn(document.getElementById('error-summary'));
    }
  };
  fill(view,
    h('h1', { id: 'view-title' }, title),
    h('p', null, h('a', { href: '#/admin-templates' }, t('adminTpl.back'))),
    summary(form.errors, form.general, labelOf, idOf),
    h('form', { id: 'template-form', novalidate: true, 'aria-labelledby': 'view-title', onsubmit: (e) => { e.preventDefault(); save(); } },
      form.isNew ? textField({ key: 'id', label: t('adminTpl.id'), hint: t('adminTpl.idHint'), value: form.id, errors: form.errors, required: true,
        oninput: (v) => { form.id = v; } }) : null,
      NAMES.map((tag) => textField({ key: `name.${tag}`, label: `${t('adminTpl.name')} (${languageName(tag)})`, value: form.name[tag], errors: form.errors,
        required: tag === 'sv', lang: tag, oninput: (v) => { form.name[tag] = v; } })),
      select('severity', SEVERITIES, form, (v) => t(`severity.${v}`)),
      select('category', CATEGORIES, form, (v) => t(`adminTpl.category.${v}`)),
      textField({ key: 'slug', label: t('adminTpl.slug'), hint: t('adminTpl.slugHint'), value: form.slug, errors: form.errors, oninput: (v) => { form.slug = v; } }),
      form.languages.map((tag) => h('section', { class: 'template-language', 'aria-labelledby': `lang-${controlId(tag)}` },
        h('h2', { id: `lang-${controlId(tag)}` }, h('span', { lang: textLang(tag) }, languageName(tag))),
        texts(form, 'content', tag),
        texts(form, 'allClear', tag))),
      h('div', { class: 'actions' },
        h('button', { type: 'submit', class: 'primary', id: 'save-template' }, t('adminTpl.save')),
        h('a', { href: '#/admin-templates' }, t('action.cancel')))));
}
