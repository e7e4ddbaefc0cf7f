// The API as the console uses it: JSON in and out, the bearer token on every call, and every
// failure as an ApiError carrying the problem's status, title and field errors. A change of a
// notice is given the notice as shown and sends If-Match with its revision, so it is made only
// on the version the officer saw (412 otherwise).

import { load } from './session.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
    this.status = status;
    this.title = (problem && problem.title) || '';
    this.type = (problem && problem.type) || '';
    this.detail = (problem && problem.detail) || '';
    this.errors = (problem && problem.errors) || {};
  }
}

let onUnauthorized = () => {};

/** Called when the server says 401: the token has expired or was refused. */
export function whenUnauthorized(handler) {
  onUnauthorized = handler;
}

export async function call(method, path, body, ifMatch, idempotencyKey) {
  const session = load();
  const headers = { Accept: 'application/json' };
  if (ifMatch) headers['If-Match'] = ifMatch;
  if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (session) headers.Authorization = `Bearer ${session.accessToken}`;
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store' });
  } catch (_) {
    throw new ApiError(0, null);
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch (_) {
    json = null;
  }
  if (response.status === 401 && session && !path.startsWith('/api/v1/auth/')) onUnauthorized();
  if (!response.ok) throw new ApiError(response.status, json);
  return json;
}

const enc = encodeURIComponent;

/** A notice as shown ({ id, revision }) or, where no version was shown, its id alone (no If-Match). */
function target(notice) {
  if (typeof notice === 'string') return { path: `/api/v1/notices/${enc(notice)}`, tag: undefined };
  return { path: `/api/v1/notices/${enc(notice.id)}`, tag: notice.revision === undefined ? undefined : `"${notice.revision}"` };
}

function change(notice, action, body, idempotencyKey) {
  const { path, tag } = target(notice);
  return call(action === 'PUT' ? 'PUT' : 'POST', action === 'PUT' ? path : `${path}/${action}`, body, tag, idempotencyKey);
}

/**
 * A new Idempotency-Key: one per form submission, sent again with the same body when the officer
 * retries after a lost answer, so the server answers the draft it made rather than a second one.
 * (getRandomValues, not randomUUID: that needs a secure context, which a plain-HTTP console is not.)
 */
export function newIdempotencyKey() {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

export const api = {
  signIn: (username, password, code) => call('POST', '/api/v1/auth/token', code ? { username, password, code } : { username, password }),
  startSecondFactor: () => call('POST', '/api/v1/auth/second-factor/enrolment'),
  confirmSecondFactor: (code) => call('POST', '/api/v1/auth/second-factor/confirm', { code }),
  providers: () => call('GET', '/api/v1/auth/providers'),
  channels: () => call('GET', '/api/v1/channels'),
  organisation: () => call('GET', '/api/v1/organisation'),
  saveOrganisation: (settings) => call('PUT', '/api/v1/organisation', settings),
  templates: () => call('GET', '/api/v1/templates'),
  createTemplate: (template) => call('POST', '/api/v1/templates', template),
  saveTemplate: (id, template) => call('PUT', `/api/v1/templates/${enc(id)}`, template),
  deleteTemplate: (id) => call('DELETE', `/api/v1/templates/${enc(id)}`),
  notice: (id) => call('GET', `/api/v1/notices/${enc(id)}`),
  notices: (query = {}) => {
    const q = new URLSearchParams(Object.entries(query).filter(([, v]) => v)).toString();
    return call('GET', `/api/v1/notices${q ? `?${q}` : ''}`);
  },
  create: (request, idempotencyKey) => call('POST', '/api/v1/notices', request, undefined, idempotencyKey),
  edit: (notice, request) => change(notice, 'PUT', request),
  followUp: (source, kind, request, idempotencyKey) =>
    change(source, kind === 'allClear' ? 'all-clear' : 'updates', request, idempotencyKey),
  submit: (notice) => change(notice, 'submit'),
  retractSubmission: (notice) => change(notice, 'retract-submission'),
  approve: (notice, breakGlass = false, reason = null) => change(notice, 'approve', { breakGlass, reason }),
  reject: (notice, reason) => change(notice, 'reject', { reason }),
  releaseNext: (notice) => change(notice, 'release-next'),
  withdraw: (notice, reason) => change(notice, 'withdraw', { reason }),
  // The API lists newest first; a notice's trail is read in time order, like its stage timeline.
  audit: (noticeId) => call('GET', `/api/v1/audit?noticeId=${enc(noticeId)}&limit=1000`).then((entries) => entries.reverse()),
};

/** Whether the server lists this action for this officer on this notice (see NoticeActions on the server). */
export const may = (notice, action) => Boolean(notice && Array.isArray(notice.actions) && notice.actions.includes(action));

/** The notice changed since it was shown (412): the caller reloads it and says so. */
export const changedUnder = (error) => Boolean(error && error.status === 412);
