// The organisation's settings and its crisis templates, as the server stores them (an admin edits
// them under Administration). Read afresh each time the compose form opens: an edit made a minute
// ago is the one applied. Applying a template fills the form; every word stays editable.

import { api } from './api.js';

/** Where the crisis type of a notice is not known: the all-clear in general words. */
const GENERAL_ALL_CLEAR = {
  sv: { headline: 'Faran är över', lead: 'Det som vi varnade för är över. Du kan göra som vanligt igen.' },
  'sv-x-easy': { headline: 'Faran är över', lead: 'Det är inte farligt längre.' },
  en: { headline: 'The danger is over', lead: 'What we warned about is over. You can go about as usual again.' },
};

/** { organisation, templates } from the API. */
export async function loadTemplates() {
  const [organisation, templates] = await Promise.all([api.organisation(), api.templates()]);
  return { organisation, templates };
}

/** A template's name in the console's language, else in Swedish. */
export function templateName(template, lang) {
  return (template.name && (template.name[lang] || template.name.sv)) || template.id;
}

/** The crisis page a template suggests: the organisation's crisis page and the template's slug. */
export function suggestedLink(organisation, template) {
  if (!organisation.crisisPage) return '';
  return template.slug ? `${organisation.crisisPage}/${template.slug}` : organisation.crisisPage;
}

/** A deep copy of a template's texts without the empty ones, so editing the form never changes the template. */
export function contentOf(texts) {
  const copy = {};
  for (const [tag, c] of Object.entries(texts || {})) {
    copy[tag] = Object.fromEntries(Object.entries(c).filter(([, v]) => v !== null && v !== undefined));
  }
  return copy;
}

/**
 * The all-clear wording for the incident a notice belongs to: its template's, found by the crisis
 * page the template suggested (…/kris/vatten) or by its Swedish headline; else the general one.
 */
export function allClearOf(notice, templates) {
  const link = ((notice && notice.link) || '').replace(/\/+$/, '');
  const headline = notice && notice.content && notice.content.sv ? notice.content.sv.headline : '';
  const list = (templates || []).filter((x) => x.allClear && x.allClear.sv);
  const tpl = list.find((x) => x.slug && link.endsWith(`/${x.slug}`))
    || list.find((x) => x.content && x.content.sv && x.content.sv.headline === headline);
  return contentOf(tpl ? tpl.allClear : GENERAL_ALL_CLEAR);
}
