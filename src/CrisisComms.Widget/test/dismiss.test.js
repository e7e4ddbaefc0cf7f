import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addDismissed, createDismissStore, dismissKey, isDismissed, parseDismissed, STORAGE_KEY,
} from '../src/dismiss.js';

test('keys are per id and version', () => {
  assert.equal(dismissKey('n-1', 2), 'n-1@2');
  assert.notEqual(dismissKey('n-1', 2), dismissKey('n-1', 3));
  assert.equal(dismissKey('n-1', undefined), 'n-1@0');
});

test('the stored map survives junk', () => {
  assert.deepEqual(parseDismissed('not json'), {});
  assert.deepEqual(parseDismissed('[1,2]'), {});
  assert.deepEqual(parseDismissed(null), {});
  assert.deepEqual(parseDismissed('{"a@1":5,"b@1":"x"}'), { 'a@1': 5 });
});

test('adding keeps the newest entries only', () => {
  let map = {};
  for (let i = 0; i < 5; i += 1) map = addDismissed(map, `n${i}@1`, i, 3);
  assert.deepEqual(Object.keys(map).sort(), ['n2@1', 'n3@1', 'n4@1']);
  assert.equal(isDismissed(map, 'n4@1'), true);
  assert.equal(isDismissed(map, 'n0@1'), false);
  assert.equal(isDismissed(map, 'constructor'), false);
});

function memoryStorage() {
  const data = new Map();
  return {
    getItem: (k) => (data.has(k) ? data.get(k) : null),
    setItem: (k, v) => data.set(k, String(v)),
    data,
  };
}

test('the store remembers in storage and across instances', () => {
  const storage = memoryStorage();
  const a = createDismissStore(storage, () => 1);
  a.add('n@1');
  assert.equal(a.has('n@1'), true);
  assert.equal(a.has('n@2'), false);
  assert.equal(createDismissStore(storage).has('n@1'), true);
  assert.match(storage.data.get(STORAGE_KEY), /n@1/);
});

test('the store never throws when storage does', () => {
  const broken = { getItem() { throw new Error('denied'); }, setItem() { throw new Error('quota'); } };
  const s = createDismissStore(broken);
  s.add('n@1');
  assert.equal(s.has('n@1'), true);
  const none = createDismissStore(null);
  none.add('x@1');
  assert.equal(none.has('x@1'), true);
});
