// The console's words: Swedish first, English on request (remembered in localStorage). Times are
// shown in Sweden's time zone whatever the computer says.

import { SV } from './strings.sv.js';
import { EN } from './strings.en.js';
// date-fns-tz, bundled by the widget's build (scripts/build.mjs): Sweden's offsets, summer time included.
import { fromZonedTime } from '../../widget/zone.js';

const KEY = 'crisiscomms-console-lang';
let current = localStorage.getItem(KEY) === 'en' ? 'en' : 'sv';

export function lang() {
  return current;
}

export function setLang(value) {
  current = value === 'en' ? 'en' : 'sv';
  localStorage.setItem(KEY, current);
}

/** The text for a key with {placeholders} filled; the key itself when there is none (so a caller can tell). */
export function t(key, params) {
  const text = (current === 'en' ? EN : SV)[key] ?? SV[key];
  if (text === undefined) return key;
  return params ? text.replace(/\{(\w+)\}/g, (m, name) => (params[name] === undefined ? m : String(params[name]))) : text;
}

const NATIVE = { sv: 'Svenska', 'sv-x-easy': 'Lätt svenska', en: 'English' };

/** "Svenska", "Lätt svenska", "English", else the name in the console's language with the tag: "arabiska (ar)". */
export function languageName(tag) {
  if (NATIVE[tag]) return NATIVE[tag];
  try {
    const name = new Intl.DisplayNames([current], { type: 'language' }).of(tag);
    if (name && name.toLowerCase() !== tag.toLowerCase()) return `${name.charAt(0).toLocaleUpperCase(current)}${name.slice(1)} (${tag})`;
  } catch (_) {
    /* an unusual tag: show it as it is */
  }
  return tag;
}

const ZONE = 'Europe/Stockholm';
const locale = () => (current === 'en' ? 'en-GB' : 'sv-SE');

/** "12:03:04": the time of day of an instant, in Swedish time. */
export function clock(iso) {
  const d = new Date(iso);
  if (!iso || Number.isNaN(d.getTime())) return '';
  return new Intl.DateTimeFormat('sv-SE', { hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone: ZONE }).format(d);
}

/** "12:03:04" today, "14 maj 12:03" on other days. */
export function time(iso) {
  const d = new Date(iso);
  if (!iso || Number.isNaN(d.getTime())) return '';
  const day = (x) => new Intl.DateTimeFormat('sv-SE', { dateStyle: 'short', timeZone: ZONE }).format(x);
  if (day(d) === day(new Date())) return clock(iso);
  const date = new Intl.DateTimeFormat(locale(), { day: 'numeric', month: 'short', year: 'numeric', timeZone: ZONE }).format(d);
  return `${date} ${clock(iso).slice(0, 5)}`;
}

const FIELDS = new Intl.DateTimeFormat('en-GB', {
  year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZone: ZONE,
});

/**
 * "2027-01-15 18:00": an instant as a person in Sweden writes it (date always, 24-hour clock);
 * with seconds ("2027-01-15 18:00:04") only where the order of events matters, as in the audit trail.
 */
export function swedishDateTime(iso, { seconds = false } = {}) {
  const d = new Date(iso);
  if (!iso || Number.isNaN(d.getTime())) return '';
  const p = Object.fromEntries(FIELDS.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}${seconds ? `:${p.second}` : ''}`;
}

/** "2027-01-15 18:00" (a T or several spaces between also do), read as Swedish time: the ISO instant, or null. */
export function fromSwedishDateTime(text) {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})(?:\s+|T)(\d{1,2})[:.](\d{2})\s*$/.exec(text || '');
  if (!m) return null;
  const [, y, mo, d, hh, mm] = m;
  const local = `${y}-${mo}-${d}T${hh.padStart(2, '0')}:${mm}:00`;
  const instant = fromZonedTime(local, ZONE);
  if (Number.isNaN(instant.getTime())) return null;
  // 2027-02-30 or 25:00 is no time at all, not the next day: it must read back the same.
  return swedishDateTime(instant.toISOString()) === `${y}-${mo}-${d} ${hh.padStart(2, '0')}:${mm}` ? instant.toISOString() : null;
}

// The server's validation messages are English; these are the ones an officer meets, in Swedish.
const SERVER_SV = [
  [/^Required\.$/, 'Obligatoriskt.'],
  [/^Required: critical, warning or info\.$/, 'Välj allvarlighet.'],
  [/^Required: staff or everyone\.$/, 'Välj mottagare.'],
  [/^The expiry must be in the future\.$/, 'Sluttiden måste ligga i framtiden.'],
  [/^A notice for staff is never posted to social channels\.$/, 'Ett meddelande bara till personalen publiceras aldrig i sociala medier.'],
  [/^Social posts always point to the official site: a notice with channels needs a link\.$/, 'Inlägg i sociala medier pekar alltid till webbplatsen: ange en länk.'],
  [/^Swedish content \(content\.sv\) with a headline and a lead is required\.$/, 'Svensk text med rubrik och ingress krävs.'],
  [/^The link must be an absolute https:\/\/ address\.$/, 'Länken måste vara en fullständig https://-adress.'],
  [/^The link must not carry a user name or password\.$/, 'Länken får inte innehålla användarnamn eller lösenord.'],
  [/^At most (\d+) characters \(this has (\d+)\)\.$/, 'Högst $1 tecken (texten har $2).'],
  [/^At most (\d+) characters\.$/, 'Högst $1 tecken.'],
  [/^Must be a single line without control characters\.$/, 'Måste vara en enda rad utan kontrolltecken.'],
  [/^Control characters are not allowed\.$/, 'Kontrolltecken är inte tillåtna.'],
  [/^'(.+)' is not a known BCP 47 language tag.*$/, '”$1” är ingen känd språkkod (BCP 47), till exempel sv, en, ar eller sv-x-easy.'],
  [/^Each language needs a headline and a lead\.$/, 'Varje språk behöver rubrik och ingress.'],
  [/^A rejection needs a reason the author can act on\.$/, 'Ange ett skäl som författaren kan rätta sig efter.'],
  [/^A withdrawal needs a reason\.$/, 'Ange ett skäl till att meddelandet dras tillbaka.'],
  [/^Breaking glass needs a reason, for the audit log\.$/, 'Ange ett skäl: det sparas i granskningsloggen.'],
  [/^Two-person rule: you wrote or submitted this notice, so another approver must approve it\.$/, 'Tvåpersonsregeln: du har skrivit, ändrat eller skickat meddelandet, så en annan godkännare måste godkänna det.'],
  [/^Two-person rule: you wrote or submitted this notice\. A director may approve it only by breaking glass, with a reason\.$/,
    'Tvåpersonsregeln: du har skrivit, ändrat eller skickat meddelandet. Som krisledningschef kan du godkänna det bara i nödläge, med ett skäl.'],
  [/^Breaking glass is only for a notice you wrote or submitted; approve this one normally\.$/,
    'Att bryta glaset är bara för ett meddelande som du har skrivit, ändrat eller skickat; godkänn det här på vanligt sätt.'],
];

export function serverMessage(text) {
  if (current !== 'sv' || !text) return text || '';
  for (const [pattern, sv] of SERVER_SV) if (pattern.test(text)) return text.replace(pattern, sv);
  return text;
}
