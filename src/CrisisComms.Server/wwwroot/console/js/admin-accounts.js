// Administration: local accounts. Each account is a card with its state (roles, disabled and why,
// last sign-in, second factor) and what an admin may do to it; the rules (an admin cannot change
// or disable their own account, a reason to disable, a long password) are the server's, and its
// answer is shown as it is. Whatever ends sessions is confirmed first.

import { h, fill, focusOn, idPart } from './dom.js';
import { t, swedishDateTime } from './i18n.js';
import { call } from './api.js';
import { confirmAction } from './confirm.js';
import { accountProblem, fieldMessage } from './admin-problems.js';
import { newAccountForm, ROLES } from './admin-account-form.js';

const enc = encodeURIComponent;

const accounts = {
  list: () => call('GET', '/api/v1/accounts'),
  save: (name, body) => call('PUT', `/api/v1/accounts/${enc(name)}`, body),
  disable: (name, reason) => call('POST', `/api/v1/accounts/${enc(name)}/disable`, { reason }),
  enable: (name, reason) => call('POST', `/api/v1/accounts/${enc(name)}/enable`, { reason }),
  signOut: (name) => call('POST', `/api/v1/accounts/${enc(name)}/sign-out`),
  password: (name, password) => call('POST', `/api/v1/accounts/${enc(name)}/password`, { password }),
  resetSecondFactor: (name) => call('POST', `/api/v1/accounts/${enc(name)}/second-factor/reset`),
};

const titleId = (name) => `acc-${idPart(name)}-title`;

export async function showAdminAccounts(view, ctx) {
  const m = { list: await accounts.list(), open: null, errors: {}, problem: '', newForm: { values: {}, errors: {} } };

  async function reload() {
    m.list = await accounts.list();
  }

  /** Runs one change; on success reloads, says what happened and puts focus on the card. */
  async function act(name, change, done) {
    m.problem = '';
    m.errors = {};
    try {
      await change();
      m.open = null;
      await reload();
      draw();
      ctx.announce(done);
      focusOn(document.getElementById(titleId(name)) || document.getElementById('view-title'));
    } catch (error) {
      if (error.status === 400 && Object.keys(error.errors).length) m.errors = error.errors;
      else m.problem = accountProblem(error);
      draw();
      const field = m.open && view.querySelector(`[data-panel="${m.open.panel}"] [aria-invalid="true"]`);
      focusOn(field || document.getElementById('accounts-problem'));
    }
  }

  const actions = {
    toggle(a, panel) {
      m.open = m.open && m.open.name === a.name && m.open.panel === panel ? null : { name: a.name, panel };
      m.errors = {};
      draw();
      if (m.open) focusOn(view.querySelector(`#${titleId(a.name)}`).closest('.account').querySelector(`[data-panel="${panel}"] input`));
      else focusOn(view.querySelector(`[data-opens="${panel}-${idPart(a.name)}"]`));
    },
    async roles(a, roles) {
      const before = a.roles.map((r) => t(`role.${r}`)).join(', ') || t('accounts.noRoles');
      const after = roles.map((r) => t(`role.${r}`)).join(', ') || t('accounts.noRoles');
      const ok = await confirmAction({ title: t('accounts.rolesConfirmTitle', { name: a.name }),
        text: [t('accounts.rolesConfirmText', { before, after }), t('accounts.endsSessions')], confirm: t('accounts.saveRoles') });
      if (ok) await act(a.name, () => accounts.save(a.name, { displayName: a.displayName, roles }), t('accounts.rolesSaved', { name: a.name }));
    },
    async disable(a) {
      const ok = await confirmAction({ title: t('accounts.disableTitle', { name: a.name }), text: [t('accounts.disableText'), t('accounts.endsSessions')],
        confirm: t('accounts.disable'), danger: true, reason: { label: t('field.reason'), hint: t('accounts.disableHint'), required: true } });
      if (ok) await act(a.name, () => accounts.disable(a.name, ok.reason), t('accounts.disabled', { name: a.name }));
    },
    async enable(a) {
      const ok = await confirmAction({ title: t('accounts.enableTitle', { name: a.name }), text: t('accounts.enableText'),
        confirm: t('accounts.enable'), reason: { label: t('field.reason'), hint: t('accounts.enableHint'), required: false } });
      if (ok) await act(a.name, () => accounts.enable(a.name, ok.reason), t('accounts.enabled', { name: a.name }));
    },
    async password(a, password) {
      const ok = await confirmAction({ title: t('accounts.passwordTitle', { name: a.name }), text: [t('accounts.passwordText'), t('accounts.endsSessions')],
        confirm: t('accounts.setPassword'), danger: true });
      if (ok) await act(a.name, () => accounts.password(a.name, password), t('accounts.passwordSet', { name: a.name }));
    },
    async signOut(a) {
      const ok = await confirmAction({ title: t('accounts.signOutTitle', { name: a.name }), text: t('accounts.endsSessions'),
        confirm: t('accounts.signOut'), danger: true });
      if (ok) await act(a.name, () => accounts.signOut(a.name), t('accounts.signedOut', { name: a.name }));
    },
    async resetSecondFactor(a) {
      const ok = await confirmAction({ title: t('accounts.resetFactorTitle', { name: a.name }), text: t('accounts.resetFactorText'),
        confirm: t('accounts.resetFactor'), danger: true });
      if (ok) await act(a.name, () => accounts.resetSecondFactor(a.name), t('accounts.factorReset', { name: a.name }));
    },
    async create(values) {
      m.newForm = { values, errors: {} };
      if (!values.name || values.exists) {
        m.newForm.errors = { name: [values.name ? t('accounts.nameTaken', { name: values.name }) : t('accounts.nameRequired')] };
        draw();
        focusOn(document.getElementById('account-new-summary'));
        return;
      }
      try {
        await accounts.save(values.name, { displayName: values.displayName || null, roles: values.roles, password: values.password });
        m.newForm = { values: {}, errors: {} };
        await reload();
        draw();
        ctx.announce(t('accounts.created', { name: values.name }));
        focusOn(document.getElementById(titleId(values.name)));
      } catch (error) {
        m.newForm.errors = error.status === 400 && Object.keys(error.errors).length ? error.errors : { '': [accountProblem(error)] };
        draw();
        focusOn(document.getElementById('account-new-summary'));
      }
    },
  };

  function draw() {
    fill(view,
      h('h1', { id: 'view-title' }, t('admin.accounts')),
      h('p', { class: 'lede' }, t('accounts.intro')),
      h('p', null, h('a', { href: '#account-new-title', onclick: (e) => { e.preventDefault(); focusOn(document.getElementById('a-name')); } },
        t('accounts.toNew'))),
      h('div', { id: 'accounts-problem', tabindex: '-1', class: m.problem ? 'error-summary' : null, role: 'alert' }, m.problem ? h('p', null, m.problem) : null),
      h('section', { 'aria-labelledby': 'accounts-list-title' },
        h('h2', { id: 'accounts-list-title' }, t('accounts.listTitle', { n: m.list.length })),
        h('ul', { class: 'cards accounts' }, m.list.map((a) => card(a, m, ctx.session, actions)))),
      newAccountForm(m.newForm, m.list, actions.create));
  }

  draw();
}

function card(a, m, session, actions) {
  const self = session && session.sub === a.name;
  const open = m.open && m.open.name === a.name ? m.open.panel : null;
  const opener = (panel, label) => h('button', { type: 'button', class: 'secondary', 'data-opens': `${panel}-${idPart(a.name)}`,
    'aria-expanded': open === panel ? 'true' : 'false', onclick: () => actions.toggle(a, panel) }, label, h('span', { class: 'vh' }, ` ${a.name}`));
  const button = (label, onclick, cls = 'secondary') => h('button', { type: 'button', class: cls, onclick }, label, h('span', { class: 'vh' }, ` ${a.name}`));
  return h('li', { class: `card account${a.disabled ? ' account-disabled' : ''}`, 'data-account': a.name },
    h('h2', { id: titleId(a.name), tabindex: '-1' }, a.displayName,
      a.displayName !== a.name ? [' ', h('span', { class: 'account-name' }, `(${a.name})`)] : null,
      self ? h('span', { class: 'tag' }, t('accounts.you')) : null),
    h('dl', { class: 'facts' },
      h('dt', null, t('accounts.roles')), h('dd', { 'data-fact': 'roles' }, a.roles.map((r) => t(`role.${r}`)).join(', ') || t('accounts.noRoles')),
      h('dt', null, t('accounts.status')), h('dd', { 'data-fact': 'status' }, a.disabled
        ? [h('span', { class: 'tag state-disabled' }, t('accounts.isDisabled')), a.disabledReason ? ` ${a.disabledReason}` : '']
        : t('accounts.isActive')),
      h('dt', null, t('accounts.lastSignIn')), h('dd', null, a.lastSignInAt
        ? h('time', { datetime: a.lastSignInAt }, swedishDateTime(a.lastSignInAt)) : t('accounts.never')),
      h('dt', null, t('accounts.secondFactor')), h('dd', { 'data-fact': 'secondFactor' }, t(`accounts.factor.${a.secondFactor}`)),
      h('dt', null, t('accounts.createdAt')), h('dd', null, h('time', { datetime: a.createdAt }, swedishDateTime(a.createdAt)))),
    h('div', { class: 'actions' },
      opener('roles', t('accounts.changeRoles')),
      a.disabled ? button(t('accounts.enable'), () => actions.enable(a)) : button(t('accounts.disable'), () => actions.disable(a), 'danger'),
      opener('password', t('accounts.newPassword')),
      button(t('accounts.signOut'), () => actions.signOut(a)),
      a.secondFactor !== 'none' ? button(t('accounts.resetFactor'), () => actions.resetSecondFactor(a)) : null),
    open === 'roles' ? rolesPanel(a, m.errors, actions) : null,
    open === 'password' ? passwordPanel(a, m.errors, actions) : null);
}

function rolesPanel(a, errors, actions) {
  const id = `r-${idPart(a.name)}`;
  const boxes = ROLES.map((r) => h('input', { type: 'checkbox', id: `${id}-${r}`, value: r, checked: a.roles.includes(r) }));
  return h('form', { class: 'panel', 'data-panel': 'roles', novalidate: true, onsubmit: (e) => {
    e.preventDefault();
    actions.roles(a, boxes.filter((b) => b.checked).map((b) => b.value));
  } },
  h('fieldset', { 'aria-describedby': `${id}-hint${errors.roles ? ` ${id}-error` : ''}` },
    h('legend', null, t('accounts.rolesOf', { name: a.name })),
    h('p', { class: 'hint', id: `${id}-hint` }, t('accounts.rolesHint')),
    errors.roles ? h('p', { class: 'field-error', id: `${id}-error` }, fieldMessage(errors.roles)) : null,
    boxes.map((b) => h('div', { class: 'choice' }, b, h('label', { for: b.id }, t(`role.${b.value}`))))),
  h('div', { class: 'actions' },
    h('button', { type: 'submit', class: 'primary' }, t('accounts.saveRoles')),
    h('button', { type: 'button', class: 'secondary', onclick: () => actions.toggle(a, 'roles') }, t('action.cancel'))));
}

function passwordPanel(a, errors, actions) {
  const id = `p-${idPart(a.name)}`;
  const input = h('input', { type: 'password', id, autocomplete: 'new-password', 'aria-required': 'true',
    'aria-invalid': errors.password ? 'true' : null, 'aria-describedby': `${id}-hint${errors.password ? ` ${id}-error` : ''}` });
  return h('form', { class: 'panel', 'data-panel': 'password', novalidate: true, onsubmit: (e) => {
    e.preventDefault();
    actions.password(a, input.value);
  } },
  h('div', { class: 'field' },
    h('label', { for: id }, t('accounts.newPasswordOf', { name: a.name })),
    h('p', { class: 'hint', id: `${id}-hint` }, t('accounts.passwordHint')),
    errors.password ? h('p', { class: 'field-error', id: `${id}-error` }, fieldMessage(errors.password)) : null,
    input),
  h('div', { class: 'actions' },
    h('button', { type: 'submit', class: 'primary' }, t('accounts.setPassword')),
    h('button', { type: 'button', class: 'secondary', onclick: () => actions.toggle(a, 'password') }, t('action.cancel'))));
}
