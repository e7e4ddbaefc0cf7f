// From a banner snapshot to what is shown: pure decisions, no DOM.

import {
  labelsFor, labelLanguage, directionOf, formatTime, normalizeKind, normalizeMode, normalizeSeverity,
} from './labels.js';
import {
  availableLanguages, htmlLangAttribute, resolveContentLanguage,
} from './language.js';
import { dismissKey } from './dismiss.js';

/**
 * Whether an incoming snapshot replaces the one shown. A snapshot for another audience or
 * mode, or one that is not a snapshot at all, is refused; so is one whose revision is lower
 * than the one shown (an old poll answer arriving after a newer push). An equal revision is
 * accepted: it is the same set and re-rendering it changes nothing.
 */
export function acceptSnapshot(current, incoming, { audience, mode } = {}) {
  if (!incoming || typeof incoming !== 'object' || !Array.isArray(incoming.banners)) return false;
  if (typeof incoming.revision !== 'number' || !Number.isFinite(incoming.revision)) return false;
  if (audience && typeof incoming.audience === 'string' && incoming.audience !== audience) return false;
  if (mode && typeof incoming.mode === 'string' && incoming.mode !== mode) return false;
  if (current && typeof current.revision === 'number' && incoming.revision < current.revision) return false;
  return true;
}

/** The link to show, or null: only absolute https: addresses, never javascript:, data:, http: … */
export function safeLink(href) {
  if (typeof href !== 'string') return null;
  const trimmed = href.trim();
  if (!/^https:/i.test(trimmed)) return null;
  try {
    const url = new URL(trimmed);
    if (url.protocol !== 'https:' || !url.hostname) return null;
    return url.href;
  } catch (_) {
    return null;
  }
}

function parseTime(iso) {
  if (typeof iso !== 'string' || iso === '') return NaN;
  return Date.parse(iso);
}

/** Whether a banner's expiresAt has passed at `now` (ms). No or unreadable expiry: not expired. */
export function isExpired(banner, now) {
  const t = parseTime(banner && banner.expiresAt);
  return Number.isFinite(t) && t <= now;
}

/** The earliest expiresAt still in the future among the banners (ms), or null. */
export function nextExpiry(banners, now) {
  let next = null;
  for (const b of banners || []) {
    const t = parseTime(b && b.expiresAt);
    if (Number.isFinite(t) && t > now && (next === null || t < next)) next = t;
  }
  return next;
}

function text(value) {
  return typeof value === 'string' ? value.trim() : '';
}

/**
 * Everything the DOM layer needs to draw the snapshot, already decided:
 * which banners (not expired, not dismissed, with content), in which language, with which words.
 *
 * @param snapshot   the last accepted snapshot (or null)
 * @param options    { now, preferred, pageLang (the host page's language, for labels), isDismissed(key) }
 */
export function buildView(snapshot, {
  now = Date.now(), preferred = 'sv', pageLang = '', isDismissed = () => false,
} = {}) {
  const all = snapshot && Array.isArray(snapshot.banners) ? snapshot.banners : [];
  const live = all.filter((b) => b && typeof b === 'object' && b.id != null && !isExpired(b, now));
  const items = [];
  for (const b of live) {
    const key = dismissKey(b.id, b.version);
    if (isDismissed(key)) continue;
    const contentLang = resolveContentLanguage(preferred, b.content);
    if (!contentLang) continue;
    const c = b.content[contentLang];
    const labelLang = labelLanguage(contentLang, pageLang);
    const L = labelsFor(labelLang);
    const severity = normalizeSeverity(b.severity);
    const kind = normalizeKind(b.kind);
    const mode = normalizeMode(b.mode || (snapshot && snapshot.mode));
    const link = safeLink(b.link);
    const vma = b.source === 'vma';
    items.push({
      key,
      id: String(b.id),
      version: b.version,
      severity,
      kind,
      mode,
      source: vma ? 'vma' : 'own',
      sourceLabel: vma ? L.vma : '',
      announce: severity === 'critical' ? 'alert' : 'polite',
      textLang: htmlLangAttribute(contentLang),
      textDir: directionOf(contentLang),
      labelLang,
      labelDir: directionOf(labelLang),
      severityLabel: L.severity[severity],
      kindLabel: L.kind[kind],
      modeLabel: L.mode[mode],
      headline: text(c.headline),
      lead: text(c.lead),
      body: text(c.body),
      instruction: text(c.instruction),
      instructionLabel: L.instruction,
      sender: text(b.sender),
      senderLabel: L.sender,
      published: formatTime(b.publishedAt, labelLang),
      publishedIso: typeof b.publishedAt === 'string' ? b.publishedAt : '',
      publishedLabel: L.published,
      link,
      linkText: L.readMore,
      linkIsExternal: link !== null && b.linkIsExternal === true,
      externalText: L.external,
      dismissText: L.dismiss,
      dismissLabel: `${L.dismissFor} ${text(c.headline)}`,
    });
  }
  // The state's VMA comes before our own notices (the server orders it so; an old server may not).
  items.sort((a, b) => (a.source === 'vma' ? 0 : 1) - (b.source === 'vma' ? 0 : 1));
  // The switch offers what the shown banners have; the chosen one comes from the first banner.
  const shown = live.filter((b) => items.some((i) => i.id === String(b.id) && i.version === b.version));
  const languages = availableLanguages(shown);
  const current = items.length > 0 ? resolveContentLanguage(preferred, shown[0].content) : null;
  const regionLabelLang = items.length > 0 ? items[0].labelLang : labelLanguage(preferred, pageLang);
  return {
    revision: snapshot && typeof snapshot.revision === 'number' ? snapshot.revision : null,
    items,
    languages,
    currentLanguage: current,
    labelLang: regionLabelLang,
    labelDir: directionOf(regionLabelLang),
    regionLabel: labelsFor(regionLabelLang).region,
    languagesLabel: labelsFor(regionLabelLang).languages,
    nextExpiry: nextExpiry(live, now),
  };
}

/** A string that changes whenever anything drawn for an item changes. */
export function itemSignature(item) {
  return JSON.stringify(item);
}
