// The thin DOM layer: draws a view (from view.js) with createElement and textContent only.
// Never innerHTML, never insertAdjacentHTML: message text can never become markup.

import { css, STYLE_ID } from './styles.js';
import { itemSignature } from './view.js';
import { languageName, directionOf } from './labels.js';
import { EASY_SWEDISH, normalizeTag } from './language.js';

/** lang and dir together: the direction comes from the tag, not from dir="auto"'s guess. */
function speak(node, lang, dir) {
  node.lang = lang;
  node.dir = dir;
  return node;
}

function el(doc, tag, className, textValue) {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  if (textValue != null) node.textContent = textValue;
  return node;
}

let mountCount = 0;

/**
 * Adds the stylesheet once per page. A constructed stylesheet, adopted by the document, is no
 * inline style: a host page whose Content-Security-Policy has no style-src 'unsafe-inline' still
 * applies it. A <style> element only where the browser cannot adopt sheets (Safari before 16.4).
 */
export function ensureStyle(doc) {
  if (doc.getElementById(STYLE_ID)) return;
  const Sheet = doc.defaultView && doc.defaultView.CSSStyleSheet;
  if (Array.isArray(doc.adoptedStyleSheets) && typeof Sheet === 'function') {
    if (doc.adoptedStyleSheets.some((s) => s[STYLE_ID])) return;
    try {
      const sheet = new Sheet();
      sheet.replaceSync(css());
      sheet[STYLE_ID] = true;
      doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
      return;
    } catch (_) { /* not constructable here: the element below */ }
  }
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  style.textContent = css();
  (doc.head || doc.documentElement).appendChild(style);
}

/**
 * The widget's container: inside the data-target element, or first in <body>.
 * Its live regions exist from the start, empty, so later additions are announced.
 */
export function mountRoot(doc, target) {
  ensureStyle(doc);
  let host = null;
  if (target) {
    host = doc.getElementById(target.replace(/^#/, ''));
    if (!host) {
      try {
        host = doc.querySelector(target);
      } catch (_) {
        host = null;
      }
    }
  }
  const root = el(doc, 'div', 'ccb-root');
  root.setAttribute('tabindex', '-1');
  const langs = el(doc, 'div', 'ccb-langs');
  langs.setAttribute('role', 'group');
  langs.hidden = true;
  const alerts = el(doc, 'div', 'ccb-alerts');
  const polite = el(doc, 'div', 'ccb-polite');
  polite.setAttribute('aria-live', 'polite');
  root.append(langs, alerts, polite);
  if (host) {
    host.appendChild(root);
  } else {
    // First in <body>, but after the page's own skip links, so they stay the first stop.
    let before = doc.body.firstElementChild;
    while (before && before.tagName === 'A' && (before.getAttribute('href') || '').charAt(0) === '#') {
      before = before.nextElementSibling;
    }
    doc.body.insertBefore(root, before);
  }
  mountCount += 1;
  return {
    root, langs, alerts, polite, items: new Map(), langsSignature: '', langsLabelId: `ccb-langs-label-${mountCount}`,
  };
}

function fillItem(doc, node, item, headingLevel) {
  node.className = `ccb-banner ccb-${item.severity}${item.mode !== 'actual' ? ' ccb-exercise' : ''}${item.source === 'vma' ? ' ccb-vma' : ''}`;
  node.setAttribute('data-ccb-source', item.source);
  node.setAttribute('data-ccb-id', item.id);
  node.setAttribute('data-ccb-version', String(item.version));
  node.setAttribute('data-ccb-severity', item.severity);
  node.setAttribute('data-ccb-kind', item.kind);
  node.setAttribute('data-ccb-mode', item.mode);
  node.setAttribute('data-ccb-lang', item.textLang);

  let msg = node.querySelector('.ccb-msg');
  const fresh = !msg;
  if (fresh) {
    msg = el(doc, 'div', 'ccb-msg');
    // Critical: announced once, assertively, when it first appears. Kept on the same element
    // (keyed by id@version) so a new snapshot does not announce it again.
    if (item.announce === 'alert') msg.setAttribute('role', 'alert');
  }
  const parts = [];

  const tags = el(doc, 'p', 'ccb-tags');
  speak(tags, item.labelLang, item.labelDir);
  if (item.sourceLabel) tags.append(el(doc, 'span', 'ccb-badge ccb-source', item.sourceLabel));
  if (item.modeLabel) tags.append(el(doc, 'span', 'ccb-badge ccb-mode', item.modeLabel));
  tags.append(el(doc, 'span', 'ccb-severity', item.severityLabel));
  if (item.kindLabel) tags.append(el(doc, 'span', 'ccb-kind', item.kindLabel));
  parts.push(tags);

  const headline = el(doc, `h${headingLevel}`, 'ccb-headline', item.headline);
  speak(headline, item.textLang, item.textDir);
  parts.push(headline);

  for (const field of ['lead', 'body']) {
    if (!item[field]) continue;
    const p = el(doc, 'p', `ccb-${field}`, item[field]);
    speak(p, item.textLang, item.textDir);
    parts.push(p);
  }
  if (item.instruction) {
    const p = el(doc, 'p', 'ccb-instruction');
    const label = el(doc, 'strong', null, `${item.instructionLabel} `);
    speak(label, item.labelLang, item.labelDir);
    const value = el(doc, 'span', null, item.instruction);
    speak(value, item.textLang, item.textDir);
    p.append(label, value);
    parts.push(p);
  }
  if (item.link) {
    const p = el(doc, 'p', 'ccb-link');
    const a = el(doc, 'a');
    a.href = item.link;
    speak(a, item.labelLang, item.labelDir);
    a.append(doc.createTextNode(item.linkText));
    if (item.linkIsExternal) {
      a.rel = 'external noopener noreferrer';
      const symbol = el(doc, 'span', 'ccb-ext', ' \u2197');
      symbol.setAttribute('aria-hidden', 'true');
      a.append(symbol, el(doc, 'span', 'ccb-vh', ` ${item.externalText}`));
    } else {
      a.rel = 'noopener';
    }
    p.append(a);
    parts.push(p);
  }
  const meta = el(doc, 'p', 'ccb-meta');
  speak(meta, item.labelLang, item.labelDir);
  if (item.sender) {
    const sender = el(doc, 'span', 'ccb-sender', `${item.senderLabel} ${item.sender}`);
    meta.append(sender);
  }
  if (item.published) {
    if (item.sender) meta.append(doc.createTextNode(' \u00b7 '));
    meta.append(doc.createTextNode(`${item.publishedLabel} `));
    const time = el(doc, 'time', null, item.published);
    if (item.publishedIso) time.setAttribute('datetime', item.publishedIso);
    meta.append(time);
  }
  if (meta.childNodes.length) parts.push(meta);

  msg.replaceChildren(...parts);

  let button = node.querySelector('.ccb-dismiss');
  if (!button) {
    button = el(doc, 'button', 'ccb-dismiss');
    button.type = 'button';
    button.setAttribute('data-ccb-dismiss', item.key);
  }
  speak(button, item.labelLang, item.labelDir);
  button.textContent = item.dismissText;
  button.setAttribute('aria-label', item.dismissLabel);
  if (fresh) node.append(msg, button);
}

function placeInOrder(container, nodes) {
  let cursor = container.firstChild;
  for (const node of nodes) {
    if (node === cursor) {
      cursor = cursor.nextSibling;
    } else {
      // Moves a node only when it is out of place: a move could be read out again.
      container.insertBefore(node, cursor);
    }
  }
  while (cursor) {
    const next = cursor.nextSibling;
    container.removeChild(cursor);
    cursor = next;
  }
}

function renderLanguages(doc, mounted, view, onLanguage) {
  const { langs } = mounted;
  const show = view.items.length > 0 && view.languages.length > 1;
  const signature = show ? JSON.stringify([view.languages, view.currentLanguage, view.languagesLabel]) : '';
  if (signature === mounted.langsSignature) return;
  mounted.langsSignature = signature;
  langs.hidden = !show;
  if (!show) {
    langs.replaceChildren();
    return;
  }
  speak(langs, view.labelLang, view.labelDir);
  const label = el(doc, 'span', 'ccb-langs-label', view.languagesLabel);
  label.id = mounted.langsLabelId;
  langs.setAttribute('aria-labelledby', label.id);
  const buttons = view.languages.map((tag) => {
    const b = el(doc, 'button', null, languageName(tag));
    b.type = 'button';
    const n = normalizeTag(tag);
    speak(b, n === EASY_SWEDISH ? 'sv' : n, directionOf(n));
    b.setAttribute('data-ccb-language', tag);
    b.setAttribute('aria-pressed', String(normalizeTag(view.currentLanguage) === n));
    b.addEventListener('click', () => onLanguage(tag));
    return b;
  });
  langs.replaceChildren(label, ...buttons);
}

/** Draws the view; keeps the element of each banner (id@version) that is still shown. */
export function render(doc, mounted, view, { headingLevel = 2, onDismiss, onLanguage }) {
  const { root, alerts, polite, items } = mounted;
  const wanted = new Set(view.items.map((i) => i.key));
  for (const [key, entry] of items) {
    if (!wanted.has(key)) {
      entry.node.remove();
      items.delete(key);
    }
  }
  const alertNodes = [];
  const politeNodes = [];
  for (const item of view.items) {
    const signature = itemSignature(item) + headingLevel;
    let entry = items.get(item.key);
    if (entry && entry.announce !== item.announce) {
      entry.node.remove();
      items.delete(item.key);
      entry = undefined;
    }
    if (!entry) {
      const node = el(doc, 'div');
      entry = { node, signature: '', announce: item.announce };
      items.set(item.key, entry);
      const key = item.key;
      node.addEventListener('click', (event) => {
        const t = event.target;
        if (t && t.closest && t.closest('.ccb-dismiss')) onDismiss(key);
      });
    }
    if (entry.signature !== signature) {
      fillItem(doc, entry.node, item, headingLevel);
      entry.signature = signature;
    }
    (item.announce === 'alert' ? alertNodes : politeNodes).push(entry.node);
  }
  placeInOrder(alerts, alertNodes);
  placeInOrder(polite, politeNodes);
  renderLanguages(doc, mounted, view, onLanguage);

  if (view.items.length > 0) {
    root.setAttribute('role', 'region');
    root.setAttribute('aria-label', view.regionLabel);
    speak(root, view.labelLang, view.labelDir);
  } else {
    root.removeAttribute('role');
    root.removeAttribute('aria-label');
    root.removeAttribute('lang');
    root.removeAttribute('dir');
  }
  root.setAttribute('data-ccb-count', String(view.items.length));
  if (view.revision !== null) root.setAttribute('data-ccb-revision', String(view.revision));
}

/** After a dismiss: focus the next banner's close button, or the container; never the page. */
export function focusAfterDismiss(mounted, index) {
  const buttons = mounted.root.querySelectorAll('.ccb-dismiss');
  const next = buttons[Math.min(index, buttons.length - 1)];
  if (next) next.focus();
  else mounted.root.focus({ preventScroll: true });
}
