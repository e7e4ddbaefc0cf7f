// Administration: local accounts.

import { h, fill } from './dom.js';
import { t } from './i18n.js';

export async function showAdminAccounts(view) {
  fill(view, h('h1', { id: 'view-title' }, t('admin.accounts')));
}
