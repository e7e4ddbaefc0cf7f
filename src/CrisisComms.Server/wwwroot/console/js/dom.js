// The console's only way to make elements: createElement and textContent. Never innerHTML, so
// text from the API (headlines, reasons, names) can never become markup.

/**
 * h('button', { class: 'primary', type: 'button', onclick: fn, 'aria-describedby': 'x' }, 'Text', child)
 * Props: class, text, hidden, disabled, checked, value, on* handlers, anything else as an attribute
 * (null / false / undefined leave it out). Children: nodes, strings (as text), arrays, null.
 */
export function h(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (key === 'value') node.value = value;
    else if (key === 'checked' || key === 'disabled' || key === 'hidden' || key === 'selected') node[key] = Boolean(value);
    else if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(node, child);
    else if (child instanceof Node) node.appendChild(child);
    else node.appendChild(document.createTextNode(String(child)));
  }
}

/** Replaces everything inside a node. */
export function fill(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

/** Moves focus to an element that is not normally focusable (a heading, a summary) without scrolling past it. */
export function focusOn(node) {
  if (!node) return;
  if (!node.hasAttribute('tabindex') && !/^(A|BUTTON|INPUT|SELECT|TEXTAREA)$/.test(node.tagName)) node.setAttribute('tabindex', '-1');
  node.focus();
}

/** A safe id fragment from any string: "sv-x-easy" → "sv-x-easy", "content.sv.headline" → "content-sv-headline". */
export function idPart(value) {
  return String(value).replace(/[^A-Za-z0-9_-]/g, '-');
}
