// Administration: an index of every page registered in VIEWS (app.js) with an `admin` string key,
// so a page added there appears here without a change to this file. Each page is offered only to
// the accounts its own `allowed` admits (the admin role; the audit log also to audit readers).

import { h, fill } from './dom.js';
import { t } from './i18n.js';

/** The administration pages this session may open, as [name, view] in VIEWS order. */
export function adminPages(views, s) {
  return Object.entries(views).filter(([, v]) => v.admin && v.allowed(s));
}

export function adminAllowed(views, s) {
  return adminPages(views, s).length > 0;
}

/** The way back to the index, above each administration page. */
export function adminCrumbs() {
  return h('nav', { class: 'crumbs', 'aria-label': t('admin.crumbs') },
    h('a', { href: '#/admin' }, t('nav.admin')));
}

export function showAdmin(view, ctx, views) {
  const pages = adminPages(views, ctx.session);
  fill(view,
    h('h1', { id: 'view-title' }, t('admin.title')),
    h('p', { class: 'lede' }, t('admin.intro')),
    h('ul', { class: 'admin-index' }, pages.map(([name, v]) => {
      const hint = t(`${v.admin}.hint`);
      return h('li', null,
        h('a', { href: `#/${name}`, id: `admin-link-${name}` }, t(v.admin)),
        hint === `${v.admin}.hint` ? null : h('p', { class: 'hint' }, hint));
    })));
}
