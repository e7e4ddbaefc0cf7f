// Records: the archive package of an incident (a zip the server builds) and the list of ended
// incidents to download it from. The download is a fetch with the bearer token, saved from a blob:
// a plain link would carry no token.

import { h, fill } from './dom.js';
import { t, time } from './i18n.js';
import { call, ApiError } from './api.js';
import { load } from './session.js';
import { problemText } from './errors.js';

const enc = encodeURIComponent;

/** Fetches the incident's archive and hands it to the browser as a download under the server's file name. */
export async function downloadArchive(incidentId) {
  const session = load();
  let response;
  try {
    response = await fetch(`/api/v1/incidents/${enc(incidentId)}/archive`, {
      headers: session ? { Authorization: `Bearer ${session.accessToken}` } : {},
      cache: 'no-store',
    });
  } catch (_) {
    throw new ApiError(0, null);
  }
  if (!response.ok) {
    const problem = await response.json().catch(() => null);
    throw new ApiError(response.status, problem);
  }
  const disposition = response.headers.get('Content-Disposition') || '';
  const named = /filename="?([^";]+)"?/.exec(disposition);
  const url = URL.createObjectURL(await response.blob());
  const link = h('a', { href: url, download: named ? named[1] : `incident-${incidentId}.zip`, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  // The click has handed the blob to the download; the URL is not needed after this turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** The download button, with a status line that says what happened. */
export function archiveButton(incidentId, label = t('archive.download')) {
  const status = h('span', { class: 'status', role: 'status' });
  const button = h('button', {
    type: 'button',
    class: 'secondary',
    onclick: async () => {
      button.disabled = true;
      status.textContent = t('archive.downloading');
      try {
        await downloadArchive(incidentId);
        status.textContent = t('archive.downloaded');
      } catch (error) {
        status.textContent = problemText(error);
      } finally {
        button.disabled = false;
      }
    },
  }, label);
  return h('span', { class: 'archive-download' }, button, ' ', status);
}

export async function showArchive(main) {
  const ended = await call('GET', '/api/v1/incidents/ended');
  fill(main,
    h('h1', { id: 'view-title' }, t('archive.title')),
    h('p', { class: 'lede' }, t('archive.intro')),
    ended.length ? h('table', { class: 'list' },
      h('caption', { class: 'vh' }, t('archive.title')),
      h('thead', null, h('tr', null,
        ['field.headline', 'archive.endedAt', 'notices.state', 'archive.versions', 'archive.file'].map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', null, ended.map((i) => h('tr', { 'data-incident-id': i.incidentId },
        h('td', { lang: 'sv' }, i.headline),
        h('td', null, time(i.endedAt)),
        h('td', null, t(`state.${i.state}`)),
        h('td', null, String(i.versions)),
        h('td', null, archiveButton(i.incidentId, t('archive.downloadFile', { file: i.file })))))))
      : h('p', null, t('archive.empty')));
}
