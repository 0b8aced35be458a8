// An agent's shift: the wrap-up a call card asks for when a call is taken, and #/shift, what the agent did today
// (calls, talk time, breaks by reason, outcomes) with the calls still waiting for their outcome.

import { el, clear, heading, message, ltr, select, field } from './dom.js';
import { get, post, errorText, isAbort } from './api.js';
import { notify } from './ui.js';
import {
  WRAP_UP_CODES, wrapUpLabel, awayReasonLabel, formatNumber, formatWait, formatTime, formatLongDay,
} from './persian.js';

/** Wrap-ups given in this page's life, by call id, so a card opened again shows what was saved. */
const saved = new Map();

function codeSelect(id, chosen) {
  return select({ id, name: 'code', required: true },
    [['', 'نتیجهٔ تماس را انتخاب کنید'], ...WRAP_UP_CODES.map((code) => [code, wrapUpLabel(code)])], chosen);
}

async function send(callId, outcome, note) {
  const wrapUp = await post('/api/me/wrap-ups', { callId, outcome, note });
  saved.set(callId, wrapUp);
  return wrapUp;
}

/**
 * The card's «نتیجهٔ تماس» panel: one choice and an optional note, saved for this call; saved again, it corrects.
 * suggested() names the code the card's own outcome points at (a request registered, a caller joined).
 */
export function wrapUpPanel(callId, suggested) {
  const earlier = saved.get(callId);
  const code = codeSelect('wrap-up-code', earlier?.code ?? suggested());
  const note = el('textarea', { id: 'wrap-up-note', name: 'note', rows: 2, maxLength: 500 }, earlier?.note ?? '');
  const state = el('p', { class: 'wrap-up-state muted', id: 'wrap-up-state', role: 'status' },
    earlier ? `ثبت شد: ${wrapUpLabel(earlier.code)}` : 'هنوز ثبت نشده است.');
  const save = el('button', { type: 'submit', class: 'button', id: 'wrap-up-save' }, 'ثبت نتیجه');
  const form = el('form', { class: 'wrap-up-form', id: 'wrap-up-form', noValidate: true },
    field('نتیجه', code).wrapper, field('یادداشت (اختیاری)', note).wrapper, el('div', { class: 'form-actions' }, save));
  const panel = el('section', { class: 'panel wrap-up', id: 'wrap-up', 'aria-labelledby': 'wrap-up-title' },
    el('h2', { id: 'wrap-up-title', tabindex: '-1' }, 'نتیجهٔ تماس'), state, form);
  panel.classList.toggle('is-saved', Boolean(earlier));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!code.value) {
      state.textContent = 'نتیجهٔ تماس را انتخاب کنید.';
      code.setAttribute('aria-invalid', 'true');
      code.focus();
      return;
    }
    code.removeAttribute('aria-invalid');
    save.disabled = true;
    try {
      const wrapUp = await send(callId, code.value, note.value);
      state.textContent = `ثبت شد: ${wrapUpLabel(wrapUp.code)}`;
      panel.classList.add('is-saved');
      panel.classList.remove('needs-wrap-up');
      notify('نتیجهٔ تماس ثبت شد.', 'success');
    } catch (failure) {
      if (!isAbort(failure)) state.textContent = errorText('نتیجه ثبت نشد', failure);
    } finally {
      save.disabled = false;
    }
  });
  return {
    panel,
    /** The card's outcome changed (a request registered): offer its code unless the agent chose one. */
    suggest(next) {
      if (!code.value && next) code.value = next;
    },
    /** The call ended: if nothing is saved yet, say so where the agent will look. */
    callEnded() {
      if (panel.classList.contains('is-saved')) return;
      panel.classList.add('needs-wrap-up');
      state.textContent = 'تماس پایان یافت؛ نتیجهٔ آن را ثبت کنید.';
    },
  };
}

function tile(id, label, value, kind) {
  return el('div', { class: `big-number ${kind ?? ''}`, id },
    el('span', { class: 'big-number-value' }, value),
    el('span', { class: 'big-number-label' }, label));
}

function callRow(call, onSaved) {
  let cell;
  if (!call.answered) {
    cell = el('span', { class: 'muted' }, 'تلفن شما پاسخ نداد');
  } else if (call.ongoing) {
    cell = el('span', { class: 'muted' }, 'در تماس');
  } else {
    const choice = codeSelect(`shift-code-${call.callId}`, call.wrapUp);
    choice.setAttribute('aria-label', 'نتیجهٔ تماس');
    choice.addEventListener('change', async () => {
      if (!choice.value) return;
      choice.disabled = true;
      try {
        await send(call.callId, choice.value, call.wrapUpNote ?? '');
        notify('نتیجهٔ تماس ثبت شد.', 'success');
        onSaved();
      } catch (failure) {
        if (!isAbort(failure)) notify(errorText('نتیجه ثبت نشد', failure), 'error');
        choice.disabled = false;
      }
    });
    cell = choice;
  }
  const request = call.request
    ? el('a', { href: `#/request/${encodeURIComponent(call.request)}` }, ltr(call.request))
    : '—';
  return el('tr', { dataset: { call: call.callId, wrapped: String(Boolean(call.wrapUp)) } },
    el('td', {}, formatTime(call.acceptedAt)),
    el('td', {}, ltr(call.callerNumber, 'phone')),
    el('td', {}, formatWait(call.talkSeconds)),
    el('td', {}, request),
    el('td', {}, cell));
}

function shiftPage(view, reload) {
  const answered = view.calls.filter((c) => c.answered);
  const average = answered.length ? Math.round(view.busySeconds / answered.length) : 0;
  const awayTotal = Object.values(view.awaySeconds ?? {}).reduce((a, b) => a + b, 0);
  // Every reason the agent went away for today, even for less than a minute.
  const away = Object.entries(view.awaySeconds ?? {});
  const outcomes = Object.entries(view.wrapUps ?? {}).filter(([, n]) => n > 0);
  return [
    el('p', { class: 'muted', id: 'shift-day' }, formatLongDay(view.day),
      view.firstSeen ? `، از ساعت ${formatTime(view.firstSeen)}` : '، هنوز وارد صف نشده‌اید'),
    el('div', { class: 'big-numbers' },
      tile('shift-answered', 'تماس پاسخ‌داده', formatNumber(answered.length)),
      tile('shift-talk', 'زمان گفت‌وگو', formatWait(view.busySeconds)),
      tile('shift-average', 'میانگین هر تماس', formatWait(average)),
      tile('shift-available', 'آماده', formatWait(view.availableSeconds)),
      tile('shift-away', 'غایب', formatWait(awayTotal)),
      tile('shift-not-wrapped', 'بدون نتیجه', formatNumber(view.notWrappedUp), view.notWrappedUp > 0 ? 'is-overdue' : '')),
    away.length ? el('section', { 'aria-labelledby': 'shift-away-title' },
      el('h2', { id: 'shift-away-title' }, 'غیبت‌ها'),
      el('ul', { class: 'plain-list', id: 'shift-away-reasons' },
        away.map(([reason, seconds]) => el('li', { dataset: { reason } }, `${awayReasonLabel(reason)}: ${formatWait(seconds)}`)))) : null,
    outcomes.length ? el('section', { 'aria-labelledby': 'shift-outcomes-title' },
      el('h2', { id: 'shift-outcomes-title' }, 'نتیجهٔ تماس‌ها'),
      el('ul', { class: 'plain-list', id: 'shift-outcomes' },
        outcomes.map(([code, n]) => el('li', { dataset: { code } }, `${wrapUpLabel(code)}: ${formatNumber(n)}`)))) : null,
    el('section', { 'aria-labelledby': 'shift-calls-title' },
      el('h2', { id: 'shift-calls-title' }, 'تماس‌های امروز'),
      view.calls.length
        ? el('div', { class: 'table-wrap' }, el('table', { class: 'data-table', id: 'shift-calls' },
          el('thead', {}, el('tr', {}, ['ساعت', 'تماس‌گیرنده', 'مدت', 'درخواست', 'نتیجه'].map((c) => el('th', { scope: 'col' }, c)))),
          el('tbody', {}, view.calls.map((call) => callRow(call, reload)))))
        : el('p', { class: 'muted' }, 'امروز تماسی نگرفته‌اید.')),
  ];
}

export function renderShift(container, { signal }) {
  const body = el('div', { id: 'shift', 'aria-busy': 'true' }, message('در حال خواندن شیفت…'));
  clear(container).append(heading(1, 'شیفت من', { id: 'page-title' }), body);
  const load = async () => {
    try {
      const view = await get('/api/me/shift', { signal });
      if (signal.aborted) return;
      clear(body).append(...shiftPage(view, load).filter(Boolean));
      body.setAttribute('aria-busy', 'false');
    } catch (failure) {
      if (isAbort(failure) || signal.aborted) return;
      clear(body).append(message(errorText('شیفت خوانده نشد', failure), 'error'));
    }
  };
  load();
  return undefined;
}
