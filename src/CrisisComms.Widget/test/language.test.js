import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  availableLanguages, normalizeTag, preferredLanguage, resolveContentLanguage,
} from '../src/language.js';
import { languageName, labelsFor, labelLanguage, directionOf, LABELS } from '../src/labels.js';

const all = { sv: { headline: 'S' }, 'sv-x-easy': { headline: 'E' }, en: { headline: 'N' } };

test('preferred: remembered choice, then data-lang, then <html lang>, then sv', () => {
  assert.equal(preferredLanguage({ chosen: 'en', dataLang: 'sv-x-easy', pageLang: 'sv' }), 'en');
  assert.equal(preferredLanguage({ dataLang: 'sv-x-easy', pageLang: 'en' }), 'sv-x-easy');
  assert.equal(preferredLanguage({ pageLang: 'en-GB' }), 'en-gb');
  assert.equal(preferredLanguage({ pageLang: '' }), 'sv');
  assert.equal(preferredLanguage({ dataLang: '<script>', pageLang: 'fi' }), 'fi');
  assert.equal(preferredLanguage(), 'sv');
});

test('content language: exact, region-less, easy falls back to plain Swedish, then sv, then any', () => {
  assert.equal(resolveContentLanguage('en', all), 'en');
  assert.equal(resolveContentLanguage('en-GB', all), 'en');
  assert.equal(resolveContentLanguage('sv-SE', all), 'sv');
  assert.equal(resolveContentLanguage('sv', all), 'sv');
  assert.equal(resolveContentLanguage('sv-x-easy', all), 'sv-x-easy');
  assert.equal(resolveContentLanguage('sv-x-easy', { sv: { headline: 'S' }, en: { headline: 'N' } }), 'sv');
  assert.equal(resolveContentLanguage('fi', all), 'sv');
  assert.equal(resolveContentLanguage('sv', { en: { headline: 'N' } }), 'en');
  assert.equal(resolveContentLanguage('en', { 'en-GB': { headline: 'N' }, sv: { headline: 'S' } }), 'en-GB');
  assert.equal(resolveContentLanguage('sv', {}), null);
  assert.equal(resolveContentLanguage('sv', null), null);
});

test('available languages are ordered sv, lätt svenska, en, then A-Z, without duplicates', () => {
  const banners = [
    { content: { fi: { headline: 'F' }, en: { headline: 'N' } } },
    { content: { ar: { headline: 'A' }, sv: { headline: 'S' }, 'sv-x-easy': { headline: 'E' } } },
    { content: { en: { headline: 'N2' }, so: { headline: '' } } },
  ];
  assert.deepEqual(availableLanguages(banners), ['sv', 'sv-x-easy', 'en', 'ar', 'fi']);
  assert.deepEqual(availableLanguages([]), []);
});

test('labels are Swedish for Swedish and easy Swedish, English otherwise', () => {
  assert.equal(labelLanguage('sv'), 'sv');
  assert.equal(labelLanguage('sv-x-easy'), 'sv-x-easy');
  assert.equal(labelLanguage('en'), 'en');
  assert.equal(labelLanguage('ar'), 'ar');
  assert.equal(labelLanguage('fi-FI'), 'fi');
  assert.equal(labelLanguage('ps', 'sv'), 'sv'); // no Pashto labels: the page's language
  assert.equal(labelLanguage('ps', 'en-GB'), 'en');
  assert.equal(labelLanguage('ps', 'de'), 'sv'); // then Swedish
  for (const tag of ['sv', 'sv-x-easy', 'en', 'ar', 'fi', 'so', 'fa', 'ti', 'uk', 'fit', 'sme', 'sma', 'smj']) {
    assert.deepEqual(Object.keys(LABELS[tag]).sort(), Object.keys(LABELS.sv).sort(), tag);
  }
  assert.deepEqual(labelsFor('sv').severity, { critical: 'Kris', warning: 'Viktig information', info: 'Information' });
  assert.deepEqual(labelsFor('en').severity, { critical: 'Crisis', warning: 'Important information', info: 'Information' });
  assert.equal(labelsFor('xx'), labelsFor('sv'));
});

test('language names for the switch, in their own language', () => {
  assert.equal(languageName('sv-x-easy'), 'Lätt svenska');
  assert.equal(languageName('sv'), 'Svenska');
  assert.equal(languageName('en'), 'English');
  assert.equal(languageName('fi'), 'Suomi');
  assert.equal(normalizeTag('sv_SE'), 'sv-se');
  assert.equal(normalizeTag('a b'), '');
});

test('direction comes from the tag: Arabic, Persian, Hebrew, Urdu, Pashto, Sorani and Arabic script right to left', () => {
  for (const tag of ['ar', 'fa', 'he', 'ur', 'ps', 'ckb', 'ar-SE', 'ku-Arab']) assert.equal(directionOf(tag), 'rtl', tag);
  for (const tag of ['sv', 'sv-x-easy', 'en', 'fi', 'so', 'ti', 'uk', 'sme', 'ku', 'az-Latn', '']) assert.equal(directionOf(tag), 'ltr', tag);
});
