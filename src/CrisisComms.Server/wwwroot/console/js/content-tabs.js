// Content per language in tabs (the WAI-ARIA tabs pattern: arrow keys move between tabs, Tab
// goes into the panel). sv is required; sv-x-easy and en are offered; any BCP 47 tag can be added.

import { h, idPart } from './dom.js';
import { t, languageName } from './i18n.js';
import { fieldErrors, describe } from './errors.js';
import { directionOf } from '../../widget/labels.js';

export const FIXED = ['sv', 'sv-x-easy', 'en'];
const FIELDS = [
  { name: 'headline', multiline: false, required: true },
  { name: 'lead', multiline: true, required: true },
  { name: 'body', multiline: true, required: false },
  { name: 'instruction', multiline: true, required: false },
];
// The shape the server accepts: language[-Script][-REGION](-variant)*(-x-private)*.
const TAG = /^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?(-([a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*(-x(-[a-z0-9]{1,8})+)?$/i;

/** The lang attribute for text in a content language (lätt svenska is Swedish). */
export function textLang(tag) {
  return tag.toLowerCase().startsWith('sv-x-') ? 'sv' : tag;
}

/** Shows one tab's panel and hides the others, without rebuilding the form. */
export function activateTab(tag, focusTab) {
  for (const tab of document.querySelectorAll('#f-content [role="tab"]')) {
    const on = tab.dataset.tag === tag;
    tab.setAttribute('aria-selected', String(on));
    tab.tabIndex = on ? 0 : -1;
    if (on && focusTab) tab.focus();
  }
  for (const panel of document.querySelectorAll('#f-content [role="tabpanel"]')) panel.hidden = panel.dataset.tag !== tag;
}

function onTabKey(event, tags, select) {
  const i = tags.indexOf(event.currentTarget.dataset.tag);
  const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tags.length - 1 }[event.key];
  if (next === undefined) return;
  event.preventDefault();
  select(tags[(next + tags.length) % tags.length], true);
}

function field(state, tag, f, onInput) {
  const id = `f-c-${idPart(tag)}-${f.name}`;
  const key = `content.${tag}.${f.name}`;
  const keys = f.name === 'headline' ? [key, `content.${tag}`] : [key];
  const hintId = `${id}-hint`;
  const required = f.required && tag === 'sv';
  const attrs = {
    id, name: key, lang: textLang(tag), dir: directionOf(tag), 'aria-required': required ? 'true' : null,
    ...describe(state.errors, keys, f.name === 'headline' ? hintId : null),
    oninput: (e) => onInput(tag, f.name, e.target.value),
  };
  const control = f.multiline
    ? h('textarea', { ...attrs, rows: f.name === 'body' ? 4 : 2 })
    : h('input', { ...attrs, type: 'text', autocomplete: 'off' });
  control.value = (state.content[tag] && state.content[tag][f.name]) || '';
  return h('div', { class: 'field' },
    h('label', { for: id }, t(`field.${f.name}`), required || !f.required ? h('span', { class: 'req' }, ` ${t(required ? 'compose.required' : 'compose.optional')}`) : null),
    f.name === 'headline' ? h('p', { class: 'hint', id: hintId }, t('compose.headlineHint')) : null,
    fieldErrors(state.errors, keys),
    control);
}

/**
 * The tabs, their panels and the add-language row; the languages the organisation offers
 * (`state.offered`) cannot be removed. `on` has input(tag, field, value),
 * select(tag, focus), add(tag) → error text or null, remove(tag).
 */
export function contentTabs(state, on) {
  const tags = state.languages;
  const tablist = h('div', { role: 'tablist', 'aria-labelledby': 'content-title', class: 'tabs' },
    tags.map((tag) => {
      const bad = Object.keys(state.errors).some((k) => k === `content.${tag}` || k.startsWith(`content.${tag}.`));
      return h('button', {
        type: 'button', role: 'tab', id: `tab-${idPart(tag)}`, 'data-tag': tag,
        'aria-controls': `panel-${idPart(tag)}`, 'aria-selected': String(tag === state.active), tabindex: tag === state.active ? '0' : '-1',
        class: bad ? 'has-error' : null,
        onclick: () => on.select(tag, false),
        onkeydown: (e) => onTabKey(e, tags, on.select),
      }, h('span', { lang: FIXED.includes(tag) ? textLang(tag) : null }, languageName(tag)), bad ? h('span', { class: 'tab-error' }, ` (${t('errors.short')})`) : null);
    }));

  const panels = tags.map((tag) => h('div', {
    role: 'tabpanel', id: `panel-${idPart(tag)}`, 'data-tag': tag, 'aria-labelledby': `tab-${idPart(tag)}`, hidden: tag !== state.active,
  },
  tag === 'sv' ? h('p', { class: 'hint' }, t('compose.svRequired')) : h('p', { class: 'hint' }, t('compose.otherOptional')),
  FIELDS.map((f) => field(state, tag, f, on.input)),
  (state.offered || FIXED).includes(tag) ? null : h('button', { type: 'button', class: 'link-button', onclick: () => on.remove(tag) },
    t('compose.removeLanguage', { name: languageName(tag) }))));

  const addError = h('p', { class: 'field-error', id: 'f-newlang-error', hidden: true });
  const input = h('input', { id: 'f-newlang', type: 'text', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': 'f-newlang-hint f-newlang-error', size: 12 });
  const add = () => {
    const tag = input.value.trim();
    const problem = !TAG.test(tag) ? t('compose.badTag') : tags.some((x) => x.toLowerCase() === tag.toLowerCase()) ? t('compose.tagExists') : null;
    addError.hidden = !problem;
    addError.textContent = problem || '';
    input.setAttribute('aria-invalid', problem ? 'true' : 'false');
    if (problem) input.focus();
    else on.add(tag);
  };
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      add();
    }
  });
  return h('fieldset', { class: 'content', id: 'f-content' },
    h('legend', { id: 'content-title' }, t('compose.content')),
    fieldErrors(state.errors, ['content']),
    tablist,
    panels,
    h('div', { class: 'add-language' },
      h('label', { for: 'f-newlang' }, t('compose.addLanguage')),
      h('p', { class: 'hint', id: 'f-newlang-hint' }, t('compose.addLanguageHint')),
      addError,
      h('div', { class: 'inline' }, input, h('button', { type: 'button', class: 'secondary', onclick: add }, t('compose.add')))));
}
