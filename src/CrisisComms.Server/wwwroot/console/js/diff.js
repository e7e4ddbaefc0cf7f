// What changed between the incident's live version and the one waiting for approval: per field,
// per language, and within a text word by word. Pure data, no DOM: changes.js shows it.

export const TEXT_FIELDS = ['headline', 'lead', 'body', 'instruction'];
export const SETTINGS = ['severity', 'audience', 'mode', 'sender', 'link', 'expiresAt', 'channels', 'category'];

// Above this many word pairs a text is shown as replaced whole: a 10,000-character body against
// another needs ~4 million cells, which is still quick; this only guards against the absurd.
const MAX_CELLS = 4_000_000;

/** Words and the spaces between them, so that joining the parts gives the text back. */
function tokens(text) {
  return String(text || '').match(/\s+|\S+/g) || [];
}

function push(parts, type, words) {
  if (!words.length) return;
  const text = words.join('');
  const last = parts[parts.length - 1];
  if (last && last.type === type) last.text += text;
  else parts.push({ type, text });
}

/** The longest common subsequence of two word lists, walked into same / removed / added parts. */
function common(a, b, parts) {
  const n = a.length;
  const m = b.length;
  const width = m + 1;
  const length = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      length[i * width + j] = a[i] === b[j] ? length[(i + 1) * width + j + 1] + 1
        : Math.max(length[(i + 1) * width + j], length[i * width + j + 1]);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      push(parts, 'same', [a[i++]]);
      j++;
    } else if (length[(i + 1) * width + j] >= length[i * width + j + 1]) push(parts, 'removed', [a[i++]]);
    else push(parts, 'added', [b[j++]]);
  }
  push(parts, 'removed', a.slice(i));
  push(parts, 'added', b.slice(j));
}

/** [{ type: 'same' | 'removed' | 'added', text }] from `before` to `after`, word by word. */
export function wordDiff(before, after) {
  const a = tokens(before);
  const b = tokens(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const parts = [];
  push(parts, 'same', a.slice(0, start));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  if (midA.length * midB.length > MAX_CELLS) {
    push(parts, 'removed', midA);
    push(parts, 'added', midB);
  } else common(midA, midB, parts);
  push(parts, 'same', a.slice(endA));
  return parts;
}

/**
 * One side of a diff ('removed' for the old text, 'added' for the new): [{ text, marked }], where
 * a lone space between two marked words is marked too, so "hela kommunen" reads as one change.
 */
export function sideOf(parts, keep) {
  const seen = parts.filter((p) => p.type === 'same' || p.type === keep);
  const out = [];
  seen.forEach((p, i) => {
    const marked = p.type === keep
      || (/^\s+$/.test(p.text) && i > 0 && i < seen.length - 1 && seen[i - 1].type === keep && seen[i + 1].type === keep);
    const last = out[out.length - 1];
    if (last && last.marked === marked) last.text += p.text;
    else out.push({ text: p.text, marked });
  });
  return out;
}

const text = (value) => (value === null || value === undefined ? '' : String(value));
const same = (a, b) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * { settings: [{ name, before, after }], languages: [{ tag, change, fields: [{ name, before, after }] }], count }
 * where only what changed is listed, languages in the order of `tags`; change is 'added', 'removed' or 'changed'.
 */
export function noticeChanges(before, after, tags) {
  const settings = SETTINGS
    .filter((name) => !same(name === 'channels' ? [...(before.channels || [])].sort() : before[name],
      name === 'channels' ? [...(after.channels || [])].sort() : after[name]))
    .map((name) => ({ name, before: before[name] ?? null, after: after[name] ?? null }));
  const languages = [];
  for (const tag of tags) {
    const old = before.content && before.content[tag];
    const now = after.content && after.content[tag];
    const fields = TEXT_FIELDS
      .filter((name) => text(old && old[name]) !== text(now && now[name]))
      .map((name) => ({ name, before: text(old && old[name]), after: text(now && now[name]) }));
    if (fields.length) languages.push({ tag, change: !old ? 'added' : !now ? 'removed' : 'changed', fields });
  }
  return { settings, languages, count: settings.length + languages.reduce((sum, l) => sum + l.fields.length, 0) };
}
