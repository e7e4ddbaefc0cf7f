// Administration: the audit log.

import { h, fill } from './dom.js';
import { t } from './i18n.js';

export async function showAdminAudit(view) {
  fill(view, h('h1', { id: 'view-title' }, t('admin.audit')));
}
