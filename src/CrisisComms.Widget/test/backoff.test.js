import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backoffDelay, pollDelay, CAP_MS } from '../src/backoff.js';

test('backoff grows, stays within half-to-full of each step, and is capped', () => {
  assert.equal(backoffDelay(0, () => 0), 500);
  assert.equal(backoffDelay(0, () => 1), 1000);
  assert.equal(backoffDelay(1, () => 0), 1000);
  assert.equal(backoffDelay(3, () => 1), 8000);
  assert.equal(backoffDelay(10, () => 1), CAP_MS);
  assert.equal(backoffDelay(10, () => 0), CAP_MS / 2);
  assert.equal(backoffDelay(1e9, () => 1), CAP_MS);
});

test('backoff never gives up and never returns nonsense', () => {
  for (const attempt of [undefined, null, -1, NaN, Infinity, 0.5, 1e6]) {
    const d = backoffDelay(attempt, Math.random);
    assert.ok(Number.isInteger(d) && d >= 500 && d <= CAP_MS, `${attempt} -> ${d}`);
  }
  assert.ok(backoffDelay(2, () => NaN) > 0);
});

test('jitter spreads clients: many browsers do not retry in lockstep', () => {
  const delays = new Set();
  for (let i = 0; i < 200; i += 1) delays.add(backoffDelay(4, Math.random));
  assert.ok(delays.size > 100, `only ${delays.size} distinct delays`);
  for (const d of delays) assert.ok(d >= 8000 && d <= 16000);
});

test('polling every 5 to 10 seconds', () => {
  assert.equal(pollDelay(() => 0), 5000);
  assert.equal(pollDelay(() => 1), 10000);
  for (let i = 0; i < 100; i += 1) {
    const d = pollDelay();
    assert.ok(d >= 5000 && d <= 10000);
  }
});
