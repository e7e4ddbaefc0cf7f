// Beside the form: the notice as the intranet and the public site would show it (the widget's
// look and words), and, once the API has built them, the social posts with their lengths.

import { h, fill } from './dom.js';
import { t, time, languageName } from './i18n.js';
// The widget's own label table and language rules (built from its source by its esbuild step):
// the preview says what the widget will say, in the same languages and directions.
import { labelsFor, labelLanguage, directionOf, htmlLangAttribute } from '../../widget/labels.js';

const CHANNEL_NAMES = { x: 'X', mastodon: 'Mastodon', facebook: 'Facebook' };

/** The server decides (linkIsExternal); until the draft is saved, guess from the site's domain. */
function isExternal(model) {
  if (model.saved && !model.dirty) return Boolean(model.saved.linkIsExternal);
  try {
    const host = new URL(model.link).hostname.toLowerCase();
    const own = (model.siteDomain || '').toLowerCase();
    if (!own) return false;
    return !(host === own || host.endsWith(`.${own}`));
  } catch (_) {
    return false;
  }
}

/** lang and dir together on an element, as the widget sets them. */
const speak = (lang) => ({ lang, dir: directionOf(lang) });

/**
 * One banner drawn the way the widget draws it (src/CrisisComms.Widget/src/dom.js): the same
 * elements in the same order, each text with its language and direction, the labels from the
 * widget's table (the content language, else the page language, else Swedish).
 */
export function bannerPreview(model, tag) {
  const c = model.content[tag] || {};
  const labelLang = labelLanguage(tag, 'sv');
  const words = labelsFor(labelLang);
  const text = speak(htmlLangAttribute(tag));
  const label = speak(labelLang);
  const external = model.link && isExternal(model);
  return h('div', { class: `pv-banner pv-${model.severity}${model.mode !== 'actual' ? ' pv-exercise' : ''}`, 'data-pv-lang': text.lang, ...label },
    h('div', { class: 'pv-msg' },
      h('p', { class: 'pv-tags', ...label },
        words.mode[model.mode] ? h('span', { class: 'pv-badge' }, words.mode[model.mode]) : null,
        h('span', { class: 'pv-severity' }, words.severity[model.severity] || words.severity.info),
        words.kind[model.kind] ? h('span', { class: 'pv-kind' }, words.kind[model.kind]) : null),
      h('p', { class: 'pv-headline', ...text }, c.headline || t('preview.noHeadline')),
      c.lead ? h('p', { class: 'pv-lead', ...text }, c.lead) : null,
      c.body ? h('p', { class: 'pv-body', ...text }, c.body) : null,
      c.instruction ? h('p', { class: 'pv-instruction' }, h('strong', label, `${words.instruction} `), h('span', text, c.instruction)) : null,
      model.link ? h('p', { class: 'pv-link' }, h('span', { class: 'pv-a', ...label }, words.readMore, external ? ` \u2197 ${words.external}` : ''),
        h('span', { class: 'pv-url', dir: 'ltr' }, ` ${model.link}`)) : null,
      model.sender ? h('p', { class: 'pv-meta', ...label }, `${words.sender} ${model.sender}`) : null),
    h('span', { class: 'pv-close', 'aria-hidden': 'true', ...label }, words.dismiss));
}

function socialPreviews(model) {
  const previews = model.saved && Array.isArray(model.saved.previews) ? model.saved.previews : null;
  if (model.audience === 'staff' || model.mode !== 'actual') return h('p', { class: 'hint' }, t('preview.noSocial'));
  if (!model.channels.length) return h('p', { class: 'hint' }, t('preview.noChannels'));
  if (!previews) return h('p', { class: 'hint' }, t('preview.afterSave'));
  return [
    model.dirty ? h('p', { class: 'hint' }, t('preview.stale', { time: time(model.saved.updatedAt) })) : null,
    h('ul', { class: 'posts' }, previews.map((p) => {
      const over = Number(p.length) > Number(p.limit);
      return h('li', { class: 'post', 'data-channel': p.channel },
        h('p', { class: 'post-channel' }, CHANNEL_NAMES[p.channel] || p.channel),
        h('p', { class: 'post-text', lang: 'sv' }, p.text),
        h('p', { class: over ? 'post-count over' : 'post-count' },
          t('preview.count', { length: p.length, limit: p.limit }), over ? ` \u2014 ${t('preview.tooLong')}` : ''));
    })),
  ];
}

/** Every channel's preview in one language: intranet banner, public banner, social posts, under headings of `level`. */
export function channelPreviews(model, tag, level = 3) {
  const heading = `h${level}`;
  return [
    h(heading, null, t('preview.intranet')),
    bannerPreview(model, tag),
    h(heading, null, t('preview.public')),
    model.audience === 'staff' ? h('p', { class: 'hint' }, t('preview.staffOnly')) : bannerPreview(model, tag),
    h(heading, null, t('preview.social')),
    socialPreviews(model),
  ];
}

/** Redraws the preview column for the form's current state. */
export function renderPreview(container, model) {
  const tag = model.content[model.active] && (model.content[model.active].headline || model.content[model.active].lead) ? model.active : 'sv';
  fill(container,
    h('h2', { id: 'preview-title' }, t('preview.title')),
    h('p', { class: 'hint' }, t('preview.language', { name: languageName(tag) })),
    channelPreviews(model, tag));
}
