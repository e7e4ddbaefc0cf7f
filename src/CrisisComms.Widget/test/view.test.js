import { test } from 'node:test';
import assert from 'node:assert/strict';
import { acceptSnapshot, buildView, isExpired, nextExpiry, safeLink } from '../src/view.js';
import { banner, snapshot, NOW } from './fixtures.js';

test('a lower revision is ignored; equal and higher are taken', () => {
  const shown = snapshot([], { revision: 10 });
  assert.equal(acceptSnapshot(shown, snapshot([], { revision: 9 })), false);
  assert.equal(acceptSnapshot(shown, snapshot([], { revision: 10 })), true);
  assert.equal(acceptSnapshot(shown, snapshot([], { revision: 11 })), true);
  assert.equal(acceptSnapshot(null, snapshot([], { revision: 0 })), true);
});

test('something that is not a snapshot, or for another audience or mode, is refused', () => {
  const cfg = { audience: 'public', mode: 'actual' };
  assert.equal(acceptSnapshot(null, null, cfg), false);
  assert.equal(acceptSnapshot(null, 'x', cfg), false);
  assert.equal(acceptSnapshot(null, { revision: 1 }, cfg), false);
  assert.equal(acceptSnapshot(null, { banners: [] }, cfg), false);
  assert.equal(acceptSnapshot(null, { revision: '3', banners: [] }, cfg), false);
  assert.equal(acceptSnapshot(null, snapshot([], { audience: 'intranet' }), cfg), false);
  assert.equal(acceptSnapshot(null, snapshot([], { mode: 'exercise' }), cfg), false);
  assert.equal(acceptSnapshot(null, snapshot([], { mode: 'exercise' }), { audience: 'public', mode: 'exercise' }), true);
});

test('links: only https addresses', () => {
  assert.equal(safeLink('https://www.linkoping.se/kris'), 'https://www.linkoping.se/kris');
  assert.equal(safeLink('  HTTPS://example.se/a b'), 'https://example.se/a%20b');
  for (const bad of ['http://example.se', 'javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<b>',
    '//example.se', '/kris', 'https:', 'https://', ' javascript:https://x', null, 42, '']) {
    assert.equal(safeLink(bad), null, String(bad));
  }
});

test('expiry: passed is hidden, missing or unreadable is not', () => {
  assert.equal(isExpired({ expiresAt: '2026-05-14T11:59:59Z' }, NOW), true);
  assert.equal(isExpired({ expiresAt: '2026-05-14T12:00:00Z' }, NOW), true);
  assert.equal(isExpired({ expiresAt: '2026-05-14T12:00:01Z' }, NOW), false);
  assert.equal(isExpired({ expiresAt: null }, NOW), false);
  assert.equal(isExpired({}, NOW), false);
  assert.equal(isExpired({ expiresAt: 'soon' }, NOW), false);
  assert.equal(nextExpiry([
    { expiresAt: '2026-05-14T13:00:00Z' }, { expiresAt: '2026-05-14T12:30:00Z' },
    { expiresAt: '2026-05-14T11:00:00Z' }, { expiresAt: null }], NOW), Date.parse('2026-05-14T12:30:00Z'));
  assert.equal(nextExpiry([{}], NOW), null);
});

test('view: expired and dismissed banners are left out, order kept, the next expiry known', () => {
  const snap = snapshot([
    banner({ id: 'a', severity: 'critical' }),
    banner({ id: 'b', severity: 'warning', expiresAt: '2026-05-14T11:00:00Z' }),
    banner({ id: 'c', severity: 'warning', version: 2 }),
    banner({ id: 'd', severity: 'info', expiresAt: '2026-05-14T12:10:00Z' }),
  ]);
  const view = buildView(snap, { now: NOW, isDismissed: (k) => k === 'c@2' });
  assert.deepEqual(view.items.map((i) => i.id), ['a', 'd']);
  assert.equal(view.revision, 7);
  assert.equal(view.nextExpiry, Date.parse('2026-05-14T12:10:00Z'));
  // Dismissing version 2 does not hide version 3 (an update shows again).
  const updated = buildView(snapshot([banner({ id: 'c', version: 3 })]), { now: NOW, isDismissed: (k) => k === 'c@2' });
  assert.deepEqual(updated.items.map((i) => i.key), ['c@3']);
});

test('view: critical is an alert, the rest polite; severity by word in Swedish', () => {
  const view = buildView(snapshot([
    banner({ id: 'a', severity: 'critical' }),
    banner({ id: 'b', severity: 'warning' }),
    banner({ id: 'c', severity: 'info' }),
    banner({ id: 'd', severity: 'bogus' }),
  ]), { now: NOW });
  assert.deepEqual(view.items.map((i) => i.announce), ['alert', 'polite', 'polite', 'polite']);
  assert.deepEqual(view.items.map((i) => i.severityLabel), ['Kris', 'Viktig information', 'Information', 'Information']);
});

test('view: kinds, exercise and test marks, sender, external link', () => {
  const [u, c, e, t] = buildView(snapshot([
    banner({ id: 'u', kind: 'update', link: 'https://krisinformation.se', linkIsExternal: true }),
    banner({ id: 'c', kind: 'allClear', link: 'javascript:alert(1)', linkIsExternal: true }),
    banner({ id: 'e', mode: 'exercise' }),
    banner({ id: 't', mode: 'test' }),
  ]), { now: NOW }).items;
  assert.equal(u.kindLabel, 'Uppdatering');
  assert.equal(u.link, 'https://krisinformation.se/');
  assert.equal(u.linkIsExternal, true);
  assert.equal(u.externalText, '(extern länk)');
  assert.equal(c.kindLabel, 'Faran över');
  assert.equal(c.link, null);
  assert.equal(c.linkIsExternal, false);
  assert.equal(e.modeLabel, 'ÖVNING');
  assert.equal(t.modeLabel, 'TEST');
  assert.equal(u.modeLabel, '');
  assert.equal(u.senderLabel, 'Avsändare:');
  assert.equal(u.sender, 'Linköpings kommun, krisledningen');
  assert.equal(u.published, '14 maj 12:03');
});

test('view: English content gets English labels; easy Swedish gets easy Swedish labels', () => {
  const snap = snapshot([banner({ kind: 'update', mode: 'exercise' })]);
  const en = buildView(snap, { now: NOW, preferred: 'en-GB' });
  assert.equal(en.items[0].textLang, 'en');
  assert.equal(en.items[0].labelLang, 'en');
  assert.equal(en.items[0].headline, 'Boil the water');
  assert.equal(en.items[0].severityLabel, 'Crisis');
  assert.equal(en.items[0].kindLabel, 'Update');
  assert.match(en.items[0].modeLabel, /EXERCISE/);
  assert.equal(en.currentLanguage, 'en');
  const easy = buildView(snap, { now: NOW, preferred: 'sv-x-easy' });
  assert.equal(easy.items[0].textLang, 'sv-x-easy');
  assert.equal(easy.items[0].labelLang, 'sv-x-easy');
  assert.equal(easy.items[0].severityLabel, 'Fara');
  assert.equal(easy.items[0].lead, 'Vattnet kan göra dig sjuk.');
  assert.equal(easy.items[0].body, '');
  assert.deepEqual(easy.languages, ['sv', 'sv-x-easy', 'en']);
});

test('view: Arabic text is right to left with Arabic labels; a language without labels takes the page language', () => {
  const snap = snapshot([banner({ content: { sv: { headline: 'Koka vattnet', lead: 'x' }, ar: { headline: 'اغلِ الماء', lead: 'قد' }, ps: { headline: 'اوبه', lead: 'y' } } })]);
  const ar = buildView(snap, { now: NOW, preferred: 'ar', pageLang: 'sv' });
  assert.equal(ar.items[0].textLang, 'ar');
  assert.equal(ar.items[0].textDir, 'rtl');
  assert.equal(ar.items[0].labelLang, 'ar');
  assert.equal(ar.items[0].labelDir, 'rtl');
  assert.equal(ar.items[0].severityLabel, 'أزمة');
  const ps = buildView(snap, { now: NOW, preferred: 'ps', pageLang: 'sv' });
  assert.equal(ps.items[0].textDir, 'rtl');
  assert.equal(ps.items[0].labelLang, 'sv');
  assert.equal(ps.items[0].labelDir, 'ltr');
  assert.equal(ps.items[0].severityLabel, 'Kris');
});

test('view: text is carried as data, never interpreted', () => {
  const evil = '<img src=x onerror=alert(1)>';
  const view = buildView(snapshot([banner({ content: { sv: { headline: evil, lead: null } } })]), { now: NOW });
  assert.equal(view.items[0].headline, evil);
  assert.equal(view.items[0].lead, '');
});

test('view: a banner without any headline is not shown; an empty snapshot shows nothing', () => {
  assert.equal(buildView(snapshot([banner({ content: {} })]), { now: NOW }).items.length, 0);
  assert.equal(buildView(snapshot([banner({ content: { sv: { headline: '  ' } } })]), { now: NOW }).items.length, 0);
  const empty = buildView(null, { now: NOW });
  assert.equal(empty.items.length, 0);
  assert.equal(empty.revision, null);
  assert.equal(empty.nextExpiry, null);
});

test('view: a VMA is named as one, its sender shown, and comes before our own notices', () => {
  const own = banner({ id: 'own-1' });
  const vma = banner({ id: 'vma-1', source: 'vma', sender: 'Länsstyrelsen Östergötland' });
  const view = buildView(snapshot([own, vma]), { now: NOW });
  assert.deepEqual(view.items.map((i) => i.id), ['vma-1', 'own-1']);
  assert.equal(view.items[0].source, 'vma');
  assert.equal(view.items[0].sourceLabel, 'VMA — Viktigt meddelande till allmänheten');
  assert.equal(view.items[0].sender, 'Länsstyrelsen Östergötland');
  assert.equal(view.items[1].source, 'own');
  assert.equal(view.items[1].sourceLabel, '');
});
