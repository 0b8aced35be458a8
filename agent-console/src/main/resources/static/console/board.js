// #/board — the waiting calls in queue order and the agents, kept live by live.js.

import { el, clear, ltr, heading } from './dom.js';
import { post, errorText, isAbort } from './api.js';
import { board, subscribe, waitingCalls, waitedSeconds, agentsList } from './live.js';
import { acceptedCalls, myUsername, districtName } from './state.js';
import { notify } from './ui.js';
import {
  formatWait, formatNumber, reasonLabel, presenceText, acceptConflictMessage, toPersianDigits,
} from './persian.js';

const LONG_WAIT_SECONDS = 120;

const COLUMNS = [
  ['position', 'نوبت'],
  ['wait', 'انتظار'],
  ['caller', 'شماره تماس‌گیرنده'],
  ['district', 'منطقه'],
  ['reason', 'علت'],
  ['transcript', 'گفتهٔ تماس‌گیرنده'],
  ['duplicates', 'مشابه'],
  ['action', 'اقدام'],
];

/** POST accept; on success keep the call and open its card, on failure say why. */
export async function acceptCall(id, button) {
  if (button) {
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
  }
  try {
    const result = await post(`/api/calls/${encodeURIComponent(id)}/accept`);
    const call = (result && result.call) || board.calls.get(id) || { id };
    acceptedCalls.set(id, {
      ...call, acceptedBy: result ? result.agent : myUsername(), dialString: result ? result.dialString : null, acceptedAt: Date.now(),
    });
    const target = `#/call/${encodeURIComponent(id)}`;
    if (window.location.hash === target) window.dispatchEvent(new HashChangeEvent('hashchange'));
    else window.location.hash = target;
  } catch (error) {
    if (isAbort(error)) return;
    if (error && error.status === 409) notify(acceptConflictMessage(error), 'error');
    else notify(errorText('پذیرش ممکن نشد', error), 'error');
    if (button && button.isConnected) {
      button.disabled = false;
      button.removeAttribute('aria-busy');
    }
  }
}

function duplicatesCell(call) {
  const duplicates = Array.isArray(call.duplicates) ? call.duplicates : [];
  if (!duplicates.length) return el('span', { class: 'muted' }, '۰');
  const codes = duplicates.map((d) => toPersianDigits(d.trackingCode)).join('، ');
  return el('span', { class: 'badge badge-info', title: `درخواست‌های مشابه: ${codes}` }, formatNumber(duplicates.length));
}

function transcriptCell(call) {
  if (!call.transcript) {
    return el('span', { class: 'muted' }, call.hasRecording ? 'فقط صدای ضبط‌شده' : '—');
  }
  return el('div', { class: 'clamp-2', title: call.transcript }, call.transcript);
}

function actionCell(call) {
  const me = myUsername();
  const takenByOther = Boolean(call.assignedTo && call.assignedTo !== me);
  const button = el('button', {
    type: 'button',
    class: 'button button-primary accept',
    dataset: { callId: call.id },
    disabled: takenByOther,
    'aria-label': `پذیرش تماس ${call.callerNumber ? toPersianDigits(call.callerNumber) : 'بی‌شماره'}`,
  }, 'پذیرش');
  button.addEventListener('click', () => acceptCall(call.id, button));
  const parts = [button];
  if (call.assignedTo) {
    parts.push(el('small', { class: 'assigned-note' }, call.assignedTo === me ? 'در حال وصل به شما' : `در حال وصل به ${call.assignedTo}`));
  }
  return parts;
}

function fillRow(tr, call) {
  const cells = {
    position: el('span', { class: 'position' }, ''),
    wait: el('span', { class: 'wait-time' }, formatWait(waitedSeconds(call))),
    // A caller who has called before is not new: how many requests their number made is on the row.
    caller: [ltr(call.callerNumber, 'phone'), call.earlierRequests > 0
      ? el('span', { class: 'badge badge-info earlier-requests', title: 'درخواست‌های پیشین این شماره' },
        `${formatNumber(call.earlierRequests)} درخواست پیشین`)
      : null],
    district: call.districtName || districtName(call.district) || '—',
    reason: el('span', { class: `reason reason-${String(call.reason || 'UNKNOWN')}` }, reasonLabel(call.reason)),
    transcript: transcriptCell(call),
    duplicates: duplicatesCell(call),
    action: actionCell(call),
  };
  const tds = COLUMNS.map(([key, title]) => el('td', { class: `col-${key}`, dataset: { label: title } }, cells[key]));
  tr.replaceChildren(...tds);
  tr.classList.toggle('is-assigned', Boolean(call.assignedTo));
}

function agentItem(agent, me) {
  const name = agent.displayName || agent.username;
  return el('li', { class: `agent presence-${agent.presence}`, dataset: { username: agent.username, presence: agent.presence } },
    el('span', { class: 'agent-name' }, name, agent.username === me ? el('span', { class: 'muted' }, ' (شما)') : null),
    el('span', { class: `badge presence-badge presence-${agent.presence}` }, presenceText(agent)));
}

export function renderBoard(container) {
  const rows = new Map(); // id → {tr, call}
  const tbody = el('tbody');
  const thead = el('thead', {}, el('tr', {}, COLUMNS.map(([key, title]) => el('th', { scope: 'col', class: `col-${key}` }, title))));
  // tabindex -1: where keyboard focus goes when the focused call's row leaves the queue.
  const table = el('table', { id: 'waiting-calls', class: 'data-table calls-table', tabindex: '-1' },
    el('caption', { class: 'visually-hidden' }, 'تماس‌های در انتظار به ترتیب نوبت'), thead, tbody);
  const summary = el('p', { class: 'board-summary', id: 'board-summary' });
  const empty = el('p', { class: 'empty', id: 'board-empty', hidden: true }, 'اکنون تماسی در صف نیست.');
  const agentsUl = el('ul', { class: 'agents', id: 'agents-list' });
  const agentsEmpty = el('p', { class: 'empty', hidden: true }, 'اپراتوری وارد نشده است.');

  const callsSection = el('section', { class: 'panel board-calls', 'aria-labelledby': 'board-title' },
    heading(1, 'تماس‌های در انتظار', { id: 'board-title' }), summary,
    el('div', { class: 'table-wrap' }, table), empty);
  callsSection.classList.toggle('is-stale', board.connection === 'closed');
  clear(container).append(el('div', { class: 'board-layout' },
    callsSection,
    el('aside', { class: 'panel board-agents', 'aria-labelledby': 'agents-title' },
      heading(2, 'اپراتورها', { id: 'agents-title' }), agentsUl, agentsEmpty)));

  function renderSummary(calls) {
    if (board.connection === 'closed') {
      summary.textContent = 'اتصال قطع است؛ صف ممکن است به‌روز نباشد.';
      return;
    }
    if (!board.synced && !calls.length) {
      summary.textContent = 'در حال دریافت صف…';
      return;
    }
    if (!calls.length) {
      summary.textContent = '';
      return;
    }
    const longest = Math.max(...calls.map(waitedSeconds));
    summary.textContent = `${formatNumber(calls.length)} تماس در صف — بیشترین انتظار ${formatWait(longest)}`;
  }

  /** What has keyboard focus inside the rows: its row's call id and how to find it again in a rebuilt row. */
  function focusInRows() {
    const active = document.activeElement;
    if (!active || active === document.body || !tbody.contains(active)) return null;
    const tr = active.closest('tr[data-call-id]');
    if (!tr) return null;
    const classes = [...active.classList].filter((c) => /^[A-Za-z][A-Za-z0-9_-]*$/.test(c));
    return { element: active, callId: tr.dataset.callId, selector: [active.localName, ...classes].join('.') };
  }

  /** After a re-render: the same element if it survived, else its twin in the new row, else the table. */
  function restoreFocus(saved) {
    if (!saved || document.activeElement === saved.element) return;
    const usable = (node) => node && node.isConnected && !node.disabled && !node.hidden;
    if (usable(saved.element) && tbody.contains(saved.element)) {
      saved.element.focus({ preventScroll: true });
      return;
    }
    const row = rows.get(saved.callId);
    let twin = null;
    if (row) {
      try {
        twin = row.tr.matches(saved.selector) ? row.tr : row.tr.querySelector(saved.selector);
      } catch {
        twin = null;
      }
    }
    if (usable(twin)) twin.focus({ preventScroll: true });
    else table.focus({ preventScroll: true });
  }

  function syncCalls() {
    const saved = focusInRows();
    const calls = waitingCalls();
    const ids = new Set(calls.map((c) => c.id));
    for (const [id, row] of rows) {
      if (!ids.has(id)) {
        row.tr.remove();
        rows.delete(id);
      }
    }
    calls.forEach((call, index) => {
      let row = rows.get(call.id);
      if (!row) {
        row = { tr: el('tr', { dataset: { callId: call.id } }), call: null };
        rows.set(call.id, row);
      }
      if (row.call !== call) {
        fillRow(row.tr, call);
        row.call = call;
      }
      // The queue number is the place in this order (the server's "position" goes stale after events).
      const position = row.tr.querySelector('.position');
      if (position) position.textContent = formatNumber(index + 1);
      if (tbody.children[index] !== row.tr) tbody.insertBefore(row.tr, tbody.children[index] ?? null);
    });
    restoreFocus(saved);
    empty.hidden = calls.length !== 0 || (!board.synced && board.connection !== 'open');
    renderSummary(calls);
    tick();
  }

  function syncAgents() {
    const me = myUsername();
    const agents = agentsList();
    agentsUl.replaceChildren(...agents.map((a) => agentItem(a, me)));
    agentsEmpty.hidden = agents.length !== 0;
  }

  function tick() {
    for (const { tr, call } of rows.values()) {
      const seconds = waitedSeconds(call);
      const cell = tr.querySelector('.wait-time');
      if (cell) cell.textContent = formatWait(seconds);
      tr.classList.toggle('is-long-wait', seconds >= LONG_WAIT_SECONDS);
    }
    if (rows.size) renderSummary(waitingCalls());
  }

  const unsubscribe = subscribe((change) => {
    if (change.type === 'agents') syncAgents();
    else if (change.type === 'snapshot') {
      syncCalls();
      syncAgents();
    } else if (change.type === 'connection') {
      callsSection.classList.toggle('is-stale', board.connection !== 'open');
      renderSummary(waitingCalls());
    }
    else syncCalls();
  });
  syncCalls();
  syncAgents();
  const ticker = window.setInterval(tick, 1000);

  return () => {
    unsubscribe();
    window.clearInterval(ticker);
  };
}
