// The first sign-in of an account that must have a second factor: the token it has opens the
// enrolment and nothing else. The server draws the QR image; the secret is shown as text too.
// Then the recovery codes, once, and the officer is in.

import { h, fill, focusOn } from './dom.js';
import { t } from './i18n.js';
import { api } from './api.js';
import * as session from './session.js';
import { problemText } from './errors.js';

/** Draws the enrolment into main; calls done(session) when the officer has saved the codes, expired() when the token ran out. */
export async function showEnrolment(main, { done, expired }) {
  let enrolment;
  try {
    enrolment = await api.startSecondFactor();
  } catch (err) {
    if (err.status === 401) return expired();
    return fill(main, h('h1', { id: 'view-title' }, t('enrol.title')),
      h('div', { class: 'error-summary', role: 'alert' }, h('p', null, err.status === 409 ? t('enrol.already') : problemText(err))),
      h('button', { type: 'button', class: 'primary', onclick: expired }, t('enrol.signInAgain')));
  }
  const error = h('p', { id: 'enrol-code-error', class: 'field-error', hidden: true });
  const code = h('input', {
    id: 'enrol-code', name: 'code', inputmode: 'numeric', autocomplete: 'one-time-code', maxlength: '6', class: 'code-input',
    required: true, 'aria-required': 'true', 'aria-describedby': 'enrol-code-error',
  });
  const form = h('form', { class: 'signin', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: 'enrol-code' }, t('enrol.code')), error, code),
    h('button', { type: 'submit', class: 'primary', id: 'enrol-confirm' }, t('enrol.confirm')));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const wrong = (text) => {
      error.textContent = text;
      error.hidden = false;
      code.setAttribute('aria-invalid', 'true');
      focusOn(code);
    };
    if (!/^\d{6}$/.test(code.value.replace(/\s/g, ''))) return wrong(t('enrol.wrongCode'));
    try {
      const confirmed = await api.confirmSecondFactor(code.value.replace(/\s/g, ''));
      const full = session.fromToken(confirmed.accessToken, confirmed.expiresIn);
      if (!full) return wrong(t('errors.unexpected'));
      // Signed in from here on, so a reload does not ask to enrol again; the codes stay on screen until saved.
      session.save(full);
      showRecoveryCodes(main, confirmed.recoveryCodes, () => done(full));
    } catch (err) {
      if (err.status === 401) return expired();
      wrong(err.status === 400 ? t('enrol.wrongCode') : problemText(err));
    }
  });
  fill(main,
    h('h1', { id: 'view-title' }, t('enrol.title')),
    h('p', { class: 'lede' }, t('enrol.intro')),
    h('p', null, t('enrol.scan')),
    h('img', { class: 'qr', src: enrolment.qrCode, alt: t('enrol.qrAlt'), width: '240', height: '240' }),
    h('p', null, t('enrol.manual')),
    h('p', null, h('code', { id: 'enrol-secret', class: 'secret' }, enrolment.secret.replace(/(.{4})(?=.)/g, '$1 '))),
    h('p', null, t('enrol.codeStep')),
    form);
  focusOn(document.getElementById('view-title'));
}

function showRecoveryCodes(main, codes, onContinue) {
  fill(main,
    h('h1', { id: 'view-title' }, t('enrol.codesTitle')),
    h('p', { class: 'note', role: 'alert' }, t('enrol.codesIntro')),
    h('ol', { class: 'recovery-codes', 'aria-label': t('enrol.codesList') }, codes.map((c) => h('li', null, h('code', null, c)))),
    h('button', { type: 'button', class: 'primary', id: 'enrol-continue', onclick: onContinue }, t('enrol.continue')));
  focusOn(document.getElementById('view-title'));
}
