// #/call/{id} — the call an agent accepted: who calls, what they said, their earlier requests, the
// suggested duplicates (join one) or a new request (register), then refer it, mark it a duplicate or add a note;
// and the call's outcome (wrap-up) for the agent's shift. The card follows the live board for its call (caller
// hung up, phone did not answer, call ended).

import { el, clear, append, ltr, heading, field, select, message, definitionList, audioPlayer } from './dom.js';
import { get, post, errorText, isAbort } from './api.js';
import { acceptedCalls, callOutcomes, session, myUsername, districtName, categoryLabel } from './state.js';
import { notify } from './ui.js';
import { acceptCall } from './board.js';
import { board, subscribe } from './live.js';
import { requestActionForms } from './actions.js';
import { wrapUpPanel } from './shift.js';
import {
  formatDate, formatNumber, formatPercent, formatWait, reasonLabel, statusLabel, toPersianDigits,
  normalizeDigitsInput, isDigits, leftQueueLabel,
} from './persian.js';

const PHONE_PATTERN = /^\+?[0-9]{3,15}$/;

/** What the card says when the live board reports on its call. */
const LIVE_TEXT = Object.freeze({
  abandoned: 'تماس‌گیرنده قطع کرد',
  returned: 'تلفن شما پاسخ نداد؛ تماس به صف برگشت و وضعیت شما «غایب» شد',
  ended: 'تماس پایان یافت',
});

/** An agent's name as the board knows it. */
function agentName(username) {
  const agent = board.agents.get(username);
  return (agent && agent.displayName) || username || 'اپراتور دیگری';
}

/** Keys typed into a form field are the field's; Escape there only leaves the field. */
function inFormField(target) {
  return target instanceof Element
    && Boolean(target.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])'));
}

/**
 * Unsent register forms, so leaving the card (Escape), reloading the page or the server restarting keeps what
 * was typed. In this tab's session storage: gone with the tab, never shared with another person's browser.
 */
const drafts = {
  key: (id) => `hotline137.draft.${id}`,
  get(id) {
    try {
      return JSON.parse(sessionStorage.getItem(this.key(id)) ?? 'null');
    } catch {
      return null;
    }
  },
  set(id, draft) {
    try {
      sessionStorage.setItem(this.key(id), JSON.stringify(draft));
    } catch {
      // storage full or forbidden: the draft lives as long as the form does
    }
  },
  delete(id) {
    sessionStorage.removeItem(this.key(id));
  },
};

function backToBoardLink() {
  return el('a', { href: '#/board', class: 'button' }, 'بازگشت به تابلوی تماس‌ها');
}

function requestLink(code, text) {
  if (!isDigits(code)) return ltr(code, 'code');
  return el('a', { href: `#/request/${code}`, class: 'code-link' }, text ?? ltr(code, 'code'));
}

function callSummary(call) {
  const transcript = call.transcript
    ? el('p', { class: 'transcript', id: 'call-transcript' }, call.transcript)
    : el('p', { class: 'muted', id: 'call-transcript' }, call.hasRecording ? 'متنی در دست نیست؛ صدای تماس‌گیرنده را بشنوید.' : 'متنی در دست نیست.');
  const recording = call.hasRecording
    ? audioPlayer(`/api/calls/${encodeURIComponent(call.id)}/recording`, 'call-recording', 'صدای تماس‌گیرنده')
    : null;
  return el('section', { class: 'panel call-summary', 'aria-labelledby': 'call-summary-title' },
    el('h2', { id: 'call-summary-title', class: 'visually-hidden' }, 'مشخصات تماس'),
    definitionList([
      ['شماره تماس‌گیرنده', ltr(call.callerNumber, 'phone')],
      ['منطقه', call.districtName || districtName(call.district) || 'نامعلوم'],
      ['علت انتقال به اپراتور', reasonLabel(call.reason)],
      ['انتظار در صف', Number.isFinite(call.waitedSeconds) ? formatWait(call.waitedSeconds) : undefined],
    ], 'facts facts-inline'),
    el('p', { class: 'call-state', id: 'call-state', hidden: true }),
    el('h3', { class: 'subtle-title' }, 'گفتهٔ تماس‌گیرنده'),
    transcript,
    recording);
}

/** The register form; calls onDone(view) after 201. */
function registerForm(call, onDone) {
  const draft = drafts.get(call.id) ?? {};
  const districts = session.directory.districts ?? [];
  const categories = session.directory.categories ?? [];

  const caller = el('input', {
    type: 'tel', id: 'caller-number', name: 'callerNumber', dir: 'ltr', inputmode: 'tel', autocomplete: 'off',
    value: toPersianDigits(draft.caller ?? call.callerNumber ?? ''),
  });
  const district = select({ id: 'district', name: 'district', required: true },
    [['', '— منطقه را انتخاب کنید —'], ...districts.map((d) => [d.number, d.name])],
    draft.district ?? call.district ?? '');
  const category = select({ id: 'category', name: 'category' },
    [['', 'پیشنهاد خودکار'], ...categories.map((c) => [c.id, c.label])],
    draft.category ?? '');
  const description = el('textarea', { id: 'description', name: 'description', rows: '5', required: true });
  description.value = draft.description ?? call.transcript ?? '';
  const note = el('input', { type: 'text', id: 'note', name: 'note', autocomplete: 'off', value: draft.note ?? '' });
  const submit = el('button', { type: 'submit', id: 'register-submit', class: 'button button-primary button-large' }, 'ثبت درخواست');
  const error = el('p', { class: 'form-error', id: 'register-error', role: 'alert', hidden: true });

  const form = el('form', { id: 'register-form', class: 'register-form', novalidate: true, 'aria-labelledby': 'register-title' },
    el('div', { class: 'form-row' },
      field('شماره تماس‌گیرنده', caller).wrapper,
      field('منطقه', district).wrapper,
      field('موضوع', category, 'اگر «پیشنهاد خودکار» بماند، سامانه از روی شرح موضوع را پیشنهاد می‌کند.').wrapper),
    field('شرح درخواست', description, 'متن گفتهٔ تماس‌گیرنده آمده است؛ آن را درست و کامل کنید. (Alt+R)').wrapper,
    field('یادداشت اپراتور (اختیاری)', note).wrapper,
    error,
    el('div', { class: 'form-actions' }, submit,
      el('small', { class: 'hint keys-hint' }, 'Enter در خانه‌های یک‌خطی: ثبت • Esc: بیرون آمدن از خانه، Esc دوباره: بازگشت به تابلو')));

  const controls = { callerNumber: caller, district, category, description, note };
  const saveDraft = () => drafts.set(call.id, {
    caller: caller.value, district: district.value, category: category.value, description: description.value, note: note.value,
  });
  form.addEventListener('input', saveDraft);
  form.addEventListener('change', saveDraft);

  const showError = (text, control) => {
    error.textContent = text;
    error.hidden = false;
    for (const c of Object.values(controls)) c.removeAttribute('aria-invalid');
    if (control) {
      control.setAttribute('aria-invalid', 'true');
      control.focus();
    }
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (submit.disabled) return;
    error.hidden = true;
    const callerNumber = normalizeDigitsInput(caller.value);
    if (callerNumber && !PHONE_PATTERN.test(callerNumber)) {
      showError('شمارهٔ تماس‌گیرنده درست نیست.', caller);
      return;
    }
    if (!district.value) {
      showError('منطقه را انتخاب کنید.', district);
      return;
    }
    const text = description.value.trim();
    if (!text) {
      showError('شرح درخواست را بنویسید.', description);
      return;
    }
    const body = { callerNumber: callerNumber || null, district: Number(district.value), description: text, callId: call.id };
    if (category.value) body.category = category.value;
    if (note.value.trim()) body.note = note.value.trim();

    submit.disabled = true;
    submit.setAttribute('aria-busy', 'true');
    form.setAttribute('aria-busy', 'true');
    try {
      const view = await post('/api/requests', body);
      drafts.delete(call.id);
      onDone(view);
    } catch (failure) {
      if (isAbort(failure)) return;
      showError(errorText('درخواست ثبت نشد', failure), failure && failure.field ? controls[failure.field] : null);
    } finally {
      form.removeAttribute('aria-busy');
      if (submit.isConnected) {
        submit.disabled = false;
        submit.removeAttribute('aria-busy');
      }
    }
  });
  return form;
}

/** After register or join: the tracking code, big, and what can be done next (as the request's lifecycle allows). */
function outcomePanel(view, kind, onUpdated) {
  const details = el('div', { class: 'outcome-details' });
  const actions = el('div', { class: 'actions-grid' });
  const title = el('h2', { id: 'outcome-title', tabindex: '-1' }, kind === 'joined' ? 'تماس‌گیرنده به درخواست پیوست' : 'درخواست ثبت شد');

  const fill = (v) => {
    details.replaceChildren(definitionList([
      ['وضعیت', el('span', { class: `badge status-badge status-${v.status}` }, statusLabel(v.status))],
      ['منطقه', v.districtName || districtName(v.district) || '—'],
      ['موضوع', v.categoryLabel || categoryLabel(v.category) || '—'],
      ['حامیان', toPersianDigits(String(v.supporters ?? 0))],
      ['ارجاع', v.referral ? `${v.referral.unit ?? '—'}${v.referral.deadline ? ` — مهلت ${formatDate(v.referral.deadline)}` : ''}` : 'ارجاع نشده'],
      ['تکراریِ درخواست', v.duplicateOf ? requestLink(v.duplicateOf) : undefined],
    ], 'facts facts-inline'));
    // The forms follow the new lifecycle (no referral form once it cannot be referred, and so on).
    actions.replaceChildren(...requestActionForms(v, updated, { withStatus: false }));
  };
  function updated(next) {
    if (!next || !next.code) return;
    onUpdated(next);
    fill(next);
    const active = document.activeElement;
    if (!active || active === document.body || !active.isConnected) title.focus();
  }
  fill(view);

  const code = el('div', { id: 'tracking-code', class: 'tracking-code', dataset: { code: view.code } }, ltr(view.code));

  return el('section', { class: 'panel outcome', id: 'outcome', 'aria-labelledby': 'outcome-title', dataset: { kind } },
    title,
    el('p', { class: 'tracking-label' }, 'کد رهگیری'),
    code,
    el('p', { class: 'hint' }, 'این کد را رقم به رقم برای تماس‌گیرنده بخوانید.'),
    details,
    el('p', {}, requestLink(view.code, 'صفحهٔ کامل درخواست')),
    actions,
    el('div', { class: 'form-actions' }, backToBoardLink()));
}

/**
 * The open requests probably about the same problem: first those the IVR found in what the caller said, then,
 * as the agent types the description, those the same search finds in it (update()). One click joins the caller.
 */
function duplicatesSection(call, onJoined, getCaller) {
  const section = el('section', { class: 'panel duplicates', 'aria-labelledby': 'duplicates-title' },
    el('h2', { id: 'duplicates-title', tabindex: '-1' }, 'درخواست‌های مشابه'));
  const body = el('div', { id: 'duplicates-body', 'aria-live': 'polite' });
  section.append(body);

  const joinButton = (code) => {
    const button = el('button', { type: 'button', class: 'button join', dataset: { code } }, 'پیوستن به این درخواست');
    button.addEventListener('click', async () => {
      // A withheld number joins too (callerNumber null): the request still counts one more caller.
      const callerNumber = getCaller();
      if (callerNumber && !PHONE_PATTERN.test(callerNumber)) {
        notify('شمارهٔ تماس‌گیرنده درست نیست؛ آن را در فرم ثبت درست کنید یا خالی بگذارید.', 'error');
        return;
      }
      if (!isDigits(code)) return;
      button.disabled = true;
      try {
        const view = await post(`/api/requests/${code}/join`, { callerNumber: callerNumber || null });
        onJoined(view);
      } catch (failure) {
        if (isAbort(failure)) return;
        notify(errorText('پیوستن ممکن نشد', failure), 'error');
        if (button.isConnected) button.disabled = false;
      }
    });
    return button;
  };

  section.update = (candidates, typed) => {
    // What the IVR found stays until the agent's own words find something else.
    const ivr = Array.isArray(call.duplicates) ? call.duplicates : [];
    const found = Array.isArray(candidates) ? candidates : [];
    const list = typed && !found.length ? ivr : found;
    typed = typed && found.length > 0;
    if (!list.length) {
      clear(body).append(el('p', { class: 'muted', id: 'duplicates-none' }, typed
        ? 'برای این شرح درخواست بازِ مشابهی در این منطقه پیدا نشد.'
        : 'درخواست مشابهی پیدا نشد.'));
      return;
    }
    append(clear(body), [
      typed ? el('p', { class: 'hint' }, 'از روی شرحی که می‌نویسید:') : null,
      el('ul', { class: 'item-list', id: 'duplicates-list' }, list.map((duplicate) => el('li', {
        class: 'item', dataset: { code: duplicate.trackingCode },
      },
      el('div', { class: 'item-head' },
        requestLink(duplicate.trackingCode),
        el('span', { class: 'badge badge-info', title: 'میزان شباهت' }, `شباهت ${formatPercent(duplicate.similarity)}`)),
      duplicate.description ? el('p', { class: 'item-text' }, duplicate.description) : null,
      el('div', { class: 'item-meta' },
        duplicate.status ? el('span', {}, statusLabel(duplicate.status)) : null,
        el('span', {}, categoryLabel(duplicate.category) || 'بی‌موضوع'),
        el('span', {}, formatDate(duplicate.registeredAt)),
        Number.isFinite(duplicate.supporters) ? el('span', { class: 'supporters' },
          `${formatNumber(duplicate.supporters)} پشتیبان`) : null),
      joinButton(duplicate.trackingCode))))]);
  };
  section.update(call.duplicates, false);
  return section;
}

/**
 * Asks for similar requests as the agent types (once they pause), for the district chosen: what the IVR could
 * not hear, the agent's words can still find.
 */
function searchWhileTyping(form, section, signal) {
  const district = form.querySelector('#district');
  const category = form.querySelector('#category');
  const description = form.querySelector('#description');
  let timer = null;
  let asked = '';
  let pending = null;
  const ask = async () => {
    // Once registered or joined, the form is gone: the new request must not be offered as its own duplicate.
    if (!form.isConnected) return;
    const text = description.value.trim();
    if (!district.value || text.length < 8) return;
    const query = new URLSearchParams({ district: district.value, text });
    if (category.value) query.set('category', category.value);
    if (query.toString() === asked) return;
    asked = query.toString();
    pending?.abort();
    pending = new AbortController();
    try {
      const found = await get(`/api/requests/similar?${query}`, { signal: pending.signal });
      if (form.isConnected) section.update(found, true);
    } catch (failure) {
      if (!isAbort(failure)) asked = '';
    }
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(ask, 450);
  };
  signal.addEventListener('abort', () => {
    clearTimeout(timer);
    pending?.abort();
  }, { once: true });
  description.addEventListener('input', later);
  district.addEventListener('change', later);
  category.addEventListener('change', later);
}

function earlierSection(call, signal) {
  const section = el('section', { class: 'panel earlier', 'aria-labelledby': 'earlier-title' },
    el('h2', { id: 'earlier-title' }, 'درخواست‌های پیشین این تماس‌گیرنده'));
  const body = el('div', { 'aria-live': 'polite' }, el('p', { class: 'muted' }, 'در حال جست‌وجو…'));
  section.append(body);
  const number = normalizeDigitsInput(call.callerNumber ?? '');
  if (!number) {
    body.replaceChildren(el('p', { class: 'muted' }, 'شمارهٔ تماس‌گیرنده معلوم نیست.'));
    return section;
  }
  get(`/api/requests?caller=${encodeURIComponent(number)}`, { signal })
    .then((page) => {
      const items = page && Array.isArray(page.items) ? page.items : [];
      if (!items.length) {
        body.replaceChildren(el('p', { class: 'muted' }, 'درخواست پیشینی ندارد.'));
        return;
      }
      const list = el('ul', { class: 'item-list', id: 'earlier-list' });
      for (const item of items) {
        list.append(el('li', { class: 'item', dataset: { code: item.code } },
          el('div', { class: 'item-head' },
            requestLink(item.code),
            el('span', { class: `badge status-badge status-${item.status}` }, statusLabel(item.status))),
          el('div', { class: 'item-meta' },
            el('span', {}, formatDate(item.createdAt)),
            el('span', {}, item.categoryLabel || categoryLabel(item.category) || '')),
          el('p', { class: 'clamp-2', title: item.description ?? '' }, item.description ?? '')));
      }
      body.replaceChildren(list);
      if (page.hasNext) body.append(el('p', { class: 'hint' }, 'درخواست‌های قدیمی‌تر در صفحهٔ «درخواست‌ها» است.'));
    })
    .catch((failure) => {
      if (isAbort(failure)) return;
      body.replaceChildren(message(errorText('درخواست‌های پیشین خوانده نشد', failure), 'error'));
    });
  return section;
}

function showCard(container, call, signal) {
  const outcome = callOutcomes.get(call.id);
  const main = el('div', { class: 'card-main' });
  const registerSection = el('section', { class: 'panel register', id: 'register-section', 'aria-labelledby': 'register-title' },
    el('h2', { id: 'register-title' }, 'ثبت درخواست تازه'));
  let form = null;

  const keepOutcome = (kind) => (updated) => callOutcomes.set(call.id, { view: updated, kind });
  const codeFor = (kind) => ({ registered: 'NEW_REQUEST', joined: 'JOINED_REQUEST' })[kind] ?? '';
  const wrapUp = wrapUpPanel(call.id, () => codeFor(outcome?.kind));
  const finish = (view, kind) => {
    callOutcomes.set(call.id, { view, kind });
    wrapUp.suggest(codeFor(kind));
    const panel = outcomePanel(view, kind, keepOutcome(kind));
    registerSection.replaceWith(panel);
    for (const b of container.querySelectorAll('button.join')) b.disabled = true;
    panel.querySelector('#outcome-title').focus();
    notify(kind === 'joined' ? 'تماس‌گیرنده به درخواست افزوده شد.' : 'درخواست ثبت شد.', 'success');
  };

  const getCaller = () => {
    const input = container.querySelector('#caller-number');
    return normalizeDigitsInput(input ? input.value : call.callerNumber ?? '');
  };

  if (outcome) {
    main.append(outcomePanel(outcome.view, outcome.kind, keepOutcome(outcome.kind)));
  } else {
    const duplicateCount = Array.isArray(call.duplicates) ? call.duplicates.length : 0;
    if (duplicateCount) {
      // Joining an existing request is better than a second one: point at the suggestions first.
      registerSection.append(el('p', { class: 'duplicates-hint' },
        `${formatNumber(duplicateCount)} درخواست مشابه پیدا شد؛ اگر همان مشکل است، به آن بپیوندید. `,
        el('button', {
          type: 'button', class: 'button button-quiet', id: 'show-duplicates',
          on: {
            click: () => {
              const target = document.getElementById('duplicates-title');
              if (target) {
                target.scrollIntoView({ block: 'start' });
                target.focus();
              }
            },
          },
        }, 'دیدن درخواست‌های مشابه')));
    }
    form = registerForm(call, (view) => finish(view, 'registered'));
    registerSection.append(form);
    main.append(registerSection);
  }

  const duplicates = duplicatesSection(call, (view) => finish(view, 'joined'), getCaller);
  if (form) searchWhileTyping(form, duplicates, signal);
  const side = el('div', { class: 'card-side' }, wrapUp.panel, duplicates, earlierSection(call, signal));
  if (outcome) for (const b of side.querySelectorAll('button.join')) b.disabled = true;

  const summary = callSummary(call);
  // The talk timer: from the click on پذیرش (the phone rings a moment later), until the call ends.
  const since = acceptedCalls.get(call.id)?.acceptedAt ?? Date.now();
  const timer = el('span', { class: 'badge badge-info talk-timer', id: 'talk-timer', role: 'timer', 'aria-live': 'off' });
  const tick = () => { timer.textContent = `در تماس: ${formatWait(Math.floor((Date.now() - since) / 1000))}`; };
  tick();
  let ticking = setInterval(tick, 1000);
  const stopTimer = () => {
    clearInterval(ticking);
    ticking = null;
    timer.textContent = `گفت‌وگو: ${formatWait(Math.floor((Date.now() - since) / 1000))}`;
    timer.dataset.ended = 'true';
  };
  signal.addEventListener('abort', () => clearInterval(ticking), { once: true });
  clear(container).append(
    el('div', { class: 'page-head' },
      heading(1, 'کارت تماس', { id: 'page-title' }),
      outcome ? null : timer,
      backToBoardLink()),
    summary,
    el('div', { class: 'card-layout' }, main, side));

  const state = summary.querySelector('#call-state');
  const tell = (text, kind) => {
    state.textContent = text;
    state.dataset.kind = kind;
    state.hidden = false;
    notify(text, kind);
  };
  const me = myUsername();
  return {
    /** The live board on this call. The register form stays usable: the agent may still register what they heard. */
    onChange(change) {
      if (change.id !== call.id) return;
      if (change.type === 'calls' && change.reason === 'ABANDONED') {
        tell(LIVE_TEXT.abandoned, 'info');
        stopTimer();
        wrapUp.callEnded();
      } else if (change.type === 'returned' && change.agent === me) {
        tell(LIVE_TEXT.returned, 'error');
        stopTimer();
        // Her phone never answered: the call is someone else's to wrap up.
        wrapUp.panel.hidden = true;
      } else if (change.type === 'ended') {
        tell(LIVE_TEXT.ended, 'info');
        stopTimer();
        wrapUp.callEnded();
      }
    },
  };
}

function notAvailable(container, text) {
  clear(container).append(
    heading(1, 'کارت تماس', { id: 'page-title' }),
    message(text, 'info', el('p', {}, backToBoardLink())));
  return null;
}

/** A call still in the queue (or taken by someone else): offer accept while it can be accepted. */
function showWaiting(container, first, onMine) {
  const me = myUsername();
  const id = first.id;
  const button = el('button', { type: 'button', class: 'button button-primary accept', dataset: { callId: id } }, 'پذیرش این تماس');
  const text = el('p', { id: 'waiting-state', tabindex: '-1' });
  const box = el('div', { class: 'message message-info waiting-box', role: 'status' }, text, el('p', {}, button));
  clear(container).append(
    el('div', { class: 'page-head' }, heading(1, 'کارت تماس', { id: 'page-title' }), backToBoardLink()),
    box,
    callSummary(first));

  let closed = false;
  let current = { sentence: '', open: true };
  const setState = (sentence, open) => {
    const hadFocus = document.activeElement === button;
    current = { sentence, open };
    text.textContent = sentence;
    button.disabled = !open;
    box.dataset.state = open ? 'waiting' : 'gone';
    if (hadFocus && !open) text.focus();
  };
  const follow = (call) => {
    if (closed || !call) return;
    if (call.assignedTo && call.assignedTo === me) {
      closed = true;
      onMine(call);
    } else if (call.assignedTo) {
      setState(`این تماس را ${agentName(call.assignedTo)} پذیرفت؛ دیگر نمی‌توانید آن را بپذیرید.`, false);
    } else {
      setState('این تماس هنوز در صف است و شما آن را نپذیرفته‌اید.', true);
    }
  };
  const gone = (sentence) => {
    if (closed) return;
    setState(sentence, false);
  };
  follow(first);
  button.addEventListener('click', async () => {
    await acceptCall(id, button);
    // A refused accept re-enables the button; the live board may have said meanwhile that it is gone.
    if (!closed && button.isConnected) setState(current.sentence, current.open);
  });

  return {
    onChange(change) {
      if (closed) return;
      if (change.type === 'snapshot') {
        const call = board.calls.get(id);
        if (call) follow(call);
        return;
      }
      if (change.id !== id) return;
      if (change.type === 'assigned') {
        follow({ ...(board.calls.get(id) ?? first), assignedTo: change.agent });
      } else if (change.type === 'returned') {
        if (change.call) follow(change.call);
      } else if (change.type === 'ended') {
        gone(`${LIVE_TEXT.ended}.`);
      } else if (change.type === 'calls' && change.reason) {
        // ASSIGNED to someone else was already said by CallAssigned (it comes first); the others end the wait.
        if (change.reason !== 'ASSIGNED' || button.disabled === false) {
          gone(change.reason === 'ASSIGNED' ? 'این تماس به اپراتور دیگری وصل شد.' : `${leftQueueLabel(change.reason)}.`);
        }
      } else if (change.type === 'calls') {
        const call = board.calls.get(id);
        if (call) follow(call);
      }
    },
  };
}

export function renderCall(container, id, { signal }) {
  let shown = null; // {onChange(change)} of the view on screen
  const onKey = (event) => {
    if (event.defaultPrevented || event.isComposing) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      if (inFormField(event.target)) {
        // First Escape only leaves the field, so a half-typed form is not left by accident.
        event.target.blur();
        return;
      }
      window.location.hash = '#/board';
      return;
    }
    if (event.altKey && !event.ctrlKey && !event.metaKey && (event.code === 'KeyR' || String(event.key).toLowerCase() === 'r')) {
      const description = document.getElementById('description');
      if (description && !description.disabled) {
        event.preventDefault();
        description.focus();
      }
    }
  };
  document.addEventListener('keydown', onKey);
  const unsubscribe = subscribe((change) => {
    if (shown && !signal.aborted) shown.onChange(change);
  });
  const cleanup = () => {
    document.removeEventListener('keydown', onKey);
    unsubscribe();
  };

  const full = (call) => {
    acceptedCalls.set(call.id, { acceptedAt: acceptedCalls.get(call.id)?.acceptedAt ?? Date.now(), ...call });
    shown = showCard(container, call, signal);
  };

  const known = acceptedCalls.get(id);
  if (known) {
    full(known);
    return cleanup;
  }

  // Not in memory (the page was reloaded, or a link): ask the server about this one call.
  clear(container).append(heading(1, 'کارت تماس', { id: 'page-title' }), message('در حال خواندن اطلاعات تماس…'));
  get(`/api/calls/${encodeURIComponent(id)}`, { signal })
    .then((call) => {
      if (signal.aborted) return;
      if (!call || !call.id) {
        shown = notAvailable(container, 'اطلاعات این تماس خوانده نشد.');
      } else if (call.assignedTo && call.assignedTo === myUsername()) {
        full(call);
      } else {
        shown = showWaiting(container, call, (mine) => {
          full(mine);
          container.querySelector('#page-title')?.focus();
        });
      }
    })
    .catch((failure) => {
      if (isAbort(failure) || signal.aborted) return;
      if (failure && failure.status === 404) {
        shown = notAvailable(container, 'این تماس دیگر در صف یا در دست اپراتوری نیست؛ شاید پایان یافته است.');
      } else {
        shown = notAvailable(container, errorText('اطلاعات تماس خوانده نشد', failure));
      }
    });
  return cleanup;
}
