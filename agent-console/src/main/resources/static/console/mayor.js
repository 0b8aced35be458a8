// Mayor on the line: the moderator's screening screen (one dense row per caller, driven from the keyboard), the
// mayor's own screen, the messages between them, the sessions and each session's printable report. Both live
// screens listen to /ws/mayor, which sends the whole line after every change; what people do goes through
// /api/mayor.

import { el, clear, ltr, latin, definitionList, message, heading, field, uniqueId, datalist } from './dom.js';
import { get, post, api, errorText, isAbort } from './api.js';
import { session, categoryLabel } from './state.js';
import { notify, announce } from './ui.js';
import {
  formatWait, formatDate, formatDateTime, formatTime, toPersianDigits, statusLabel, cityToday, normalizeDigitsInput,
} from './persian.js';
import { jalaliDateInput } from './jalali.js';

const STATE_LABELS = Object.freeze({
  AWAITING_SCREENING: 'در انتظار بررسی',
  APPROVED: 'تأییدشده',
  REJECTED: 'ردشده',
  ON_AIR: 'روی خط شهردار',
  TALKED: 'گفتگو شد',
  ABANDONED: 'تماس را قطع کرد',
  SESSION_CLOSED: 'پایان برنامه پیش از نوبت',
});
const stateLabel = (state) => STATE_LABELS[state] ?? state;
const WAITING = new Set(['AWAITING_SCREENING', 'APPROVED']);

const FLAGS = Object.freeze(['WARNING', 'BLOCKED', 'OFFICIAL']);
const FLAG_LABELS = Object.freeze({ WARNING: 'هشدار', BLOCKED: 'مسدود', OFFICIAL: 'مقام رسمی' });

/** The reason line the server keeps among a turned-away caller's notes starts with this (MayorLine). */
const REJECTED_BECAUSE = 'دلیل رد: ';
/** How long a rejection waits for «بازگردانی» before the caller is told. */
const UNDO_SECONDS = 5;

export const hasRole = (role) => Boolean(session.me && Array.isArray(session.me.roles) && session.me.roles.includes(role));

/* ---------- the live line ---------- */

/**
 * Opens /ws/mayor and calls onState with every state; reconnects after a drop. Returns the function that
 * stops it. Each state is the whole line, so a reconnect needs nothing but the next message.
 */
function watchLine(onState, onConnection) {
  let socket = null;
  let retry = null;
  let stopped = false;
  const open = () => {
    onConnection('connecting');
    socket = new WebSocket(`${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/ws/mayor`);
    socket.addEventListener('open', () => onConnection('open'));
    socket.addEventListener('message', (event) => {
      try {
        onState(JSON.parse(event.data));
      } catch (failure) {
        console.error('mayor line message not understood', failure);
      }
    });
    socket.addEventListener('close', () => {
      onConnection('closed');
      if (!stopped) retry = window.setTimeout(open, 2000);
    });
  };
  open();
  return () => {
    stopped = true;
    window.clearTimeout(retry);
    if (socket) socket.close();
  };
}

/** A screen for roles this person lacks says so, instead of a socket the server refuses over and over. */
function notAllowed(container, title, text) {
  clear(container).append(heading(1, title, { id: 'page-title' }), message(text, 'error'));
}

/** Seconds a caller has waited, counted on from the server's figure with the page's own clock. */
function waitedNow(caller, receivedAt) {
  if (!WAITING.has(caller.state)) return caller.waitedSeconds;
  return caller.waitedSeconds + Math.max(0, Math.floor((Date.now() - receivedAt) / 1000));
}

function liveBadge(node, connection) {
  node.dataset.state = connection;
  node.textContent = connection === 'open' ? 'زنده' : connection === 'connecting' ? 'در حال اتصال…' : 'اتصال قطع شد — تلاش دوباره…';
}

async function act(button, path, body, done) {
  if (button) button.disabled = true;
  try {
    const result = await post(path, body);
    if (done) done(result);
    return result;
  } catch (failure) {
    if (!isAbort(failure)) notify(errorText('انجام نشد', failure), 'error');
    return null;
  } finally {
    if (button) button.disabled = false;
  }
}

function districtText(caller) {
  if (caller.districtName) return caller.districtName;
  return caller.district ? `منطقه ${toPersianDigits(caller.district)}` : '—';
}

function numberText(caller) {
  if (!caller.callerNumber) return el('span', { class: 'muted' }, 'شماره پنهان');
  return [ltr(caller.callerNumber, 'phone'), caller.numberTyped ? el('small', { class: 'muted' }, ' (گفتهٔ تماس‌گیرنده)') : null];
}

/** A note as "username: text": the name isolated, so a Latin name does not turn a Persian line around. */
function noteItem(note) {
  const cut = note.indexOf(': ');
  const who = cut > 0 ? note.slice(0, cut) : null;
  const text = cut > 0 ? note.slice(cut + 2) : note;
  const rejected = text.startsWith(REJECTED_BECAUSE);
  return el('li', { dir: 'rtl', class: rejected ? 'mayor-note-reject' : null },
    who ? [latin(who, 'note-author'), ': '] : null, el('bdi', {}, text));
}

function notesList(caller, className = 'mayor-notes') {
  if (!caller.notes || caller.notes.length === 0) return null;
  return el('ul', { class: className }, caller.notes.map(noteItem));
}

function rejectReason(caller) {
  const line = (caller.notes ?? []).map((n) => n.slice(n.indexOf(': ') + 2)).filter((t) => t.startsWith(REJECTED_BECAUSE)).pop();
  return line ? line.slice(REJECTED_BECAUSE.length) : null;
}

function flagBadges(caller) {
  const flags = caller.flags ?? [];
  if (!flags.length) return null;
  return el('span', { class: 'mayor-flags' }, flags.map((flag) => el('span', {
    class: `badge mayor-flag mayor-flag-${flag}`, dataset: { flag },
  }, FLAG_LABELS[flag] ?? flag)));
}

function topicText(caller, large) {
  if (caller.topic) return el('p', { class: ['mayor-topic', large ? 'mayor-topic-large' : null], dir: 'auto' }, caller.topic);
  return el('p', { class: 'mayor-topic muted' }, caller.hasTopicAudio
    ? 'متن گفته‌ها در دست نیست؛ صدای تماس‌گیرنده ضبط شده است.'
    : 'تماس‌گیرنده موضوعی نگفت.');
}

const NUMBER_UNKNOWN = 'شمارهٔ تماس‌گیرنده پنهان است؛ پیشینه‌اش را نمی‌دانیم.';

function earlierRequests(caller) {
  if (!caller.callerNumber) return el('p', { class: 'muted mayor-earlier-none' }, NUMBER_UNKNOWN);
  if (!caller.earlierRequests || caller.earlierRequests.length === 0) {
    return el('p', { class: 'muted mayor-earlier-none' }, 'درخواست پیشینی ندارد.');
  }
  return el('details', { class: 'mayor-earlier' },
    el('summary', {}, `درخواست‌های پیشین: ${toPersianDigits(caller.earlierRequests.length)}`),
    el('ul', {}, caller.earlierRequests.map((r) => el('li', {},
      el('a', { href: `#/request/${encodeURIComponent(r.code)}` }, ltr(r.code)), ' — ',
      formatDate(r.createdAt), ' — ', categoryLabel(r.category) ?? '', ' — ', statusLabel(r.status),
      el('div', { class: 'muted', dir: 'auto' }, r.description)))));
}

function earlierProgrammeCalls(caller) {
  if (!caller.callerNumber) return null;
  const calls = caller.earlierProgrammeCalls ?? [];
  if (!calls.length) return el('p', { class: 'muted' }, 'پیش از این با برنامه تماس نگرفته است.');
  return el('details', { class: 'mayor-earlier-calls', open: true },
    el('summary', {}, `تماس‌های پیشین با برنامه: ${toPersianDigits(calls.length)}`),
    el('ul', {}, calls.map((c) => el('li', {}, formatDate(c.joinedAt), ' — ', el('bdi', {}, c.programme || '—'),
      ' — ', stateLabel(c.state)))));
}

function callerFacts(caller, receivedAt) {
  return definitionList([
    ['شماره', numberText(caller)],
    ['منطقه', districtText(caller)],
    ['انتظار', el('span', { class: 'mayor-wait', dataset: { waited: String(caller.waitedSeconds) } }, formatWait(waitedNow(caller, receivedAt)))],
    caller.estimatedWaitSeconds != null ? ['زمان تقریبی تا نوبت', formatWait(caller.estimatedWaitSeconds)] : undefined,
  ].filter(Boolean), 'facts facts-inline');
}

function fileNote(caller) {
  return caller.fileNote ? el('p', { class: 'mayor-file-note', dir: 'auto' }, el('strong', {}, 'پرونده: '), caller.fileNote) : null;
}

/* ---------- messages between the screening room and the mayor ---------- */

function messagesPanel(placeholder) {
  const list = el('ol', { class: 'mayor-messages', id: 'mayor-messages', 'aria-live': 'polite' });
  const input = el('input', {
    type: 'text', name: 'message', id: 'mayor-message-text', maxlength: '300', autocomplete: 'off', placeholder,
  });
  const send = el('button', { type: 'submit', class: 'button', id: 'mayor-message-send' }, 'فرستادن');
  const form = el('form', { class: 'mayor-message-form' }, field('پیام', input).wrapper, send);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!input.value.trim()) return;
    if (await act(send, '/api/mayor/messages', { text: input.value })) input.value = '';
  });
  const panel = el('section', { class: 'panel mayor-messages-panel', 'aria-labelledby': 'mayor-messages-title' },
    el('h2', { id: 'mayor-messages-title' }, 'پیام‌ها'), list, form);
  let lastSeen; // the newest message shown: undefined before the first state, null for none
  const keyOf = (m) => (m ? `${m.at}|${m.from}|${m.text}` : null);
  return {
    node: panel,
    show(messages) {
      const all = messages ?? [];
      const newest = all.length ? all[all.length - 1] : null;
      list.replaceChildren(...all.slice(-30).map((m) => el('li', { class: m.from === session.me.username ? 'is-mine' : null },
        el('span', { class: 'mayor-message-head' }, latin(m.from), ' — ', formatTime(m.at)),
        el('p', { dir: 'auto' }, m.text))));
      // The first state brings what was said before this page opened: only what arrives after it is news.
      if (lastSeen !== undefined && newest && keyOf(newest) !== lastSeen && newest.from !== session.me.username) {
        announce(`پیام تازه: ${newest.text}`);
      }
      lastSeen = keyOf(newest);
      list.scrollTop = list.scrollHeight;
    },
  };
}

/* ---------- directive form ---------- */

function directiveForm(callId, onGiven) {
  const unit = el('input', {
    type: 'text', name: 'unit', required: true, maxlength: '200', autocomplete: 'off',
    list: datalist('unit-names', session.directory.units),
  });
  const assignee = el('input', { type: 'text', name: 'assignee', maxlength: '200', autocomplete: 'off' });
  const deadline = jalaliDateInput({ name: 'deadline', id: uniqueId('directive-deadline'), min: cityToday() });
  const text = el('textarea', { name: 'text', required: true, rows: '3', maxlength: '4000' });
  const submit = el('button', { type: 'submit', class: 'button button-primary' }, 'ثبت دستور');
  const form = el('form', { class: 'mayor-directive', dataset: { callId } },
    field('واحد، معاون یا شهردار منطقه', unit).wrapper,
    field('مسئول (اختیاری)', assignee).wrapper,
    field('مهلت شمسی (خالی: مهلت پیش‌فرض)', deadline).wrapper,
    deadline.preview,
    field('دستور شهردار', text).wrapper,
    submit);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const day = deadline.isoValue();
    if (day === null) {
      notify('مهلت را به شکل سال/ماه/روز شمسی و از امروز به بعد بنویسید.', 'error');
      deadline.focus();
      return;
    }
    const given = await act(submit, `/api/mayor/calls/${encodeURIComponent(callId)}/directive`, {
      unit: unit.value, assignee: assignee.value || null, deadline: day || null, text: text.value,
    });
    if (given) {
      form.reset();
      notify(`دستور ثبت و ارجاع شد. کد پیگیری: ${toPersianDigits(given.code)} — مهلت ${formatDate(given.deadline)}`, 'success');
      announce('دستور ثبت شد');
      if (onGiven) onGiven(given);
    }
  });
  return form;
}

function directiveCodes(caller) {
  if (!caller.directives || caller.directives.length === 0) return null;
  return el('p', { class: 'mayor-directives' }, 'دستورها: ',
    caller.directives.map((code, i) => [i > 0 ? '، ' : '', el('a', { href: `#/request/${encodeURIComponent(code)}`, class: 'directive-code' }, ltr(code))]));
}

/* ---------- sessions: open and close (supervisor) ---------- */

function sessionHeader(state, onChanged) {
  const box = el('section', { class: 'mayor-session card', 'aria-labelledby': 'mayor-session-title' });
  if (!state.session) {
    box.append(el('h2', { id: 'mayor-session-title' }, 'برنامه‌ای باز نیست'),
      el('p', { class: 'muted' }, 'تا برنامه‌ای باز نشود، گزینهٔ «چهار» به تماس‌گیرندگان پیشنهاد نمی‌شود.'));
    if (hasRole('SUPERVISOR')) box.append(openSessionForm(onChanged));
    return box;
  }
  const s = state.session;
  box.append(el('h2', { id: 'mayor-session-title' }, el('span', { id: 'mayor-session-name', dir: 'auto' }, s.title)),
    definitionList([
      ['آغاز', formatDateTime(s.openedAt)],
      ['پایان اعلام‌شده', formatDateTime(s.plannedEnd)],
      ['گشاینده', latin(s.openedBy)],
    ], 'facts facts-inline'),
    el('p', {}, el('a', { href: `#/mayor/report/${encodeURIComponent(s.id)}`, id: 'mayor-report-link' }, 'گزارش این برنامه')));
  if (hasRole('SUPERVISOR')) {
    const close = el('button', { type: 'button', class: 'button button-danger', id: 'mayor-close-session' }, 'پایان برنامه');
    close.addEventListener('click', async () => {
      if (!window.confirm('برنامه بسته شود؟ تماس‌گیرندگانِ در انتظار به ثبت درخواست عادی هدایت می‌شوند.')) return;
      const closed = await act(close, `/api/mayor/sessions/${encodeURIComponent(s.id)}/close`);
      if (closed) notify(`برنامه بسته شد؛ ${toPersianDigits(closed.dismissed)} تماس‌گیرندهٔ در انتظار به ثبت درخواست هدایت شدند.`, 'success');
      if (onChanged) onChanged();
    });
    box.append(close);
  }
  return box;
}

function openSessionForm(onChanged) {
  const title = el('input', { type: 'text', name: 'title', required: true, maxlength: '200', id: 'mayor-title' });
  const endDay = jalaliDateInput({ name: 'plannedEndDay', id: 'mayor-planned-end', min: cityToday() });
  const endTime = el('input', { type: 'time', name: 'plannedEndTime', id: 'mayor-planned-end-time', dir: 'ltr' });
  const submit = el('button', { type: 'submit', class: 'button button-primary', id: 'mayor-open-session' }, 'آغاز برنامه');
  const form = el('form', { class: 'mayor-open' },
    field('عنوان برنامه', title).wrapper,
    el('div', { class: 'form-row' },
      field('روز پایان اعلام‌شده (شمسی؛ خالی: یک ساعت دیگر)', endDay).wrapper,
      field('ساعت پایان', endTime).wrapper),
    endDay.preview,
    submit);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const day = endDay.isoValue();
    if (day === null || (day && !endTime.value)) {
      notify(day === null ? 'روز پایان را به شکل سال/ماه/روز شمسی بنویسید.' : 'ساعت پایان را هم بنویسید.', 'error');
      (day === null ? endDay : endTime).focus();
      return;
    }
    const plannedEnd = day ? `${day}T${endTime.value}` : null;
    const opened = await act(submit, '/api/mayor/sessions', { title: title.value, plannedEnd });
    if (opened) notify('برنامه آغاز شد؛ گزینهٔ «چهار» اکنون پیشنهاد می‌شود.', 'success');
    if (onChanged) onChanged();
  });
  return form;
}

/* ---------- the moderator's screen ---------- */

const SHORTCUTS = [
  ['↑ ↓', 'تماس‌گیرندهٔ قبلی و بعدی'],
  ['A', 'تأیید'],
  ['R', 'رد (با دلیل؛ تا ۵ ثانیه بازگشت‌پذیر)'],
  ['U', 'بازگرداندن ردِ در راه'],
  ['X', 'نفر بعدیِ شهردار'],
  ['Alt+↑ / Alt+↓', 'جابه‌جایی در صف'],
  ['N', 'یادداشت'],
  ['F', 'نشان‌های پرونده'],
];

/** The rows in screen order: on air first, then the line as the moderator ordered it, then those done with. */
function screeningOrder(callers) {
  const onAir = callers.filter((c) => c.state === 'ON_AIR');
  const waiting = callers.filter((c) => WAITING.has(c.state)).sort((a, b) => a.position - b.position);
  const done = callers.filter((c) => c.state !== 'ON_AIR' && !WAITING.has(c.state));
  return [...onAir, ...waiting, ...done];
}

export function renderModerator(container) {
  if (!hasRole('MODERATOR') && !hasRole('SUPERVISOR')) {
    notAllowed(container, 'گفتگو با شهردار — بررسی تماس‌ها', 'این صفحه برای مجری برنامه و سرپرست است؛ حساب شما اجازهٔ دیدن آن را ندارد.');
    return undefined;
  }
  const status = el('span', { class: 'live-status mayor-live', id: 'mayor-live', role: 'status', dataset: { state: 'closed' } }, '…');
  const header = el('div', { id: 'mayor-session-box' });
  const tbody = el('tbody');
  const table = el('table', { class: 'data-table screening-table', id: 'screening', tabindex: '0', 'aria-describedby': 'screening-keys' },
    el('caption', { class: 'visually-hidden' }, 'تماس‌گیرندگان برنامه؛ با کلیدهای بالا و پایین انتخاب کنید'),
    el('thead', {}, el('tr', {}, ['نوبت', 'شماره', 'منطقه', 'موضوع', 'انتظار', 'یادداشت', 'نشان‌ها', 'وضعیت']
      .map((h) => el('th', { scope: 'col' }, h)))),
    tbody);
  const empty = el('p', { class: 'muted', id: 'mayor-queue-empty' }, 'کسی در صف نیست.');
  const keys = el('details', { class: 'screening-keys', id: 'screening-keys' }, el('summary', {}, 'کلیدهای میان‌بر'),
    el('dl', { class: 'facts facts-inline' }, SHORTCUTS.map(([k, what]) => el('div', { class: 'fact' }, el('dt', {}, latin(k)), el('dd', {}, what)))));
  const detail = el('section', { class: 'panel screening-detail', id: 'screening-detail', 'aria-live': 'off' });
  const messages = messagesPanel('به شهردار، مثلاً «دو دقیقه مانده»');
  clear(container).append(
    el('div', { class: 'page-head' }, heading(1, 'گفتگو با شهردار — بررسی تماس‌ها', { id: 'page-title' }), status),
    header,
    el('div', { class: 'screening-layout' },
      el('section', { class: 'screening-list', 'aria-labelledby': 'mayor-queue-title' },
        el('h2', { id: 'mayor-queue-title' }, 'تماس‌گیرندگان'), keys, el('div', { class: 'table-wrap' }, table), empty),
      el('div', { class: 'screening-side' }, detail, messages.node)));

  let last = null;
  let receivedAt = Date.now();
  let sessionId;
  let selected = null; // call id
  const rows = new Map(); // id → tr
  const pendingRejects = new Map(); // id → {timer, reason, left}
  let detailFor = null; // the caller the detail's forms were built for
  let detailParts = null;

  const refreshHeader = () => get('/api/mayor/queue').then(show).catch((f) => { if (!isAbort(f)) notify(errorText('بارگذاری نشد', f), 'error'); });
  const path = (id, what) => `/api/mayor/queue/${encodeURIComponent(id)}/${what}`;
  const callerById = (id) => (last?.callers ?? []).find((c) => c.id === id) ?? null;

  /* --- actions --- */

  function approve(caller) {
    if (caller && WAITING.has(caller.state) && caller.state !== 'APPROVED') act(null, path(caller.id, 'approve'));
  }

  function designate(caller) {
    if (!caller) return;
    if (caller.state !== 'APPROVED') {
      notify('فقط تماس‌گیرندهٔ تأییدشده نفر بعدی می‌شود.', 'error');
      return;
    }
    act(null, path(caller.id, 'next'), undefined, () => announce('نفر بعدی تعیین شد'));
  }

  function move(caller, direction) {
    if (caller && WAITING.has(caller.state)) act(null, path(caller.id, direction));
  }

  /** A rejection waits UNDO_SECONDS for «بازگردانی»: the caller is told only once it is sent. */
  function reject(caller, reason) {
    if (!caller || !WAITING.has(caller.state) || pendingRejects.has(caller.id)) return;
    const pending = { reason, left: UNDO_SECONDS, timer: null };
    pending.timer = window.setInterval(() => {
      pending.left -= 1;
      if (pending.left > 0) {
        paintRow(callerById(caller.id) ?? caller);
        return;
      }
      window.clearInterval(pending.timer);
      pendingRejects.delete(caller.id);
      act(null, path(caller.id, 'reject'), { reason: pending.reason || null });
    }, 1000);
    pendingRejects.set(caller.id, pending);
    paintRow(caller);
    renderDetail(true);
    announce(`رد تا ${toPersianDigits(UNDO_SECONDS)} ثانیهٔ دیگر؛ برای بازگرداندن U را بزنید`);
  }

  function undoReject(id) {
    const pending = pendingRejects.get(id);
    if (!pending) return;
    window.clearInterval(pending.timer);
    pendingRejects.delete(id);
    const caller = callerById(id);
    if (caller) paintRow(caller);
    renderDetail(true);
    announce('رد بازگردانده شد');
  }

  /* --- the rows --- */

  function paintRow(caller) {
    const tr = rows.get(caller.id);
    if (!tr) return;
    const pending = pendingRejects.get(caller.id);
    const lastNote = caller.notes && caller.notes.length ? caller.notes[caller.notes.length - 1] : null;
    tr.dataset.state = caller.state;
    tr.classList.toggle('is-next', Boolean(caller.designatedNext));
    tr.classList.toggle('is-blocked', (caller.flags ?? []).includes('BLOCKED'));
    tr.classList.toggle('is-pending-reject', Boolean(pending));
    const place = caller.state === 'ON_AIR' ? el('span', { class: 'badge mayor-state-ON_AIR' }, 'روی خط')
      : WAITING.has(caller.state) ? [toPersianDigits(caller.position), caller.designatedNext ? el('span', { class: 'next-mark', title: 'نفر بعدی' }, ' ★') : null]
        : '—';
    let stateCell = stateLabel(caller.state);
    if (pending) {
      stateCell = el('span', { class: 'pending-reject' }, `رد تا ${toPersianDigits(pending.left)} ثانیه `,
        el('button', { type: 'button', class: 'button button-quiet undo-reject', on: { click: (e) => { e.stopPropagation(); undoReject(caller.id); } } }, 'بازگردانی'));
    } else if (caller.state === 'REJECTED' && rejectReason(caller)) {
      stateCell = [stateLabel(caller.state), el('small', { class: 'muted reject-reason', dir: 'auto' }, ` — ${rejectReason(caller)}`)];
    } else if (caller.state === 'APPROVED' && caller.designatedNext) {
      stateCell = 'تأییدشده — نفر بعدی';
    }
    const hadFocus = tr.contains(document.activeElement);
    tr.replaceChildren(
      el('td', { class: 'col-place' }, place),
      el('td', { class: 'col-number' }, numberText(caller)),
      el('td', { class: 'col-district' }, districtText(caller)),
      el('td', { class: 'col-topic' }, el('span', { class: 'one-line', dir: 'auto', title: caller.topic ?? '' }, caller.topic ?? '—')),
      el('td', { class: 'col-wait mayor-wait' }, formatWait(waitedNow(caller, receivedAt))),
      el('td', { class: 'col-notes' }, lastNote ? el('span', { class: 'one-line' }, `(${toPersianDigits(caller.notes.length)}) `, el('bdi', {}, lastNote.slice(lastNote.indexOf(': ') + 2))) : '—'),
      el('td', { class: 'col-flags' }, flagBadges(caller) ?? '—'),
      el('td', { class: 'col-state' }, stateCell));
    // A repaint must not drop a keyboard user's focus on the page's body, where the keys do nothing.
    if (hadFocus) (tr.querySelector('button') ?? table).focus();
  }

  function select(id, focusTable) {
    selected = id;
    for (const [rowId, tr] of rows) {
      const on = rowId === id;
      tr.classList.toggle('is-selected', on);
      tr.setAttribute('aria-selected', String(on));
      if (on) tr.scrollIntoView({ block: 'nearest' });
    }
    renderDetail(false);
    if (focusTable) table.focus();
  }

  function step(delta) {
    const order = [...tbody.children].map((tr) => tr.dataset.callId);
    if (!order.length) return;
    const at = order.indexOf(selected);
    const next = at < 0 ? 0 : Math.max(0, Math.min(order.length - 1, at + delta));
    select(order[next], false);
  }

  /* --- the detail pane: info redrawn with every state, forms kept while the same caller is selected --- */

  function buildForms(caller) {
    const note = el('input', { type: 'text', name: 'note', id: 'screening-note', maxlength: '1000', autocomplete: 'off' });
    const noteForm = el('form', { class: 'mayor-note', id: 'screening-note-form' }, field('یادداشت برای شهردار', note).wrapper,
      el('button', { type: 'submit', class: 'button' }, 'افزودن یادداشت'));
    noteForm.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (!note.value.trim()) return;
      if (await act(noteForm.querySelector('button'), path(caller.id, 'notes'), { text: note.value })) note.value = '';
    });

    const reason = el('input', { type: 'text', name: 'reason', id: 'screening-reject-reason', maxlength: '300', autocomplete: 'off' });
    const rejectForm = el('form', { class: 'mayor-reject', id: 'screening-reject-form' }, field('دلیل رد (برای گزارش)', reason).wrapper,
      el('button', { type: 'submit', class: 'button button-danger', dataset: { action: 'reject' } }, 'رد'));
    rejectForm.addEventListener('submit', (event) => {
      event.preventDefault();
      reject(callerById(caller.id), reason.value.trim());
      reason.value = '';
      table.focus();
    });

    const flagBoxes = FLAGS.map((flag) => el('input', { type: 'checkbox', name: 'flag', value: flag, id: `screening-flag-${flag}` }));
    const fileText = el('input', { type: 'text', name: 'note', id: 'screening-file-note', maxlength: '300', autocomplete: 'off' });
    const fileForm = el('form', { class: 'mayor-file', id: 'screening-file-form' },
      el('fieldset', {}, el('legend', {}, 'نشان‌های پروندهٔ این شماره (در تماس‌های بعدی هم دیده می‌شود)'),
        flagBoxes.map((box) => el('label', { class: 'check', htmlFor: box.id }, box, ' ', FLAG_LABELS[box.value]))),
      field('یادداشت پرونده', fileText).wrapper,
      el('button', { type: 'submit', class: 'button', id: 'screening-file-save' }, 'ثبت پرونده'));
    fileForm.addEventListener('submit', async (event) => {
      event.preventDefault();
      const current = callerById(caller.id);
      if (!current?.callerNumber) {
        notify('شمارهٔ این تماس‌گیرنده پنهان است؛ نخست شماره‌ای را که می‌گوید بنویسید.', 'error');
        return;
      }
      const button = fileForm.querySelector('button');
      button.disabled = true;
      try {
        await api(`/api/mayor/callers/${encodeURIComponent(current.callerNumber)}/file`, {
          method: 'PUT', body: { flags: flagBoxes.filter((b) => b.checked).map((b) => b.value), note: fileText.value },
        });
        notify('پروندهٔ شماره ثبت شد.', 'success');
      } catch (failure) {
        if (!isAbort(failure)) notify(errorText('پرونده ثبت نشد', failure), 'error');
      } finally {
        button.disabled = false;
      }
    });
    const setFile = (c) => {
      for (const box of flagBoxes) box.checked = (c.flags ?? []).includes(box.value);
      fileText.value = c.fileNote ?? '';
    };
    setFile(caller);

    const typed = el('input', { type: 'text', name: 'number', id: 'screening-typed-number', dir: 'ltr', inputmode: 'tel', maxlength: '20', autocomplete: 'off' });
    const numberForm = el('form', { class: 'mayor-typed-number', id: 'screening-number-form' },
      field('شماره‌ای که تماس‌گیرنده می‌گوید', typed).wrapper, el('button', { type: 'submit', class: 'button' }, 'ثبت شماره'));
    numberForm.addEventListener('submit', async (event) => {
      event.preventDefault();
      const digits = normalizeDigitsInput(typed.value);
      if (!digits) return;
      await act(numberForm.querySelector('button'), path(caller.id, 'number'), { number: digits });
    });

    return { noteForm, note, rejectForm, reason, fileForm, setFile, flagBoxes, numberForm, directive: directiveForm(caller.id) };
  }

  /**
   * The detail's parts are built once per selected caller and only their contents change with each state, so a
   * field being typed in is never taken out of the page (and its focus lost) when another caller's row changes.
   */
  function renderDetail(keepForms) {
    const caller = selected ? callerById(selected) : null;
    if (!caller) {
      detailFor = null;
      detailParts = null;
      detail.replaceChildren(el('h2', {}, 'جزئیات'), el('p', { class: 'muted' }, 'تماس‌گیرنده‌ای را از فهرست انتخاب کنید.'));
      return;
    }
    if (detailFor !== caller.id) {
      detailFor = caller.id;
      detailParts = buildForms(caller);
      const p = detailParts;
      p.top = el('div', { class: 'screening-detail-top' });
      p.notes = el('div', { class: 'screening-detail-notes' });
      p.bottom = el('div', { class: 'screening-detail-bottom' });
      p.directiveBox = el('details', { class: 'mayor-directive-box' }, el('summary', {}, 'ثبت دستور شهردار'), p.directive);
      detail.replaceChildren(p.top, p.rejectForm, p.notes, p.noteForm, p.numberForm, p.fileForm, p.bottom, p.directiveBox);
    } else if (!keepForms && !detail.contains(document.activeElement)) {
      detailParts.setFile(caller);
    }
    const parts = detailParts;
    const waiting = WAITING.has(caller.state);
    const pending = pendingRejects.has(caller.id);
    const button = (text, handler, cls, action) => el('button', {
      type: 'button', class: `button ${cls ?? ''}`, dataset: { action }, on: { click: handler },
    }, text);
    const actions = waiting ? el('div', { class: 'mayor-actions' },
      caller.state === 'APPROVED' ? null : button('تأیید (A)', () => approve(callerById(caller.id)), 'button-primary', 'approve'),
      caller.state === 'APPROVED' && !caller.designatedNext ? button('نفر بعدی (X)', () => designate(callerById(caller.id)), null, 'next') : null,
      button('بالاتر', () => move(callerById(caller.id), 'up'), null, 'up'),
      button('پایین‌تر', () => move(callerById(caller.id), 'down'), null, 'down'),
      pending ? button('بازگردانی رد (U)', () => undoReject(caller.id), 'button-quiet', 'undo') : null) : null;
    const focusedAction = parts.top.contains(document.activeElement) ? document.activeElement.dataset.action : null;
    parts.top.replaceChildren(...[
      el('h2', { id: 'screening-detail-title' }, 'جزئیات: ', el('span', { class: `badge mayor-state mayor-state-${caller.state}` }, stateLabel(caller.state))),
      flagBadges(caller),
      fileNote(caller),
      topicText(caller, false),
      callerFacts(caller, receivedAt),
      actions,
    ].filter(Boolean));
    if (focusedAction) (parts.top.querySelector(`button[data-action="${focusedAction}"]`) ?? table).focus();
    parts.rejectForm.hidden = !waiting || pending;
    parts.notes.replaceChildren(...[notesList(caller)].filter(Boolean));
    parts.numberForm.hidden = Boolean(caller.callerNumber) && !caller.numberTyped;
    parts.fileForm.hidden = !caller.callerNumber;
    parts.bottom.replaceChildren(...[earlierRequests(caller), earlierProgrammeCalls(caller), directiveCodes(caller)].filter(Boolean));
    const heard = caller.state === 'ON_AIR' || caller.state === 'TALKED';
    if (parts.directiveBox.hidden === heard) parts.directiveBox.open = caller.state === 'ON_AIR';
    parts.directiveBox.hidden = !heard;
  }

  /* --- the keyboard --- */

  table.addEventListener('keydown', (event) => {
    if (event.isComposing || event.ctrlKey || event.metaKey) return;
    const caller = selected ? callerById(selected) : null;
    const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    const code = event.code;
    let handled = true;
    if (event.altKey && key === 'ArrowUp') move(caller, 'up');
    else if (event.altKey && key === 'ArrowDown') move(caller, 'down');
    else if (key === 'ArrowDown' || key === 'j') step(1);
    else if (key === 'ArrowUp' || key === 'k') step(-1);
    else if (key === 'a' || code === 'KeyA') approve(caller);
    else if (key === 'x' || code === 'KeyX') designate(caller);
    else if (key === 'u' || code === 'KeyU') { if (caller) undoReject(caller.id); }
    else if (key === 'r' || code === 'KeyR') { if (caller && WAITING.has(caller.state)) detailParts?.reason.focus(); }
    else if (key === 'n' || code === 'KeyN') detailParts?.note.focus();
    else if (key === 'f' || code === 'KeyF') detailParts?.flagBoxes[0].focus();
    else handled = false;
    if (handled) event.preventDefault();
  });
  tbody.addEventListener('click', (event) => {
    const tr = event.target.closest('tr[data-call-id]');
    if (tr) select(tr.dataset.callId, true);
  });
  // Escape in the detail's fields goes back to the list, where the keys work.
  detail.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      table.focus();
    }
  });

  function show(state) {
    last = state;
    receivedAt = Date.now();
    const currentId = state.session ? state.session.id : null;
    if (currentId !== sessionId) {
      sessionId = currentId;
      header.replaceChildren(sessionHeader(state, refreshHeader));
    }
    const ordered = screeningOrder(state.callers ?? []);
    const wanted = new Set(ordered.map((c) => c.id));
    for (const [id, tr] of rows) {
      if (!wanted.has(id)) {
        tr.remove();
        rows.delete(id);
      }
    }
    let previous = null;
    for (const caller of ordered) {
      let tr = rows.get(caller.id);
      if (!tr) {
        tr = el('tr', { class: 'screening-row', dataset: { callId: caller.id }, 'aria-selected': 'false' });
        rows.set(caller.id, tr);
      }
      paintRow(caller);
      const expected = previous ? previous.nextSibling : tbody.firstChild;
      if (expected !== tr) tbody.insertBefore(tr, expected);
      previous = tr;
    }
    empty.hidden = ordered.length > 0;
    // A caller who hung up (or was taken) while their rejection waited has nothing left to reject.
    for (const [id, pending] of pendingRejects) {
      const caller = callerById(id);
      if (!caller || !WAITING.has(caller.state)) {
        window.clearInterval(pending.timer);
        pendingRejects.delete(id);
      }
    }
    if (!selected || !wanted.has(selected)) {
      const first = ordered.find((c) => WAITING.has(c.state)) ?? ordered[0];
      selected = first ? first.id : null;
    }
    for (const [id, tr] of rows) {
      tr.classList.toggle('is-selected', id === selected);
      tr.setAttribute('aria-selected', String(id === selected));
    }
    renderDetail(true);
    messages.show(state.messages);
  }

  const stop = watchLine(show, (connection) => liveBadge(status, connection));
  const ticker = window.setInterval(() => {
    if (!last) return;
    for (const caller of last.callers ?? []) {
      if (!WAITING.has(caller.state)) continue;
      const cell = rows.get(caller.id)?.querySelector('.mayor-wait');
      if (cell) cell.textContent = formatWait(waitedNow(caller, receivedAt));
    }
  }, 1000);
  // Leaving the page does not take a rejection back: what is still waiting its seconds is sent now.
  const sendPending = () => {
    for (const [id, pending] of pendingRejects) {
      window.clearInterval(pending.timer);
      post(path(id, 'reject'), { reason: pending.reason || null }).catch(() => {});
    }
    pendingRejects.clear();
  };
  window.addEventListener('pagehide', sendPending);
  return () => {
    sendPending();
    window.removeEventListener('pagehide', sendPending);
    stop();
    window.clearInterval(ticker);
  };
}

/* ---------- the mayor's screen ---------- */

export function renderMayor(container) {
  if (!hasRole('MAYOR')) {
    notAllowed(container, 'میز شهردار', 'این صفحه برای شهردار است؛ حساب شما اجازهٔ دیدن آن را ندارد.');
    return undefined;
  }
  const status = el('span', { class: 'live-status mayor-live', id: 'mayor-live', role: 'status', dataset: { state: 'closed' } }, '…');
  const current = el('section', { class: 'mayor-current card', id: 'mayor-current', 'aria-live': 'polite' });
  const upcoming = el('ol', { class: 'mayor-upcoming', id: 'mayor-upcoming' });
  const next = el('button', { type: 'button', class: 'button button-primary mayor-next', id: 'mayor-next' }, 'تماس‌گیرندهٔ بعدی');
  const nextWho = el('p', { class: 'muted', id: 'mayor-next-who' });
  const directiveBox = el('div', { id: 'mayor-directive-box' });
  const sessionLine = el('p', { class: 'muted', id: 'mayor-session-line' });
  const messages = messagesPanel('به اتاق بررسی، مثلاً «یک تماس دیگر و پایان»');
  clear(container).append(
    el('div', { class: 'page-head' }, heading(1, 'میز شهردار', { id: 'page-title' }), status),
    sessionLine,
    el('div', { class: 'mayor-desk' },
      el('div', { class: 'mayor-desk-main' }, current, el('div', { class: 'mayor-next-box' }, next, nextWho), directiveBox,
        el('section', { 'aria-labelledby': 'mayor-upcoming-title' }, el('h2', { id: 'mayor-upcoming-title' }, 'سه نفر بعدی'), upcoming)),
      messages.node));

  let directiveFor = null;
  let onAirSince = null;
  let nextAllowed = false;
  // The server's clock, as the page's own clock plus the difference seen with the latest state: a browser whose
  // clock is off must not show a conversation's minutes wrong.
  let serverOffset = 0;
  const serverNow = () => Date.now() + serverOffset;
  const onAirSeconds = () => Math.max(0, Math.floor((serverNow() - onAirSince) / 1000));
  next.addEventListener('click', async () => {
    await act(next, '/api/mayor/next', undefined, (caller) => {
      announce(`در حال وصل کردن ${caller.callerNumber ? toPersianDigits(caller.callerNumber) : 'تماس‌گیرنده'}`);
    });
    // Whatever the answer, the line says whether another click makes sense (not while someone is on air).
    next.disabled = !nextAllowed;
  });

  // The on-air timer: from the moment the caller went on air, until the conversation ends.
  const timer = () => document.getElementById('mayor-on-air-timer');
  const tick = window.setInterval(() => {
    const node = timer();
    if (node && onAirSince) node.textContent = formatWait(onAirSeconds());
  }, 1000);

  function show(state) {
    if (state.at) serverOffset = Date.parse(state.at) - Date.now();
    sessionLine.textContent = state.session ? state.session.title : 'برنامه‌ای باز نیست.';
    const callers = state.callers ?? [];
    const onAir = callers.find((c) => c.state === 'ON_AIR');
    const approved = callers.filter((c) => c.state === 'APPROVED').sort((a, b) => a.position - b.position);
    const designated = approved.find((c) => c.designatedNext);
    const upNext = designated ?? approved[0] ?? null;
    const ordered = upNext ? [upNext, ...approved.filter((c) => c !== upNext)] : approved;
    const talked = callers.filter((c) => c.state === 'TALKED');
    const shown = onAir ?? talked[talked.length - 1] ?? null;
    current.dataset.callId = onAir ? onAir.id : '';
    onAirSince = onAir && onAir.onAirAt ? Date.parse(onAir.onAirAt) : null;
    if (shown) {
      current.replaceChildren(...[
        el('div', { class: 'mayor-current-head' },
          el('h2', {}, onAir ? 'اکنون روی خط' : 'گفتگوی پیشین'),
          onAir ? el('span', { class: 'badge mayor-lock', id: 'mayor-on-air-lock', title: 'این تماس از این صفحه قطع نمی‌شود؛ با گذاشتن گوشی پایان می‌یابد.' }, 'قفل روی خط') : null,
          onAir ? el('span', { class: 'mayor-on-air-timer', id: 'mayor-on-air-timer', role: 'timer' }, formatWait(onAirSeconds())) : null),
        flagBadges(shown),
        fileNote(shown),
        topicText(shown, true),
        callerFacts(shown, Date.now()),
        notesList(shown, 'mayor-notes mayor-notes-large'),
        earlierRequests(shown),
        directiveCodes(shown),
        onAir ? el('p', { class: 'muted' }, 'گفتگو با گذاشتن گوشی پایان می‌یابد؛ تا آن زمان تماس بعدی وصل نمی‌شود.') : null,
      ].filter(Boolean));
    } else {
      current.replaceChildren(el('h2', {}, 'کسی روی خط نیست'));
    }
    // The form stays put while the same caller is shown, so typing is never lost to an update.
    const forId = shown ? shown.id : null;
    if (forId !== directiveFor) {
      directiveFor = forId;
      directiveBox.replaceChildren(...(forId ? [el('details', { class: 'mayor-directive-box', open: Boolean(onAir) },
        el('summary', {}, 'ثبت دستور'), directiveForm(forId))] : []));
    }
    nextAllowed = Boolean(state.session) && !onAir && approved.length > 0;
    next.disabled = !nextAllowed;
    nextWho.textContent = upNext
      ? `نفر بعدی: ${districtText(upNext)}${upNext.designatedNext ? ' (تعیین‌شده از سوی مجری)' : ''}`
      : onAir ? '' : 'تماس‌گیرندهٔ تأییدشده‌ای در صف نیست.';
    upcoming.replaceChildren(...ordered.slice(0, 3).map((c) => el('li', { class: 'mayor-caller card', dataset: { callId: c.id, state: c.state } },
      el('div', { class: 'mayor-card-head' }, flagBadges(c), c.designatedNext ? el('span', { class: 'badge badge-info' }, 'نفر بعدی') : null),
      topicText(c, false),
      callerFacts(c, Date.now()),
      fileNote(c),
      notesList(c))));
    if (ordered.length === 0) upcoming.append(el('li', { class: 'muted' }, 'تماس‌گیرندهٔ تأییدشده‌ای در صف نیست.'));
    messages.show(state.messages);
  }

  const stop = watchLine(show, (connection) => liveBadge(status, connection));
  return () => {
    stop();
    window.clearInterval(tick);
  };
}

/* ---------- sessions and reports ---------- */

export function renderSessions(container, { signal }) {
  clear(container).append(heading(1, 'برنامه‌های گفتگو با شهردار', { id: 'page-title' }), el('p', { class: 'muted' }, 'در حال بارگذاری…'));
  get('/api/mayor/sessions', { signal }).then((sessions) => {
    const list = el('ul', { class: 'mayor-sessions' }, sessions.map((s) => el('li', {},
      el('a', { href: `#/mayor/report/${encodeURIComponent(s.id)}` }, el('span', { dir: 'auto' }, s.title)), ' — ',
      formatDateTime(s.openedAt), s.closedAt ? '' : ' (باز)')));
    container.replaceChildren(heading(1, 'برنامه‌های گفتگو با شهردار', { id: 'page-title' }),
      sessions.length ? list : el('p', { class: 'muted' }, 'هنوز برنامه‌ای برگزار نشده است.'));
  }).catch((failure) => {
    if (!isAbort(failure)) container.append(message(errorText('فهرست برنامه‌ها بارگذاری نشد', failure), 'error'));
  });
  return null;
}

export function renderReport(container, id, { signal }) {
  clear(container).append(heading(1, 'گزارش برنامه', { id: 'page-title' }), el('p', { class: 'muted' }, 'در حال بارگذاری…'));
  get(`/api/mayor/sessions/${encodeURIComponent(id)}/report`, { signal }).then((report) => {
    const csv = el('a', { class: 'button no-print', id: 'mayor-report-csv', download: '' }, 'دریافت CSV');
    csv.setAttribute('href', `/api/mayor/sessions/${encodeURIComponent(id)}/report?format=csv`);
    const print = el('button', { type: 'button', class: 'button no-print', on: { click: () => window.print() } }, 'چاپ');
    const c = report.counts;
    const rows = report.callers.map((caller) => el('tr', { class: 'mayor-report-row', dataset: { callId: caller.callId, outcome: caller.outcome } },
      el('td', {}, formatDateTime(caller.joinedAt)),
      el('td', {}, ltr(caller.callerNumber)),
      el('td', {}, districtText(caller)),
      el('td', { dir: 'auto' }, caller.topic ?? '—'),
      el('td', { class: 'mayor-report-outcome' }, stateLabel(caller.outcome)),
      el('td', {}, formatWait(caller.waitedSeconds)),
      el('td', {}, caller.talkedSeconds === null ? '—' : formatWait(caller.talkedSeconds)),
      el('td', {}, caller.notes.length ? el('ul', {}, caller.notes.map(noteItem)) : '—'),
      el('td', {}, caller.directives.length ? el('ul', {}, caller.directives.map((d) => el('li', { class: 'mayor-report-directive' },
        el('a', { href: `#/request/${encodeURIComponent(d.code)}` }, ltr(d.code)), ' — ', d.unit ?? '',
        d.assignee ? ` (${d.assignee})` : '', ' — مهلت ', formatDate(d.deadline), d.overdue ? ' (گذشته)' : '',
        ' — ', statusLabel(d.status), el('div', { dir: 'auto' }, d.text)))) : '—')));
    container.replaceChildren(
      heading(1, report.title, { id: 'page-title', dir: 'auto' }),
      definitionList([
        ['آغاز', formatDateTime(report.openedAt)],
        ['پایان', report.closedAt ? formatDateTime(report.closedAt) : 'هنوز باز است'],
        ['گشاینده', latin(report.openedBy)],
        ['تماس‌گیرندگان', toPersianDigits(c.callers)],
        ['گفتگو با شهردار', toPersianDigits(c.talked)],
        ['ردشده', toPersianDigits(c.rejected)],
        ['قطع پیش از نوبت', toPersianDigits(c.abandoned)],
        ['پایان برنامه پیش از نوبت', toPersianDigits(c.dismissedAtClosing)],
        ['دستورها', toPersianDigits(c.directives)],
      ], 'facts facts-inline mayor-report-counts'),
      el('p', { class: 'no-print' }, print, ' ', csv),
      el('div', { class: 'table-wrap' }, el('table', { class: 'mayor-report', id: 'mayor-report' },
        el('thead', {}, el('tr', {}, ['زمان تماس', 'شماره', 'منطقه', 'موضوع', 'نتیجه', 'انتظار', 'گفتگو', 'یادداشت‌ها', 'دستورها']
          .map((h) => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, rows))));
  }).catch((failure) => {
    if (!isAbort(failure)) container.append(message(errorText('گزارش بارگذاری نشد', failure), 'error'));
  });
  return null;
}
