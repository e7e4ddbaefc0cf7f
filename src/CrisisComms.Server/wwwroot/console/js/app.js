// The console's shell: sign-in, the header, the language switch and a small hash router.
// Views draw into <main>; focus moves to each view's heading, so a screen reader hears where it is.

import { h, fill, focusOn } from './dom.js';
import { t, lang, setLang } from './i18n.js';
import { api, call, whenUnauthorized } from './api.js';
import * as session from './session.js';
import * as oidc from './oidc.js';
import { problemText } from './errors.js';
import { showCompose } from './compose.js';
import { showQueue } from './queue.js';
import { showNotices } from './notices.js';
import { showIncident } from './incident.js';
import { showEnrolment } from './second-factor.js';
import { showAdminChannels } from './admin/channels.js';
import { showAdmin, adminAllowed, adminCrumbs } from './admin.js';
import { showAdminAccounts } from './admin-accounts.js';
import { showAdminAudit } from './admin-audit.js';
import { showArchive } from './archive.js';
import { showOrganisationAdmin } from './admin/organisation.js';
import { showTemplatesAdmin } from './admin/templates.js';

const main = document.getElementById('main');
const ctx = { session: null, providers: null, channels: [], flash: '', leaving: [], announce, onLeave: (fn) => ctx.leaving.push(fn) };

const VIEWS = {
  compose: { show: showCompose, allowed: session.can.compose, nav: 'nav.compose' },
  queue: { show: showQueue, allowed: session.can.approve, nav: 'nav.queue' },
  notices: { show: showNotices, allowed: session.can.compose, nav: 'nav.notices' },
  notice: { show: showIncident, allowed: session.can.compose },
  // Administration: the index lists every entry with an `admin` string key (admin.js); one line each.
  admin: { show: (view, c) => showAdmin(view, c, VIEWS), allowed: (s) => adminAllowed(VIEWS, s), nav: 'nav.admin' },
  'admin-accounts': { show: showAdminAccounts, allowed: session.can.admin, admin: 'admin.accounts' },
  'admin-channels': { show: showAdminChannels, allowed: session.can.admin, admin: 'nav.adminChannels' },
  'admin-organisation': { show: showOrganisationAdmin, allowed: session.can.admin, admin: 'nav.adminOrganisation' },
  'admin-templates': { show: showTemplatesAdmin, allowed: session.can.admin, admin: 'nav.adminTemplates' },
  'admin-audit': { show: showAdminAudit, allowed: session.can.readAudit, admin: 'admin.audit' },
  archive: { show: showArchive, allowed: session.can.readAudit, nav: 'nav.archive' },
  // Staff (and an admin alone) see banners, not notices: the server refuses them the notices API.
  none: { show: showNoNotices, allowed: () => true },
};

function showNoNotices(view) {
  fill(view, h('h1', { id: 'view-title' }, t('app.noNotices')), h('p', { class: 'lede' }, t('app.noNoticesText')));
}

function announce(text) {
  const region = document.getElementById('announcer');
  region.lang = lang();
  region.textContent = '';
  setTimeout(() => { region.textContent = text; }, 50);
}

function parse() {
  const [name, ...params] = window.location.hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  return { name, params };
}

function drawChrome(current) {
  document.documentElement.lang = lang();
  document.title = t('app.title');
  document.getElementById('skip').textContent = t('app.skip');
  document.getElementById('brand-sub').textContent = t('app.console');
  document.getElementById('nav').setAttribute('aria-label', t('nav.label'));
  const other = lang() === 'sv' ? 'en' : 'sv';
  const switcher = document.getElementById('lang-switch');
  switcher.textContent = other === 'en' ? 'English' : 'Svenska';
  switcher.lang = other;
  switcher.setAttribute('aria-label', other === 'en' ? 'English – switch the console to English' : 'Svenska – byt konsolens språk till svenska');
  const s = ctx.session;
  fill(document.getElementById('nav'), s && !s.enrol ? h('ul', null, Object.entries(VIEWS).filter(([, v]) => v.nav && v.allowed(s)).map(([name, v]) =>
    h('li', null, h('a', { href: `#/${name}`, 'aria-current': currentness(name, current) }, t(v.nav))))) : null);
  fill(document.getElementById('who'), s ? [
    h('span', null, t('app.signedInAs'), ' ', h('strong', null, s.name), s.roles.length ? ` (${s.roles.map((r) => t(`role.${r}`)).join(', ')})` : ''),
    ' ',
    h('button', { type: 'button', class: 'link-button', id: 'sign-out', onclick: signOut }, t('app.signOut')),
  ] : null);
}

/** "page" on the view shown; "true" on Administration while one of its pages is shown. */
function currentness(name, current) {
  if (name === current) return 'page';
  return name === 'admin' && VIEWS[current] && VIEWS[current].admin ? 'true' : null;
}

function signOut() {
  // Signed in through the organisation: end that session too (see oidc.js), and come back here.
  const logout = ctx.session && ctx.session.logout;
  session.clear();
  ctx.session = null;
  if (logout) {
    window.location.assign(oidc.logoutUrl(logout));
    return;
  }
  window.location.hash = '#/';
  route();
}

// Views load before they draw. Each navigation gets a container of its own, so a view whose
// answer arrives after the officer has moved on draws into a detached node: it can neither cover
// the view now shown (and what is being typed in it) nor take its focus.
let navigation = 0;

async function route() {
  const current = ++navigation;
  for (const fn of ctx.leaving.splice(0)) fn();
  ctx.session = session.load();
  if (!ctx.session) return showSignIn();
  if (ctx.session.enrol) return enrol();
  let { name, params } = parse();
  if (!VIEWS[name] || !VIEWS[name].allowed(ctx.session)) name = session.can.compose(ctx.session) ? 'compose' : 'none';
  drawChrome(name);
  const view = h('div', { class: 'view' });
  fill(main, VIEWS[name].admin ? adminCrumbs() : null, view);
  try {
    await VIEWS[name].show(view, ctx, params);
  } catch (error) {
    fill(view, h('h1', { id: 'view-title' }, t('errors.title')), h('p', { class: 'field-error' }, problemText(error)));
  }
  if (current !== navigation) return;
  if (!main.contains(document.activeElement) && !document.querySelector('dialog[open]')) focusOn(document.getElementById('view-title'));
}

function showSignIn(message) {
  navigation++;
  drawChrome(null);
  const error = h('div', { id: 'signin-error', class: message ? 'error-summary' : null, role: 'alert' }, message ? h('p', null, message) : null);
  const user = h('input', { id: 'signin-user', name: 'username', autocomplete: 'username', required: true, 'aria-required': 'true' });
  const password = h('input', { id: 'signin-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true, 'aria-required': 'true' });
  // Asked for only when the server says the account has a second factor (after a right password).
  const code = h('input', { id: 'signin-code', name: 'code', inputmode: 'numeric', autocomplete: 'one-time-code', class: 'code-input', 'aria-describedby': 'signin-code-hint' });
  const codeField = h('div', { class: 'field', hidden: true },
    h('label', { for: 'signin-code' }, t('signin.code')), h('p', { id: 'signin-code-hint', class: 'hint' }, t('signin.codeHint')), code);
  const form = h('form', { class: 'signin', novalidate: true, 'aria-labelledby': 'view-title' },
    h('div', { class: 'field' }, h('label', { for: 'signin-user' }, t('signin.user')), user),
    h('div', { class: 'field' }, h('label', { for: 'signin-password' }, t('signin.password')), password),
    codeField,
    h('button', { type: 'submit', class: 'primary', id: 'signin-submit' }, t('signin.submit')));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const fail = (text, field) => {
      fill(error, h('p', null, text));
      error.className = 'error-summary';
      if (field) focusOn(field);
    };
    if (!user.value.trim()) return fail(t('signin.missingUser'), user);
    if (!password.value) return fail(t('signin.missingPassword'), password);
    try {
      const answer = await api.signIn(user.value.trim(), password.value, codeField.hidden ? null : code.value.trim());
      const s = session.fromToken(answer.accessToken, answer.expiresIn);
      if (!s) return fail(t('errors.unexpected'));
      await signedIn(s);
    } catch (err) {
      if (err.status === 401 && /second-factor-(required|wrong-code)$/.test(err.type)) {
        codeField.hidden = false;
        code.value = '';
        fail(t(err.type.endsWith('required') ? 'signin.codeNeeded' : 'signin.codeWrong'), code);
      } else if (err.status === 401) fail(t('signin.wrong'), user);
      else if (err.status === 429) fail(t('signin.tooMany'));
      else fail(problemText(err));
    }
  });
  const provider = ctx.providers && ctx.providers.oidc;
  const organisation = provider ? [
    h('button', { type: 'button', class: 'primary', id: 'signin-oidc', onclick: () => startOrganisationSignIn(provider) }, t('signin.oidc')),
    h('p', { class: 'signin-or' }, t('signin.orLocal')),
  ] : null;
  fill(main,
    h('h1', { id: 'view-title' }, t('signin.title')),
    h('p', { class: 'lede' }, t('signin.intro')),
    error,
    organisation,
    form);
  if (!message) focusOn(provider ? document.getElementById('signin-oidc') : user);
}

/** A first sign-in that must enrol the second factor: that view and nothing else until it is done. */
function enrol() {
  navigation++;
  drawChrome(null);
  const view = h('div', { class: 'view' });
  fill(main, view);
  return showEnrolment(view, {
    done: (s) => {
      announce(t('enrol.done'));
      return signedIn(s);
    },
    expired: () => {
      session.clear();
      ctx.session = null;
      showSignIn(t('signin.expired'));
    },
  });
}

async function signedIn(s) {
  session.save(s);
  // The roles the server acts on (only those it knows), rather than this page's reading of the
  // token's claims; without an answer the token's roles still decide what is offered.
  const me = await call('GET', '/api/v1/me').catch(() => null);
  if (me && Array.isArray(me.roles)) {
    s.roles = me.roles;
    session.save(s);
  }
  announce(t('signin.done', { name: s.name }));
  route();
}

async function startOrganisationSignIn(provider) {
  try {
    await oidc.start(provider);
  } catch (err) {
    showSignIn(organisationProblem(err));
  }
}

/** Back from the authority: the same session as a local sign-in, or the sign-in page with what went wrong. */
async function finishOrganisationSignIn(params) {
  try {
    const answer = await oidc.finish(params);
    const s = session.fromToken(answer.accessToken, answer.expiresIn);
    if (!s) return showSignIn(t('errors.unexpected'));
    if (!s.roles.length) return showSignIn(t('signin.oidcNoRole', { name: s.name }));
    s.logout = answer.logout;
    await signedIn(s);
  } catch (err) {
    showSignIn(organisationProblem(err));
  }
}

function organisationProblem(err) {
  if (err instanceof oidc.OidcError && err.kind === 'state') return t('signin.oidcState');
  if (err instanceof oidc.OidcError && err.kind === 'refused') return t('signin.oidcRefused', { reason: err.reason });
  return t('signin.oidcUnavailable');
}

async function loadProviders() {
  try {
    return await api.providers();
  } catch (_) {
    return null; // Local sign-in still works without it.
  }
}

whenUnauthorized(() => {
  session.clear();
  ctx.session = null;
  for (const fn of ctx.leaving.splice(0)) fn();
  showSignIn(t('signin.expired'));
});

document.getElementById('lang-switch').addEventListener('click', () => {
  setLang(lang() === 'sv' ? 'en' : 'sv');
  // What the live region said last was in the other language: a screen reader that reads it
  // again would read it in the wrong voice. It now says the switch, in the new language.
  const region = document.getElementById('announcer');
  region.lang = lang();
  announce(t('app.languageSwitched'));
  route().then(() => focusOn(document.getElementById('lang-switch')));
});
window.addEventListener('hashchange', route);

(async () => {
  ctx.providers = await loadProviders();
  const answer = oidc.returned();
  if (answer) return finishOrganisationSignIn(answer);
  route();
})();
