// #/callbacks — the citizens to call back, in their place: those who kept their place on hold and those who left a
// message when nobody answered. «تماس اکنون» rings the agent's own phone, then the citizen's; without the exchange
// set up, the agent calls from their phone and records how it went. Read again every few seconds while open.

import { el, clear, heading, message, ltr, select } from './dom.js';
import { get, post, errorText, isAbort } from './api.js';
import { myUsername } from './state.js';
import { notify } from './ui.js';
import { formatDateTime, formatNumber } from './persian.js';

const EVERY_MS = 5000;

const KIND_LABELS = Object.freeze({ KEPT_PLACE: 'نوبت را نگه داشت', MESSAGE: 'پیام گذاشت' });
const STATUS_LABELS = Object.freeze({
  WAITING: 'در نوبت', CALLING: 'در حال تماس', DONE: 'با شهروند صحبت شد', CLOSED: 'بسته شد',
});
const OUTCOME_LABELS = Object.freeze({
  answered: 'شهروند پاسخ داد', busy: 'مشغول بود', no_answer: 'پاسخ نداد', failed: 'تماس برقرار نشد',
  agent_missed: 'گوشی کارشناس پاسخ نداد یا قطع شد', unavailable: 'مرکز تلفن در دسترس نبود',
  closed_by_agent: 'کارشناس بست',
});
/** What an agent may record of a call they made from their own phone. */
const BY_HAND = [['', 'نتیجهٔ تماس با گوشی خودم…'], ['ANSWERED', 'پاسخ داد'], ['BUSY', 'مشغول بود'],
  ['NO_ANSWER', 'پاسخ نداد'], ['FAILED', 'برقرار نشد']];

const CONFLICTS = Object.freeze({
  'callback-taken': 'کارشناس دیگری هم‌اکنون با این شهروند تماس می‌گیرد یا کار آن تمام شده است',
  'no-phone': 'برای شما تلفنی ثبت نشده است؛ از سرپرست بخواهید آن را در صفحهٔ کارکنان بنویسد',
  'no-exchange': 'تماس از سامانه راه‌اندازی نشده است؛ با گوشی خود تماس بگیرید و نتیجه را ثبت کنید',
});

function failureText(prefix, failure) {
  if (failure && failure.status === 409 && CONFLICTS[failure.code]) return `${prefix}: ${CONFLICTS[failure.code]}.`;
  return errorText(prefix, failure);
}

const lastTry = (c) => (c.tries.length ? c.tries[c.tries.length - 1] : null);

function whatCell(c) {
  const parts = [el('span', {}, KIND_LABELS[c.kind] ?? c.kind)];
  if (c.request) {
    parts.push(' — ', el('a', { href: `#/request/${encodeURIComponent(c.request)}` }, 'درخواست ', ltr(c.request, 'code')));
  }
  return el('td', {}, parts);
}

function triesCell(c) {
  const last = lastTry(c);
  return el('td', {}, formatNumber(c.tries.length),
    last ? el('small', { class: 'muted' }, ` (${OUTCOME_LABELS[last.outcome] ?? last.outcome}، ${formatDateTime(last.at)})`) : null);
}

function actionsCell(c, refresh) {
  if (c.status === 'CALLING') {
    const who = c.callingBy === myUsername() ? 'گوشی شما زنگ می‌خورد' : `در حال تماس: ${c.callingBy}`;
    return el('td', {}, el('span', { class: 'badge' }, who));
  }
  const callNow = el('button', { type: 'button', class: 'button button-primary', dataset: { action: 'call' } }, 'تماس اکنون');
  callNow.addEventListener('click', async () => {
    callNow.disabled = true;
    try {
      await post(`/api/callbacks/${c.id}/call`);
      notify('گوشی شما زنگ می‌خورد؛ پس از برداشتن، گوشی شهروند گرفته می‌شود.', 'success');
    } catch (failure) {
      if (!isAbort(failure)) notify(failureText('تماس گرفته نشد', failure), 'error');
    }
    refresh();
  });
  const byHand = select({ 'aria-label': 'نتیجهٔ تماس با گوشی خودم', dataset: { action: 'outcome' } }, BY_HAND, '');
  byHand.addEventListener('change', async () => {
    if (!byHand.value) return;
    byHand.disabled = true;
    try {
      await post(`/api/callbacks/${c.id}/outcome`, { outcome: byHand.value });
      notify('نتیجهٔ تماس ثبت شد.', 'success');
    } catch (failure) {
      if (!isAbort(failure)) notify(failureText('ثبت نشد', failure), 'error');
    }
    refresh();
  });
  const close = el('button', { type: 'button', class: 'button', dataset: { action: 'close' } }, 'بستن');
  close.addEventListener('click', async () => {
    close.disabled = true;
    try {
      await post(`/api/callbacks/${c.id}/close`);
      notify('بسته شد؛ دیگر با این شهروند تماس گرفته نمی‌شود.', 'success');
    } catch (failure) {
      if (!isAbort(failure)) notify(failureText('بسته نشد', failure), 'error');
    }
    refresh();
  });
  return el('td', { class: 'actions' }, callNow, ' ', byHand, ' ', close);
}

function openTable(open, refresh) {
  return el('div', { class: 'table-wrap' }, el('table', { class: 'data-table', id: 'callbacks' },
    el('thead', {}, el('tr', {}, ['نوبت', 'شماره', 'منطقه', 'چرا', 'منتظر از', 'تلاش‌ها', 'وضعیت', 'کار'].map((c) => el('th', { scope: 'col' }, c)))),
    el('tbody', {}, open.map((c) => el('tr', { dataset: { id: String(c.id), status: c.status, due: String(c.due) } },
      el('td', {}, formatNumber(c.place)),
      el('td', {}, ltr(c.number, 'phone')),
      el('td', {}, c.districtName ?? '—'),
      whatCell(c),
      el('td', {}, formatDateTime(c.placeAt)),
      triesCell(c),
      el('td', {}, STATUS_LABELS[c.status] ?? c.status,
        c.status === 'WAITING' && !c.due ? el('small', { class: 'muted' }, ` (نوبت بعدی از ${formatDateTime(c.dueAt)})`) : null),
      actionsCell(c, refresh))))));
}

function recentTable(recent) {
  return el('div', { class: 'table-wrap' }, el('table', { class: 'data-table', id: 'callbacks-recent' },
    el('thead', {}, el('tr', {}, ['شماره', 'چرا', 'وضعیت', 'آخرین تلاش'].map((c) => el('th', { scope: 'col' }, c)))),
    el('tbody', {}, recent.map((c) => el('tr', { dataset: { id: String(c.id), status: c.status } },
      el('td', {}, ltr(c.number, 'phone')),
      whatCell(c),
      el('td', {}, STATUS_LABELS[c.status] ?? c.status),
      triesCell(c))))));
}

export function renderCallbacks(container, { signal }) {
  const body = el('div', { id: 'callbacks-body', 'aria-busy': 'true' });
  clear(container).append(heading(1, 'تماس دوباره با شهروندان', { id: 'page-title' }),
    el('p', { class: 'muted' }, 'به ترتیب زمانی که هر شهروند نخست در صف ماند. «تماس اکنون» نخست گوشی شما و سپس گوشی شهروند را می‌گیرد.'),
    body);
  const refresh = async () => {
    try {
      const queue = await get('/api/callbacks', { signal });
      if (signal.aborted) return;
      body.removeAttribute('aria-busy');
      // A list the agent is choosing in is not redrawn under their hand.
      if (body.contains(document.activeElement) && document.activeElement.tagName === 'SELECT') return;
      clear(body).append(
        el('section', { 'aria-labelledby': 'callbacks-open-title' },
          el('h2', { id: 'callbacks-open-title' }, `در نوبت (${formatNumber(queue.open.length)})`),
          queue.open.length ? openTable(queue.open, refresh) : el('p', { class: 'empty', id: 'callbacks-none' }, 'کسی در نوبت تماس دوباره نیست.')),
        el('section', { 'aria-labelledby': 'callbacks-recent-title' },
          el('h2', { id: 'callbacks-recent-title' }, 'یک روز گذشته'),
          queue.recent.length ? recentTable(queue.recent) : el('p', { class: 'empty' }, 'هیچ.')));
    } catch (error) {
      if (!isAbort(error)) clear(body).append(message(errorText('فهرست خوانده نشد', error), 'error'));
    }
  };
  refresh();
  const timer = setInterval(refresh, EVERY_MS);
  signal.addEventListener('abort', () => clearInterval(timer), { once: true });
  return undefined;
}
