// The widget's own words, in Swedish and English. Pure, no DOM.

import { normalizeTag, EASY_SWEDISH } from './language.js';

export const LABELS = {
  sv: {
    severity: { critical: 'Kris', warning: 'Viktig information', info: 'Information' },
    kind: { alert: '', update: 'Uppdatering', allClear: 'Faran över' },
    mode: { actual: '', exercise: 'ÖVNING', test: 'TEST' },
    sender: 'Avsändare:',
    vma: 'VMA — Viktigt meddelande till allmänheten',
    published: 'Publicerad',
    instruction: 'Gör så här:',
    readMore: 'Läs mer',
    external: '(extern länk)',
    dismiss: 'Stäng',
    dismissFor: 'Stäng meddelandet:',
    languages: 'Språk:',
    region: 'Viktiga meddelanden',
  },
  en: {
    severity: { critical: 'Crisis', warning: 'Important information', info: 'Information' },
    kind: { alert: '', update: 'Update', allClear: 'All clear' },
    mode: { actual: '', exercise: 'EXERCISE (ÖVNING)', test: 'TEST' },
    sender: 'Sender:',
    vma: 'VMA — Viktigt meddelande till allmänheten (Important Public Announcement)',
    published: 'Published',
    instruction: 'What to do:',
    readMore: 'Read more',
    external: '(external link)',
    dismiss: 'Close',
    dismissFor: 'Close the notice:',
    languages: 'Language:',
    region: 'Important notices',
  },
};

export const SEVERITIES = ['critical', 'warning', 'info'];
export const KINDS = ['alert', 'update', 'allClear'];
export const MODES = ['actual', 'exercise', 'test'];

/** The label set for a label language ("sv" or "en"); Swedish for anything else. */
export function labelsFor(labelLang) {
  return LABELS[labelLang] || LABELS.sv;
}

/** A known severity, "info" when the server sends something this widget does not know. */
export function normalizeSeverity(value) {
  return SEVERITIES.includes(value) ? value : 'info';
}

export function normalizeKind(value) {
  return KINDS.includes(value) ? value : 'alert';
}

export function normalizeMode(value) {
  return MODES.includes(value) ? value : 'actual';
}

const NATIVE_NAMES = {
  sv: 'Svenska',
  [EASY_SWEDISH]: 'Lätt svenska',
  en: 'English',
};

/** A language's name in that language, for the switch: "Lätt svenska", "English", "Suomi" … */
export function languageName(tag) {
  const n = normalizeTag(tag);
  if (NATIVE_NAMES[n]) return NATIVE_NAMES[n];
  try {
    const name = new Intl.DisplayNames([n], { type: 'language' }).of(n);
    if (name && name.toLowerCase() !== n) return name.charAt(0).toLocaleUpperCase(n) + name.slice(1);
  } catch (_) {
    /* unknown to this browser: fall through */
  }
  return tag;
}

/**
 * "14 maj 12:03" / "14 May, 12:03", Swedish time, or "" when the value is not a date.
 * Uses the time zone of Sweden whatever the reader's computer says.
 */
export function formatTime(iso, labelLang) {
  const d = new Date(iso);
  if (typeof iso !== 'string' || Number.isNaN(d.getTime())) return '';
  try {
    return new Intl.DateTimeFormat(labelLang === 'en' ? 'en-GB' : 'sv-SE', {
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'Europe/Stockholm',
    }).format(d);
  } catch (_) {
    return d.toISOString().slice(0, 16).replace('T', ' ');
  }
}
