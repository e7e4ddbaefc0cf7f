import { test } from 'node:test';
import assert from 'node:assert/strict';
import { THEME, css } from '../src/styles.js';

// WCAG 2.1 relative luminance and contrast ratio.
function luminance(hex) {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
export function contrast(a, b) {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

test('every text colour meets WCAG 2.1 AA (4.5:1) on its background', () => {
  for (const [name, { fg, bg }] of Object.entries(THEME)) {
    const ratio = contrast(fg, bg);
    assert.ok(ratio >= 4.5, `${name}: ${ratio.toFixed(2)}`);
  }
  assert.ok(contrast('#ffffff', '#000000') > 20.9);
});

test('the stylesheet touches nothing outside .ccb-root', () => {
  const rules = css().replace(/@media[^{]*\{/g, '').split('}').map((r) => r.split('{')[0].trim()).filter(Boolean);
  for (const selector of rules.flatMap((r) => r.split(','))) {
    assert.match(selector.trim(), /^\.ccb-root/, selector);
  }
});
