import { test } from 'node:test';
import assert from 'node:assert/strict';
import { endpoints, findTokenFactory, readConfig } from '../src/config.js';

const attrs = (o) => (n) => (n in o ? o[n] : null);

test('the server is where the script came from', () => {
  const c = readConfig(attrs({ 'data-audience': 'public' }), 'https://crisis.example.se/widget/crisis-banner.js', 'https://www.linkoping.se/');
  assert.equal(c.origin, 'https://crisis.example.se');
  assert.equal(readConfig(attrs({}), '/widget/crisis-banner.js', 'http://localhost:5080/demo/public').origin, 'http://localhost:5080');
});

test('attributes: audience, mode, lang, target, hook, heading level; junk falls back', () => {
  const c = readConfig(attrs({
    'data-audience': 'Intranet', 'data-mode': 'exercise', 'data-lang': 'en', 'data-target': '#here',
    'data-token-hook': 'getToken', 'data-heading-level': '3',
  }), '/w.js', 'https://x.se/');
  assert.deepEqual(
    [c.audience, c.mode, c.lang, c.target, c.tokenHook, c.headingLevel],
    ['intranet', 'exercise', 'en', '#here', 'getToken', 3],
  );
  const d = readConfig(attrs({ 'data-audience': 'everyone', 'data-mode': 'drill', 'data-heading-level': '1' }), '/w.js', 'https://x.se/');
  assert.deepEqual([d.audience, d.mode, d.headingLevel], ['public', 'actual', 2]);
});

test('addresses: mode only when not actual', () => {
  assert.deepEqual(endpoints({ origin: 'https://c.se', audience: 'public', mode: 'actual' }), {
    hub: 'https://c.se/hubs/banners?audience=public',
    poll: 'https://c.se/api/v1/banners?audience=public',
  });
  assert.equal(endpoints({ origin: 'https://c.se', audience: 'intranet', mode: 'exercise' }).hub,
    'https://c.se/hubs/banners?audience=intranet&mode=exercise');
});

test('token: window.CrisisBanner.accessTokenFactory first, then the data-token-hook global', () => {
  const f = () => 'a';
  const g = () => 'b';
  assert.equal(findTokenFactory({ CrisisBanner: { accessTokenFactory: f }, hook: g }, 'hook'), f);
  assert.equal(findTokenFactory({ hook: g }, 'hook'), g);
  assert.equal(findTokenFactory({ auth: { hook: g } }, 'auth.hook'), g);
  assert.equal(findTokenFactory({ hook: 'x' }, 'hook'), null);
  assert.equal(findTokenFactory({}, 'alert(1)'), null);
  assert.equal(findTokenFactory({}, ''), null);
});
