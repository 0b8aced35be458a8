// Mayor on the line: the moderator's screening screen, the mayor's own simple screen, the sessions and each
// session's printable report. Both live screens listen to /ws/mayor, which sends the whole line after every
// change; what people do goes through /api/mayor.

import { el, clear, ltr, definitionList, message, heading, field, uniqueId } from './dom.js';
import { get, post, errorText, isAbort } from './api.js';
import { session, districtName, categoryLabel } from './state.js';
import { notify, announce } from './ui.js';
import { formatWait, formatDate, formatDateTime, toPersianDigits, statusLabel, cityToday } from './persian.js';
import { jalaliDateInput } from './jalali.js';

const STATE_LABELS = Object.freeze({
  AWAITING_SCREENING: 'در انتظار بررسی',
  APPROVED: 'تأییدشده',
  REJECTED: 'ردشده',
  ON_AIR: 'در حال گفتگو با شهردار',
  TALKED: 'گفتگو شد',
  ABANDONED: 'تماس را قطع کرد',
  SESSION_CLOSED: 'پایان برنامه پیش از نوبت',
});
const stateLabel = (state) => STATE_LABELS[state] ?? state;
const WAITING = new Set(['AWAITING_SCREENING', 'APPROVED']);

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
  button.disabled = true;
  try {
    const result = await post(path, body);
    if (done) done(result);
    return result;
  } catch (failure) {
    if (!isAbort(failure)) notify(errorText('انجام نشد', failure), 'error');
    return null;
  } finally {
    button.disabled = false;
  }
}

function topicText(caller) {
  return caller.topic ? el('p', { class: 'mayor-topic', dir: 'auto' }, caller.topic)
    : el('p', { class: 'mayor-topic muted' }, 'متن گفته‌ها در دست نیست؛ صدای تماس‌گیرنده ضبط شده است.');
}

function earlierRequests(caller) {
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

function callerFacts(caller, receivedAt) {
  return definitionList([
    ['شماره', ltr(caller.callerNumber)],
    ['منطقه', caller.district ? `${toPersianDigits(caller.district)} — ${caller.districtName ?? districtName(caller.district) ?? ''}` : '—'],
    ['انتظار', el('span', { class: 'mayor-wait', dataset: { waited: String(caller.waitedSeconds) } }, formatWait(waitedNow(caller, receivedAt)))],
  ], 'facts facts-inline');
}

/* ---------- directive form ---------- */

function directiveForm(callId, onGiven) {
  const unit = el('input', { type: 'text', name: 'unit', required: true, maxlength: '200', autocomplete: 'off' });
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

/* ---------- a keyed list that keeps each card's forms (and focus) across updates ---------- */

function keyedList(className) {
  const list = el('ol', { class: className });
  const cards = new Map();
  return {
    node: list,
    /** render(caller) → {info, actions}; forms(caller) → node kept for the card's lifetime */
    update(callers, render, forms) {
      const wanted = new Set(callers.map((c) => c.id));
      for (const [id, card] of cards) {
        if (!wanted.has(id)) {
          card.root.remove();
          cards.delete(id);
        }
      }
      let previous = null;
      for (const caller of callers) {
        let card = cards.get(caller.id);
        if (!card) {
          const body = el('div', { class: 'mayor-card-body' });
          const kept = forms ? forms(caller) : null;
          card = { root: el('li', { class: 'mayor-caller card', dataset: { callId: caller.id } }, body, kept), body };
          cards.set(caller.id, card);
        }
        card.root.dataset.state = caller.state;
        card.body.replaceChildren(...render(caller));
        const expectedNext = previous ? previous.nextSibling : list.firstChild;
        if (expectedNext !== card.root) list.insertBefore(card.root, expectedNext);
        previous = card.root;
      }
    },
  };
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
      ['گشاینده', s.openedBy],
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

export function renderModerator(container) {
  const status = el('span', { class: 'live-status mayor-live', id: 'mayor-live', role: 'status', dataset: { state: 'closed' } }, '…');
  const header = el('div', { id: 'mayor-session-box' });
  const waiting = keyedList('mayor-queue');
  const onAir = keyedList('mayor-on-air');
  const done = keyedList('mayor-done');
  const empty = el('p', { class: 'muted', id: 'mayor-queue-empty' }, 'کسی در صف نیست.');
  clear(container).append(
    el('div', { class: 'page-head' }, heading(1, 'گفتگو با شهردار — بررسی تماس‌ها', { id: 'page-title' }), status),
    header,
    el('section', { 'aria-labelledby': 'mayor-on-air-title' }, el('h2', { id: 'mayor-on-air-title' }, 'روی خط'), onAir.node),
    el('section', { 'aria-labelledby': 'mayor-queue-title' }, el('h2', { id: 'mayor-queue-title' }, 'صف بررسی'), empty, waiting.node),
    el('section', { 'aria-labelledby': 'mayor-done-title' }, el('h2', { id: 'mayor-done-title' }, 'پس از گفتگو'), done.node));

  let last = null;
  let receivedAt = Date.now();
  let sessionId;
  const refreshHeader = () => get('/api/mayor/queue').then(show).catch((f) => { if (!isAbort(f)) notify(errorText('بارگذاری نشد', f), 'error'); });

  function screeningButtons(caller) {
    const path = (what) => `/api/mayor/queue/${encodeURIComponent(caller.id)}/${what}`;
    const button = (text, what, cls) => {
      const b = el('button', { type: 'button', class: `button ${cls ?? ''}`, dataset: { action: what } }, text);
      b.addEventListener('click', () => act(b, path(what)));
      return b;
    };
    return el('div', { class: 'mayor-actions' },
      caller.state === 'APPROVED' ? null : button('تأیید', 'approve', 'button-primary'),
      button('رد', 'reject', 'button-danger'),
      button('بالاتر', 'up'), button('پایین‌تر', 'down'));
  }

  function noteForm(caller) {
    const input = el('input', { type: 'text', name: 'note', maxlength: '1000', autocomplete: 'off' });
    const submit = el('button', { type: 'submit', class: 'button' }, 'افزودن یادداشت');
    const form = el('form', { class: 'mayor-note' }, field('یادداشت', input).wrapper, submit);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (!input.value.trim()) return;
      if (await act(submit, `/api/mayor/queue/${encodeURIComponent(caller.id)}/notes`, { text: input.value })) input.value = '';
    });
    return form;
  }

  function cardBody(caller, withButtons) {
    return [
      el('div', { class: 'mayor-card-head' },
        WAITING.has(caller.state) ? el('span', { class: 'mayor-position' }, toPersianDigits(caller.position)) : null,
        el('span', { class: `badge mayor-state mayor-state-${caller.state}` }, stateLabel(caller.state))),
      topicText(caller),
      callerFacts(caller, receivedAt),
      earlierRequests(caller),
      caller.notes.length ? el('ul', { class: 'mayor-notes' }, caller.notes.map((n) => el('li', { dir: 'auto' }, n))) : null,
      directiveCodes(caller),
      withButtons ? screeningButtons(caller) : null,
    ];
  }

  function show(state) {
    last = state;
    receivedAt = Date.now();
    const currentId = state.session ? state.session.id : null;
    if (currentId !== sessionId) {
      sessionId = currentId;
      header.replaceChildren(sessionHeader(state, refreshHeader));
    }
    const callers = state.callers ?? [];
    const queue = callers.filter((c) => WAITING.has(c.state));
    empty.hidden = queue.length > 0;
    waiting.update(queue, (c) => cardBody(c, true), noteForm);
    onAir.update(callers.filter((c) => c.state === 'ON_AIR'), (c) => cardBody(c, false), (c) => directiveForm(c.id));
    done.update(callers.filter((c) => c.state === 'TALKED'), (c) => cardBody(c, false),
      (c) => el('details', { class: 'mayor-directive-box' }, el('summary', {}, 'ثبت دستور شهردار'), directiveForm(c.id)));
  }

  const stop = watchLine(show, (connection) => liveBadge(status, connection));
  const ticker = window.setInterval(() => {
    if (!last) return;
    for (const node of container.querySelectorAll('.mayor-queue .mayor-caller')) {
      const caller = last.callers.find((c) => c.id === node.dataset.callId);
      const wait = node.querySelector('.mayor-wait');
      if (caller && wait) wait.textContent = formatWait(waitedNow(caller, receivedAt));
    }
  }, 1000);
  return () => {
    stop();
    window.clearInterval(ticker);
  };
}

/* ---------- the mayor's screen ---------- */

export function renderMayor(container) {
  const status = el('span', { class: 'live-status mayor-live', id: 'mayor-live', role: 'status', dataset: { state: 'closed' } }, '…');
  const current = el('section', { class: 'mayor-current card', id: 'mayor-current', 'aria-live': 'polite' });
  const upcoming = el('ol', { class: 'mayor-upcoming', id: 'mayor-upcoming' });
  const next = el('button', { type: 'button', class: 'button button-primary mayor-next', id: 'mayor-next' }, 'تماس‌گیرندهٔ بعدی');
  const directiveBox = el('div', { id: 'mayor-directive-box' });
  const sessionLine = el('p', { class: 'muted', id: 'mayor-session-line' });
  clear(container).append(
    el('div', { class: 'page-head' }, heading(1, 'میز شهردار', { id: 'page-title' }), status),
    sessionLine, current, next, directiveBox,
    el('section', { 'aria-labelledby': 'mayor-upcoming-title' }, el('h2', { id: 'mayor-upcoming-title' }, 'سه نفر بعدی'), upcoming));

  let directiveFor = null;
  next.addEventListener('click', () => act(next, '/api/mayor/next', undefined, (caller) => {
    announce(`در حال وصل کردن ${caller.callerNumber ? toPersianDigits(caller.callerNumber) : 'تماس‌گیرنده'}`);
  }));

  function show(state) {
    sessionLine.textContent = state.session ? state.session.title : 'برنامه‌ای باز نیست.';
    const callers = state.callers ?? [];
    const onAir = callers.find((c) => c.state === 'ON_AIR');
    const approved = callers.filter((c) => c.state === 'APPROVED');
    const talked = callers.filter((c) => c.state === 'TALKED');
    const shown = onAir ?? talked[talked.length - 1] ?? null;
    current.dataset.callId = onAir ? onAir.id : '';
    if (shown) {
      current.replaceChildren(
        el('h2', {}, onAir ? 'اکنون روی خط' : 'گفتگوی پیشین'),
        el('p', { class: 'mayor-topic mayor-topic-large', dir: 'auto' }, shown.topic ?? 'متن گفته‌ها در دست نیست.'),
        callerFacts(shown, Date.now()),
        earlierRequests(shown),
        directiveCodes(shown));
    } else {
      current.replaceChildren(el('h2', {}, 'کسی روی خط نیست'));
    }
    // The form stays put while the same caller is shown, so typing is never lost to an update.
    const forId = shown ? shown.id : null;
    if (forId !== directiveFor) {
      directiveFor = forId;
      directiveBox.replaceChildren(forId ? el('details', { class: 'mayor-directive-box', open: Boolean(onAir) },
        el('summary', {}, 'ثبت دستور'), directiveForm(forId)) : '');
    }
    next.disabled = !state.session || Boolean(onAir) || approved.length === 0;
    upcoming.replaceChildren(...approved.slice(0, 3).map((c) => el('li', { class: 'mayor-caller card', dataset: { callId: c.id } },
      el('p', { class: 'mayor-topic', dir: 'auto' }, c.topic ?? 'متن گفته‌ها در دست نیست.'),
      callerFacts(c, Date.now()))));
    if (approved.length === 0) upcoming.append(el('li', { class: 'muted' }, 'تماس‌گیرندهٔ تأییدشده‌ای در صف نیست.'));
  }

  return watchLine(show, (connection) => liveBadge(status, connection));
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
      el('td', {}, caller.district ? `${toPersianDigits(caller.district)} ${caller.districtName ?? ''}` : '—'),
      el('td', { dir: 'auto' }, caller.topic ?? '—'),
      el('td', { class: 'mayor-report-outcome' }, stateLabel(caller.outcome)),
      el('td', {}, formatWait(caller.waitedSeconds)),
      el('td', {}, caller.talkedSeconds === null ? '—' : formatWait(caller.talkedSeconds)),
      el('td', {}, caller.notes.length ? el('ul', {}, caller.notes.map((n) => el('li', { dir: 'auto' }, n))) : '—'),
      el('td', {}, caller.directives.length ? el('ul', {}, caller.directives.map((d) => el('li', { class: 'mayor-report-directive' },
        el('a', { href: `#/request/${encodeURIComponent(d.code)}` }, ltr(d.code)), ' — ', d.unit ?? '',
        d.assignee ? ` (${d.assignee})` : '', ' — مهلت ', formatDate(d.deadline), d.overdue ? ' (گذشته)' : '',
        ' — ', statusLabel(d.status), el('div', { dir: 'auto' }, d.text)))) : '—')));
    container.replaceChildren(
      heading(1, report.title, { id: 'page-title', dir: 'auto' }),
      definitionList([
        ['آغاز', formatDateTime(report.openedAt)],
        ['پایان', report.closedAt ? formatDateTime(report.closedAt) : 'هنوز باز است'],
        ['گشاینده', report.openedBy],
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
