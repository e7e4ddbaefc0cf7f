// Language choice: pure functions, no DOM.
//
// Content keys are BCP 47 tags as the server sends them: "sv", "sv-x-easy" (lätt svenska),
// "en", and any other the officer wrote. The widget shows one language at a time for all
// banners; a banner that lacks it falls back sensibly, per banner.

export const DEFAULT_LANGUAGE = 'sv';
export const EASY_SWEDISH = 'sv-x-easy';

/** Lower-cases and trims a tag; "" for anything that is not a plausible tag. */
export function normalizeTag(tag) {
  if (typeof tag !== 'string') return '';
  const t = tag.trim().replace(/_/g, '-').toLowerCase();
  return /^[a-z]{2,8}(-[a-z0-9]{1,8})*$/.test(t) ? t : '';
}

/** The primary subtag: "sv-SE" -> "sv". */
export function primaryTag(tag) {
  return normalizeTag(tag).split('-')[0];
}

/**
 * The language the reader asked for, before looking at any content:
 * a remembered choice from the switch, then data-lang, then <html lang>, then sv.
 */
export function preferredLanguage({ chosen, dataLang, pageLang } = {}) {
  for (const candidate of [chosen, dataLang, pageLang]) {
    const t = normalizeTag(candidate);
    if (t) return t;
  }
  return DEFAULT_LANGUAGE;
}

/**
 * The content key of one banner to show for a preferred language, or null when the banner has
 * no usable content. Order: exact key; easy Swedish falls back to plain Swedish; a key with the
 * same primary subtag ("en-GB" asked, "en" present; "sv-SE" asked picks "sv", never
 * "sv-x-easy"); Swedish; the first key present.
 */
export function resolveContentLanguage(preferred, content) {
  if (!content || typeof content !== 'object') return null;
  const keys = Object.keys(content).filter((k) => normalizeTag(k) && isUsableText(content[k]));
  if (keys.length === 0) return null;
  const byNorm = new Map(keys.map((k) => [normalizeTag(k), k]));
  const want = normalizeTag(preferred) || DEFAULT_LANGUAGE;
  if (byNorm.has(want)) return byNorm.get(want);
  const primary = primaryTag(want);
  if (want !== EASY_SWEDISH && byNorm.has(primary)) return byNorm.get(primary);
  if (want === EASY_SWEDISH && byNorm.has(DEFAULT_LANGUAGE)) return byNorm.get(DEFAULT_LANGUAGE);
  const samePrimary = keys.find((k) => primaryTag(k) === primary && normalizeTag(k) !== EASY_SWEDISH);
  if (samePrimary) return samePrimary;
  if (byNorm.has(DEFAULT_LANGUAGE)) return byNorm.get(DEFAULT_LANGUAGE);
  return keys[0];
}

function isUsableText(text) {
  return !!text && typeof text === 'object' && typeof text.headline === 'string' && text.headline.trim() !== '';
}

const ORDER = ['sv', EASY_SWEDISH, 'en'];

/** Every language present in the given banners, for the switch: sv, lätt svenska, en, then the rest A-Z. */
export function availableLanguages(banners) {
  const seen = new Map();
  for (const b of banners || []) {
    const content = b && b.content;
    if (!content || typeof content !== 'object') continue;
    for (const k of Object.keys(content)) {
      const n = normalizeTag(k);
      if (n && isUsableText(content[k]) && !seen.has(n)) seen.set(n, k);
    }
  }
  const rank = (n) => {
    const i = ORDER.indexOf(n);
    return i === -1 ? ORDER.length : i;
  };
  return [...seen.keys()]
    .sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0))
    .map((n) => seen.get(n));
}

/**
 * The value for an HTML lang attribute. "sv-x-easy" is a valid private-use tag and tells
 * assistive technology the text is Swedish; it is kept as it is.
 */
export function htmlLangAttribute(tag) {
  return normalizeTag(tag) || DEFAULT_LANGUAGE;
}
