// The live incident view: the notice, its stage timeline kept current as it changes, the actions
// that move the incident on (each confirmed in words; exactly those the server lists in the
// notice's `actions`, each sent with If-Match), and the audit trail. Changes are pushed
// over /hubs/notices (the server says "this incident changed", the view reads it through the
// API); a slow poll stays on as a safety net, and a fast one takes over while the push is down.

import { h, fill, focusOn } from './dom.js';
import { t, time, swedishDateTime } from './i18n.js';
import { api, may, changedUnder } from './api.js';
import { can } from './session.js';
import { confirmAction } from './confirm.js';
import { problemText } from './errors.js';
import { headlineOf, noticeTags } from './notices.js';
import { archiveButton } from './archive.js';
import { timeline, auditTable, nextStage, stageName, stageText } from './timeline.js';
import { followNotices, oneAtATime } from './live.js';
import { showReview } from './review.js';

const POLL_MS = 1500; // while the push connection is down (or could not load)
const LIVE_POLL_MS = 20000; // while it is up: only for a signal lost on the way

export async function showIncident(main, ctx, [id]) {
  let timer = null;
  let stopped = false;
  let live = false;
  let follower = null;
  // Registered before the first request: an officer who leaves while it loads stops the polling too.
  ctx.onLeave(() => {
    stopped = true;
    clearTimeout(timer);
    if (follower) follower.stop();
  });
  let notice = await api.notice(id);
  let shownSignature = '';
  let actionsSignature = '';
  let versionsSignature = '';
  let auditSignature = '';
  let lastStages = new Map();

  const head = h('div');
  const stagesBox = h('div');
  const actionsBox = h('div', { class: 'actions' });
  const message = h('p', { class: 'status', role: 'status', id: 'incident-status' });
  const connection = h('p', { class: 'hint', id: 'poll-status' });
  const reviewBox = h('div', { class: 'review' });
  const versionsBox = h('div');
  const auditBox = h('div');

  fill(main,
    head,
    h('section', { 'aria-labelledby': 'timeline-title' },
      h('h2', { id: 'timeline-title' }, t('incident.timeline')),
      h('p', { class: 'hint' }, t('incident.timelineHint')),
      stagesBox, connection),
    h('section', { 'aria-labelledby': 'actions-title' }, h('h2', { id: 'actions-title' }, t('incident.actions')), message, actionsBox,
      // The archive holds the audit trail: offered to those who may read it (the server checks again).
      can.readAudit(ctx.session) ? h('p', null, archiveButton(notice.incidentId)) : null),
    h('section', { 'aria-labelledby': 'review-title' }, h('h2', { id: 'review-title' }, t('review.title')), reviewBox),
    h('section', { 'aria-labelledby': 'versions-title' }, h('h2', { id: 'versions-title' }, t('incident.versions')), versionsBox),
    can.readAudit(ctx.session)
      ? h('section', { 'aria-labelledby': 'audit-title' }, h('h2', { id: 'audit-title' }, t('incident.audit')), auditBox)
      : null);

  // After an action the buttons may change: focus goes to the result rather than being lost.
  const done = async (text) => {
    message.textContent = text;
    await tick();
    if (!main.contains(document.activeElement) || document.activeElement === main) focusOn(message);
  };
  // The notice changed under the officer (412): say so, and show what it is now.
  const failed = async (error) => {
    message.textContent = problemText(error);
    if (changedUnder(error)) {
      await tick();
      focusOn(message);
    }
  };
  const current = () => notice;

  async function render() {
    const signature = JSON.stringify([notice.state, notice.updatedAt, notice.stages]);
    // A newer version of the incident (submitted, approved) changes this notice in nothing: the
    // list of versions and the audit trail are read on every signal all the same.
    if (signature !== shownSignature) drawNotice(signature);
    const versions = await api.notices({ incidentId: notice.incidentId }).catch(() => null);
    const versionsSig = versions ? JSON.stringify(versions.map((v) => [v.id, v.state, v.updatedAt])) : versionsSignature;
    if (versions && versionsSig !== versionsSignature) fill(versionsBox, versionList(versions, notice.id));
    if (can.readAudit(ctx.session) && (versionsSig !== versionsSignature || signature !== auditSignature)) {
      const entries = await api.audit(notice.id).catch(() => null);
      if (entries) fill(auditBox, auditTable(entries));
    }
    versionsSignature = versionsSig;
    auditSignature = signature;
  }

  function drawNotice(signature) {
    shownSignature = signature;
    const headingHadFocus = head.contains(document.activeElement);
    fill(head, headerOf(notice));
    if (headingHadFocus) focusOn(document.getElementById('view-title'));
    fill(stagesBox, timeline(notice));
    announceStages(notice, lastStages, ctx);
    lastStages = new Map((notice.stages || []).map((s) => [s.name, s.state]));
    const available = actionsFor(notice);
    const sig = available.map((a) => a.key).join();
    if (sig !== actionsSignature) {
      actionsSignature = sig;
      // Each button acts on the notice as shown when it is pressed (current()), not as it was drawn.
      fill(actionsBox, available.length ? available.map((a) => a.node({ done, failed, current })) : h('p', null, t('incident.noActions')));
    }
    showReview(reviewBox, notice);
  }

  const read = oneAtATime(async () => {
    if (stopped) return;
    try {
      notice = await api.notice(id);
      connection.textContent = t(live ? 'incident.live' : 'incident.updated', { time: time(new Date().toISOString()) });
      await render();
    } catch (error) {
      connection.textContent = problemText(error);
    }
  });
  async function tick() {
    await read();
    clearTimeout(timer);
    if (!stopped) timer = setTimeout(tick, live ? LIVE_POLL_MS : POLL_MS);
  }

  await render();
  if (stopped) return;
  timer = setTimeout(tick, POLL_MS);
  follower = followNotices({ incident: notice.incidentId }, ctx, {
    onChanged: () => tick(),
    onLive: (up) => {
      live = up;
      tick(); // whatever changed meanwhile; then the poll interval that fits
    },
  });
}

function headerOf(n) {
  return [
    h('h1', { id: 'view-title', lang: 'sv' }, headlineOf(n)),
    noticeTags(n),
    n.content && n.content.sv && n.content.sv.lead ? h('p', { class: 'lede', lang: 'sv' }, n.content.sv.lead) : null,
    n.state === 'rejected' && n.reason ? h('p', { class: 'note' }, t('incident.rejectedBecause', { reason: n.reason })) : null,
    n.state === 'withdrawn' && n.reason ? h('p', { class: 'note' }, t('incident.withdrawnBecause', { reason: n.reason })) : null,
    h('dl', { class: 'facts' },
      h('dt', null, t('field.sender')), h('dd', null, n.sender),
      h('dt', null, t('field.link')), h('dd', null, n.link || t('notice.none'), n.linkIsExternal ? ` (${t('notice.external')})` : ''),
      h('dt', null, t('notice.createdBy')), h('dd', null, `${n.createdBy}, ${time(n.createdAt)}`),
      n.approvedBy ? [h('dt', null, t('notice.approvedBy')), h('dd', null, `${n.approvedBy}, ${time(n.approvedAt)}`,
        n.breakGlass ? ` \u2014 ${t('notice.breakGlass', { reason: n.reason || '' })}` : '')] : null,
      // An all-clear ends by closing, not by an expiry: only "Avslutas" is shown for it.
      n.kind === 'allClear' ? null : [h('dt', null, t('field.expiresAt')), h('dd', null, n.expiresAt ? swedishDateTime(n.expiresAt) : t('notice.none'))],
      n.closesAt ? [h('dt', null, t('notice.closesAt')), h('dd', null, swedishDateTime(n.closesAt))] : null),
  ];
}

function announceStages(notice, before, ctx) {
  if (!before.size) return;
  for (const s of notice.stages || []) {
    if (before.get(s.name) !== s.state && (s.state === 'done' || s.state === 'failed')) ctx.announce(`${stageName(s.name)}: ${stageText(s)}`);
  }
}

function versionList(versions, currentId) {
  return h('ol', { class: 'versions' }, [...versions].sort((a, b) => a.version - b.version).map((v) => h('li', null,
    v.id === currentId
      ? h('span', { 'aria-current': 'page' }, `v${v.version} ${t(`kind.${v.kind}`)}: `, h('span', { lang: 'sv' }, headlineOf(v)))
      : h('a', { href: `#/notice/${v.id}` }, `v${v.version} ${t(`kind.${v.kind}`)}: `, h('span', { lang: 'sv' }, headlineOf(v))),
    ` \u2014 ${t(`state.${v.state}`)}`)));
}

function button(id, cls, label, onclick) {
  return h('button', { type: 'button', class: cls, id, onclick }, label);
}

/** The actions the server lists for this officer on this notice now, each with its confirmation. */
function actionsFor(n) {
  const list = [];
  const next = nextStage(n);
  if (may(n, 'releaseNext') && next) {
    list.push({ key: `release:${next.name}`, node: (r) => button('release-next', 'primary', t('incident.release', { stage: stageName(next.name) }), async () => {
      const stage = nextStage(r.current());
      if (!stage) return;
      const ok = await confirmAction({
        title: t('incident.releaseTitle', { stage: stageName(stage.name) }),
        text: [t(stage.name === 'public' ? 'incident.releasePublic' : 'incident.releaseSocial', { stage: stageName(stage.name) }),
          stage.dueAt ? t('incident.releaseInsteadOf', { time: time(stage.dueAt) }) : null],
        confirm: t('incident.releaseConfirm'),
      });
      if (ok) api.releaseNext(r.current()).then(() => r.done(t('incident.released', { stage: stageName(stage.name) })), r.failed);
    }) });
  }
  if (may(n, 'edit')) {
    list.push({ key: 'edit', node: () => h('a', { class: 'button secondary', href: `#/compose/edit/${n.id}` }, t('incident.edit')) });
  }
  if (may(n, 'submit')) {
    list.push({ key: 'submit', node: (r) => button('submit-draft', 'primary', t('compose.submit'), () =>
      api.submit(r.current()).then(() => r.done(t('compose.submitted')), r.failed)) });
  }
  if (may(n, 'retractSubmission')) {
    list.push({ key: 'retractSubmission', node: (r) => button('retract-submission', 'secondary', t('incident.retract'), async () => {
      const ok = await confirmAction({ title: t('incident.retractTitle'), text: [t('incident.retractText')], confirm: t('incident.retractConfirm') });
      if (ok) api.retractSubmission(r.current()).then(() => r.done(t('incident.retracted')), r.failed);
    }) });
  }
  if (['approve', 'approveBreakGlass', 'reject'].some((a) => may(n, a))) {
    list.push({ key: 'queue', node: () => h('a', { class: 'button secondary', href: '#/queue' }, t('incident.toQueue')) });
  }
  if (may(n, 'update')) {
    list.push({ key: 'update', node: (r) => button('create-update', 'secondary', t('incident.update'), async () => {
      const notice = r.current();
      const ok = await confirmAction({ title: t('incident.updateTitle'), text: [t('incident.updateText', { version: notice.version + 1 }), t('incident.updateText2')], confirm: t('incident.updateConfirm') });
      if (ok) window.location.hash = `#/compose/update/${notice.id}`;
    }) });
  }
  if (may(n, 'allClear')) {
    list.push({ key: 'allClear', node: (r) => button('create-all-clear', 'secondary', t('incident.allClear'), async () => {
      const ok = await confirmAction({ title: t('incident.allClearTitle'), text: [t('incident.allClearText'), t('incident.updateText2')], confirm: t('incident.allClearConfirm') });
      if (ok) window.location.hash = `#/compose/all-clear/${r.current().id}`;
    }) });
  }
  if (may(n, 'withdraw')) {
    list.push({ key: 'withdraw', node: (r) => button('withdraw', 'danger', t('incident.withdraw'), async () => {
      const ok = await confirmAction({
        title: t('incident.withdrawTitle'),
        text: r.current().state === 'live' ? [t('incident.withdrawLive'), t('incident.withdrawSocial'), t('incident.withdrawFinal')] : [t('incident.withdrawDraft')],
        confirm: t('incident.withdrawConfirm'),
        danger: true,
        reason: { label: t('incident.withdrawReason'), hint: t('incident.withdrawReasonHint'), required: true },
      });
      if (ok) api.withdraw(r.current(), ok.reason).then(() => r.done(t('incident.withdrawn')), r.failed);
    }) });
  }
  return list;
}
