// The API as the console uses it: JSON in and out, the bearer token on every call, and every
// failure as an ApiError carrying the problem's status, title and field errors.

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

export async function call(method, path, body) {
  const session = load();
  const headers = { Accept: 'application/json' };
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

export const api = {
  signIn: (username, password, code) => call('POST', '/api/v1/auth/token', code ? { username, password, code } : { username, password }),
  startSecondFactor: () => call('POST', '/api/v1/auth/second-factor/enrolment'),
  confirmSecondFactor: (code) => call('POST', '/api/v1/auth/second-factor/confirm', { code }),
  providers: () => call('GET', '/api/v1/auth/providers'),
  channels: () => call('GET', '/api/v1/channels'),
  notice: (id) => call('GET', `/api/v1/notices/${enc(id)}`),
  notices: (query = {}) => {
    const q = new URLSearchParams(Object.entries(query).filter(([, v]) => v)).toString();
    return call('GET', `/api/v1/notices${q ? `?${q}` : ''}`);
  },
  create: (request) => call('POST', '/api/v1/notices', request),
  edit: (id, request) => call('PUT', `/api/v1/notices/${enc(id)}`, request),
  followUp: (id, kind, request) => call('POST', `/api/v1/notices/${enc(id)}/${kind === 'allClear' ? 'all-clear' : 'updates'}`, request),
  submit: (id) => call('POST', `/api/v1/notices/${enc(id)}/submit`),
  approve: (id, breakGlass = false, reason = null) => call('POST', `/api/v1/notices/${enc(id)}/approve`, { breakGlass, reason }),
  reject: (id, reason) => call('POST', `/api/v1/notices/${enc(id)}/reject`, { reason }),
  releaseNext: (id) => call('POST', `/api/v1/notices/${enc(id)}/release-next`),
  withdraw: (id, reason) => call('POST', `/api/v1/notices/${enc(id)}/withdraw`, { reason }),
  audit: (noticeId) => call('GET', `/api/v1/audit?noticeId=${enc(noticeId)}`),
};
