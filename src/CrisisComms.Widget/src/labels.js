// The widget's own words and how a language is written. Pure, no DOM.

import { normalizeTag, EASY_SWEDISH } from './language.js';

// One table of the widget's own words, shared with the console's preview (built for it as
// wwwroot/widget/labels.js): the language groups of Swedish municipalities, the national minority
// languages (Finnish, Meänkieli, Sami) included. Wording to be checked by the organisation's
// translators before it is relied on; a language missing here falls back (see labelLanguage).
const L = (severity, kind, mode, words) => ({
  severity: { critical: severity[0], warning: severity[1], info: severity[2] },
  kind: { alert: '', update: kind[0], allClear: kind[1] },
  mode: { actual: '', exercise: mode[0], test: mode[1] },
  ...words,
});
const words = (sender, published, instruction, readMore, external, dismiss, dismissFor, languages, region) => ({
  sender, published, instruction, readMore, external, dismiss, dismissFor, languages, region,
});

export const LABELS = {
  sv: L(['Kris', 'Viktig information', 'Information'], ['Uppdatering', 'Faran över'], ['ÖVNING', 'TEST'],
    words('Avsändare:', 'Publicerad', 'Gör så här:', 'Läs mer', '(extern länk)', 'Stäng', 'Stäng meddelandet:', 'Språk:', 'Viktiga meddelanden')),
  'sv-x-easy': L(['Fara', 'Viktigt', 'Information'], ['Nytt', 'Faran är över'], ['ÖVNING', 'TEST'],
    words('Från:', 'Skrivet', 'Gör så här:', 'Läs mer', '(annan webbplats)', 'Stäng', 'Stäng meddelandet:', 'Språk:', 'Viktiga meddelanden')),
  en: L(['Crisis', 'Important information', 'Information'], ['Update', 'All clear'], ['EXERCISE (ÖVNING)', 'TEST'],
    words('Sender:', 'Published', 'What to do:', 'Read more', '(external link)', 'Close', 'Close the notice:', 'Language:', 'Important notices')),
  ar: L(['أزمة', 'معلومات مهمة', 'معلومات'], ['تحديث', 'زال الخطر'], ['تمرين (ÖVNING)', 'اختبار'],
    words('المرسل:', 'نُشر', 'ماذا تفعل:', 'اقرأ المزيد', '(رابط خارجي)', 'إغلاق', 'إغلاق الرسالة:', 'اللغة:', 'رسائل مهمة')),
  fi: L(['Kriisi', 'Tärkeää tietoa', 'Tiedote'], ['Päivitys', 'Vaara ohi'], ['HARJOITUS (ÖVNING)', 'TESTI'],
    words('Lähettäjä:', 'Julkaistu', 'Toimi näin:', 'Lue lisää', '(ulkoinen linkki)', 'Sulje', 'Sulje tiedote:', 'Kieli:', 'Tärkeät tiedotteet')),
  so: L(['Xaalad degdeg ah', 'Macluumaad muhiim ah', 'Macluumaad'], ['Cusbooneysiin', 'Khatartu way dhammaatay'], ['TABABAR (ÖVNING)', 'TIJAABO'],
    words('Diraha:', 'La daabacay', 'Samee sidan:', 'Wax badan ka akhri', '(xiriir dibadeed)', 'Xir', 'Xir farriinta:', 'Luqadda:', 'Farriimo muhiim ah')),
  fa: L(['بحران', 'اطلاعات مهم', 'اطلاعات'], ['به‌روزرسانی', 'خطر برطرف شد'], ['تمرین (ÖVNING)', 'آزمایش'],
    words('فرستنده:', 'منتشر شده', 'چه باید کرد:', 'بیشتر بخوانید', '(پیوند خارجی)', 'بستن', 'بستن پیام:', 'زبان:', 'پیام‌های مهم')),
  ti: L(['ቅልውላው', 'ኣገዳሲ ሓበሬታ', 'ሓበሬታ'], ['ሓድሽ ሓበሬታ', 'ሓደጋ ሓሊፉ'], ['ልምምድ (ÖVNING)', 'ፈተነ'],
    words('ሰዳዲ:', 'ዝተሓትመ', 'ከምዚ ግበሩ:', 'ተወሳኺ ኣንብቡ', '(ወጻኢ መላግቦ)', 'ዕጸው', 'መልእኽቲ ዕጸው:', 'ቋንቋ:', 'ኣገደስቲ መልእኽትታት')),
  uk: L(['Криза', 'Важлива інформація', 'Інформація'], ['Оновлення', 'Небезпека минула'], ['НАВЧАННЯ (ÖVNING)', 'ТЕСТ'],
    words('Відправник:', 'Опубліковано', 'Що робити:', 'Докладніше', '(зовнішнє посилання)', 'Закрити', 'Закрити повідомлення:', 'Мова:', 'Важливі повідомлення')),
  fit: L(['Kriisi', 'Tärkeä tieto', 'Tieto'], ['Päivitys', 'Vaara on ohi'], ['HARJOITUS (ÖVNING)', 'TESTI'],
    words('Lähettäjä:', 'Julkaistu', 'Tehe näin:', 'Lue lisää', '(ulkoinen linkki)', 'Sulje', 'Sulje tieto:', 'Kieli:', 'Tärkeät tieot')),
  sme: L(['Kriisa', 'Dehálaš diehtu', 'Diehtu'], ['Ođasmahttin', 'Várra lea nohkan'], ['HÁRJEHUS (ÖVNING)', 'GEAHČČALEAPMI'],
    words('Sádde:', 'Almmuhuvvon', 'Daga ná:', 'Loga eambbo', '(olgguldas liŋka)', 'Gidde', 'Gidde dieđu:', 'Giella:', 'Dehálaš dieđut')),
  sma: L(['Kriise', 'Vihkeles bïevnese', 'Bïevnese'], ['Orrestimmie', 'Vaara lea orreme'], ['HARJEHTIMMIE (ÖVNING)', 'PRÖEVIE'],
    words('Seedtije:', 'Bæjhkoehtamme', 'Darjoeh naemhtie:', 'Lohkh vielie', '(ålkoes lïhtse)', 'Steegkh', 'Steegkh bïevnesem:', 'Gïele:', 'Vihkeles bïevnesh')),
  smj: L(['Kriissa', 'Ájnas diededus', 'Diededus'], ['Ådåsmahttem', 'Várra l gålgådam'], ['HÁRJJÁNIS (ÖVNING)', 'GÆHTTJALIBME'],
    words('Sáddiji:', 'Almodum', 'Dagá nåv:', 'Lågå ienebut', '(ålggolis liŋkka)', 'Gidde', 'Gidde diededusáv:', 'Giella:', 'Ájnas diededusá')),
};

export const SEVERITIES = ['critical', 'warning', 'info'];
export const KINDS = ['alert', 'update', 'allClear'];
export const MODES = ['actual', 'exercise', 'test'];

// The state's own name for a VMA, in Swedish whatever the language (it is the name people know), with
// English added for English readers.
const VMA = 'VMA — Viktigt meddelande till allmänheten';
for (const [tag, set] of Object.entries(LABELS)) set.vma = tag === 'en' ? `${VMA} (Important Public Announcement)` : VMA;

/** The label set for a label language; Swedish for one the table lacks. */
export function labelsFor(labelLang) {
  return LABELS[labelLang] || LABELS.sv;
}

/**
 * The language of the widget's own words beside a text in contentLang: that language when the
 * table has it (exactly, or by its primary subtag: "fi-FI" → "fi"); else the host page's
 * language, the same way; else Swedish. Never English by default: a Swedish page with an
 * Arabic text keeps Swedish words around it unless the table has Arabic ones.
 */
export function labelLanguage(contentLang, pageLang) {
  for (const tag of [contentLang, pageLang]) {
    const n = normalizeTag(tag);
    if (!n) continue;
    if (LABELS[n]) return n;
    const primary = n.split('-')[0];
    if (n !== EASY_SWEDISH && LABELS[primary]) return primary;
  }
  return 'sv';
}

// Written right to left: by primary language, or by a right-to-left script subtag ("ku-Arab").
const RTL_LANGUAGES = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'ks', 'ku-arab', 'pa-arab', 'prs', 'ps', 'sd', 'syr', 'ug', 'ur', 'yi']);
const RTL_SCRIPTS = new Set(['arab', 'hebr', 'thaa', 'syrc', 'nkoo', 'adlm', 'rohg']);

/** "rtl" or "ltr" for a language tag, from the tag alone (dir="auto" guesses wrong for mixed text). */
export function directionOf(tag) {
  const n = normalizeTag(tag);
  if (!n) return 'ltr';
  const parts = n.split('-');
  if (parts.slice(1).some((p) => p.length === 4 && RTL_SCRIPTS.has(p))) return 'rtl';
  if (parts.slice(1).some((p) => p.length === 4)) return 'ltr'; // another script given: "az-Latn"
  return RTL_LANGUAGES.has(parts[0]) ? 'rtl' : 'ltr';
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
