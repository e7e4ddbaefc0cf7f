// A confirmation that says what will happen, as a modal <dialog>: focus moves into it, Escape
// cancels, and focus goes back to the button that opened it. A reason can be asked for.

import { h, focusOn } from './dom.js';
import { t } from './i18n.js';

/**
 * Resolves to { reason } when confirmed, null when cancelled.
 * options: { title, text (string, or a list of strings and nodes such as a list), confirm, danger, reason: { label, hint, required } }
 */
export function confirmAction(options) {
  const opener = document.activeElement;
  return new Promise((resolve) => {
    const reasonId = 'confirm-reason';
    const error = h('p', { class: 'field-error', id: `${reasonId}-error`, hidden: true });
    const reason = options.reason
      ? h('textarea', { id: reasonId, rows: 3, 'aria-required': options.reason.required ? 'true' : null, 'aria-describedby': `${reasonId}-hint ${reasonId}-error` })
      : null;
    const texts = Array.isArray(options.text) ? options.text : [options.text];
    const dialog = h('dialog', { class: 'confirm', 'aria-labelledby': 'confirm-title', 'aria-describedby': 'confirm-text' },
      h('h2', { id: 'confirm-title' }, options.title),
      h('div', { id: 'confirm-text' }, texts.filter(Boolean).map((x) => (x instanceof Node ? x : h('p', null, x)))),
      reason ? h('div', { class: 'field' },
        h('label', { for: reasonId }, options.reason.label, options.reason.required ? h('span', { class: 'req' }, ` ${t('compose.required')}`) : ''),
        h('p', { class: 'hint', id: `${reasonId}-hint` }, options.reason.hint || ''),
        error, reason) : null,
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: options.danger ? 'danger' : 'primary', id: 'confirm-yes', onclick: () => done(true) }, options.confirm),
        h('button', { type: 'button', class: 'secondary', id: 'confirm-no', onclick: () => done(false) }, t('action.cancel'))));

    let settled = false;
    function done(yes) {
      if (yes && reason && options.reason.required && !reason.value.trim()) {
        error.hidden = false;
        error.textContent = t('confirm.reasonRequired');
        reason.setAttribute('aria-invalid', 'true');
        reason.focus();
        return;
      }
      settled = true;
      dialog.close();
      dialog.remove();
      if (opener && opener.isConnected) opener.focus();
      resolve(yes ? { reason: reason ? reason.value.trim() : null } : null);
    }
    dialog.addEventListener('cancel', (e) => {
      e.preventDefault();
      done(false);
    });
    dialog.addEventListener('close', () => {
      if (!settled) resolve(null);
    });
    document.body.appendChild(dialog);
    dialog.showModal();
    focusOn(reason || dialog.querySelector('#confirm-no'));
  });
}
