// The stage timeline (intranet done 12:03:04, public due 12:04:04 …), drawn from the stage fields, and
// the audit trail, shown as it was written.

import { h } from './dom.js';
import { t, time, clock, swedishDateTime } from './i18n.js';

export function stageName(name) {
  if (name.startsWith('social:')) return t(`channel.${name.slice(7)}`);
  if (name.startsWith('webhook:')) {
    const [hook, event] = name.slice(8).split(':');
    return event ? t('stage.webhookEvent', { name: hook, event: t(`webhookEvent.${event}`) }) : t('stage.webhook', { name: hook });
  }
  const label = t(`stage.${name}`);
  return label === `stage.${name}` ? name : label;
}

/** "klar 12:03:04", "planerad 12:04:04", "väntar på föregående steg" … */
export function stageText(s) {
  switch (s.state) {
    case 'done': return t('stageState.done', { time: clock(s.doneAt) });
    case 'scheduled': return s.dueAt ? t('stageState.scheduled', { time: clock(s.dueAt) }) : t('stageState.pending');
    case 'pending': return s.dueAt ? t('stageState.scheduled', { time: clock(s.dueAt) }) : t('stageState.pending');
    default: return t(`stageState.${s.state}`);
  }
}

/** The next stage that has not run: what "release next" would run now. */
export function nextStage(notice) {
  return (notice.stages || []).find((s) => !s.name.startsWith('webhook:') && (s.state === 'pending' || s.state === 'scheduled')) || null;
}

export function timeline(notice) {
  const stages = notice.stages || [];
  if (!stages.length) return h('p', { class: 'hint', id: 'timeline' }, t('incident.noStages'));
  return h('ol', { class: 'timeline', id: 'timeline' }, stages.map((s) => {
    const when = s.state === 'done' ? s.doneAt : s.dueAt;
    return h('li', { class: `stage stage-${s.state}`, 'data-stage': s.name, 'data-state': s.state },
      h('span', { class: 'stage-mark', 'aria-hidden': 'true' }, s.state === 'done' ? '\u2713' : s.state === 'failed' ? '!' : '\u2022'),
      h('span', { class: 'stage-name' }, stageName(s.name)),
      ' ',
      h('span', { class: 'stage-state' }, when ? h('time', { datetime: when, title: time(when) }, stageText(s)) : stageText(s)),
      s.attempts > 1 ? h('span', { class: 'stage-extra' }, ` ${t('incident.attempts', { n: s.attempts })}`) : null,
      s.error ? h('span', { class: 'stage-extra' }, ` \u2014 ${s.error}`) : null);
  }));
}

export function actionLabel(action) {
  const label = t(`audit.${action}`);
  return label === `audit.${action}` ? action : label;
}

/** For reading only, never to decide: stage names in a detail ("intranet", "public, social:x") read as the timeline names them; "update v2" as "Uppdatering v2". */
export function detailOf(e) {
  const followUp = e.detail && /^(alert|update|allClear) v(\d+)$/.exec(e.detail);
  if (followUp) return `${t(`kind.${followUp[1]}`)} v${followUp[2]}`;
  const by = e.detail && /^by v(\d+) \(([0-9a-f]+)\)$/.exec(e.detail);
  if (by) return t('audit.byVersion', { version: by[1] });
  if (!e.detail || !(e.action.startsWith('stage.') || e.action === 'notice.releasedNext')) return e.detail;
  return e.detail.replace(/\b(intranet|public|social:\w+)\b/g, (name) => stageName(name));
}

export function auditTable(entries) {
  if (!entries.length) return h('p', null, t('incident.noAudit'));
  return h('table', { class: 'list audit', id: 'audit' },
    h('caption', { class: 'vh' }, t('incident.audit')),
    h('thead', null, h('tr', null, ['audit.at', 'audit.actor', 'audit.action', 'audit.why'].map((k) => h('th', { scope: 'col' }, t(k))))),
    h('tbody', null, entries.map((e) => h('tr', null,
      h('td', null, h('time', { datetime: e.at }, swedishDateTime(e.at, { seconds: true }))),
      h('td', null, e.actorName || e.actor),
      h('td', null, actionLabel(e.action)),
      h('td', null, [e.reason, detailOf(e)].filter(Boolean).join(' \u2014 '))))));
}
