import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ensureStyle } from '../src/dom.js';
import { css } from '../src/styles.js';

// Just enough of a document for ensureStyle: where sheets can be adopted, and where they cannot.
function fakeDocument({ adopt }) {
  const appended = [];
  class CSSStyleSheet {
    replaceSync(text) { this.text = text; }
  }
  const doc = {
    appended,
    defaultView: adopt ? { CSSStyleSheet } : {},
    getElementById: (id) => appended.find((n) => n.id === id) || null,
    createElement: (tag) => ({ tag }),
    head: { appendChild: (node) => appended.push(node) },
  };
  if (adopt) doc.adoptedStyleSheets = [];
  return doc;
}

test('where the browser adopts stylesheets, the style is a constructed sheet: no <style> a strict CSP would block', () => {
  const doc = fakeDocument({ adopt: true });
  const hosts = { text: 'the host page sheet' };
  doc.adoptedStyleSheets = [hosts];
  ensureStyle(doc);
  ensureStyle(doc);
  assert.equal(doc.appended.length, 0);
  assert.equal(doc.adoptedStyleSheets.length, 2);
  assert.equal(doc.adoptedStyleSheets[0], hosts);
  assert.equal(doc.adoptedStyleSheets[1].text, css());
});

test('where it cannot, one <style id="ccb-style"> element, added once', () => {
  const doc = fakeDocument({ adopt: false });
  ensureStyle(doc);
  ensureStyle(doc);
  assert.equal(doc.appended.length, 1);
  assert.equal(doc.appended[0].tag, 'style');
  assert.equal(doc.appended[0].id, 'ccb-style');
  assert.equal(doc.appended[0].textContent, css());
});
