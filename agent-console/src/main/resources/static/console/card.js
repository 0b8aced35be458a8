// #/call/{id} — the call an agent accepted: who calls, what they said, their earlier requests, the
// suggested duplicates (join one) or a new request (register), then refer it or add a note.

import { el, clear, ltr, heading, field, select, message, definitionList } from './dom.js';
import { get, post, errorText, isAbort } from './api.js';
import { acceptedCalls, callOutcomes, session, myUsername, districtName, categoryLabel } from './state.js';
import { notify } from './ui.js';
import { acceptCall } from './board.js';
import { referralForm, noteForm } from './actions.js';
import {
  formatDate, formatNumber, formatPercent, formatWait, reasonLabel, statusLabel, toPersianDigits,
  normalizeDigitsInput, isDigits,
} from './persian.js';

/** Unsent register forms, so leaving the card (Escape) and coming back keeps what was typed. */
const drafts = new Map();

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
    : el('p', { class: 'muted', id: 'call-transcript' }, call.hasRecording ? 'متنی در دست نیست؛ صدای تماس‌گیرنده ضبط شده است.' : 'متنی در دست نیست.');
  return el('section', { class: 'panel call-summary', 'aria-labelledby': 'call-summary-title' },
    el('h2', { id: 'call-summary-title', class: 'visually-hidden' }, 'مشخصات تماس'),
    definitionList([
      ['شماره تماس‌گیرنده', ltr(call.callerNumber, 'phone')],
      ['منطقه', call.districtName || districtName(call.district) || 'نامعلوم'],
      ['علت انتقال به اپراتور', reasonLabel(call.reason)],
      ['انتظار در صف', Number.isFinite(call.waitedSeconds) ? formatWait(call.waitedSeconds) : undefined],
    ], 'facts facts-inline'),
    el('h3', { class: 'subtle-title' }, 'گفتهٔ تماس‌گیرنده'),
    transcript);
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
      el('small', { class: 'hint keys-hint' }, 'Enter در خانه‌های یک‌خطی: ثبت • Esc: بازگشت به تابلو')));

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
    if (callerNumber && !/^\+?[0-9]{3,15}$/.test(callerNumber)) {
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

/** After register or join: the tracking code, big, and what can be done next. */
function outcomePanel(view, kind) {
  const details = el('div', { class: 'outcome-details' });
  const fillDetails = (v) => {
    details.replaceChildren(definitionList([
      ['وضعیت', el('span', { class: `badge status-badge status-${v.status}` }, statusLabel(v.status))],
      ['منطقه', v.districtName || districtName(v.district) || '—'],
      ['موضوع', v.categoryLabel || categoryLabel(v.category) || '—'],
      ['حامیان', toPersianDigits(String(v.supporters ?? 0))],
      ['ارجاع', v.referral ? `${v.referral.unit ?? '—'}${v.referral.deadline ? ` — مهلت ${formatDate(v.referral.deadline)}` : ''}` : 'ارجاع نشده'],
    ], 'facts facts-inline'));
  };
  fillDetails(view);

  const title = el('h2', { id: 'outcome-title', tabindex: '-1' }, kind === 'joined' ? 'تماس‌گیرنده به درخواست پیوست' : 'درخواست ثبت شد');
  const code = el('div', { id: 'tracking-code', class: 'tracking-code', dataset: { code: view.code } }, ltr(view.code));
  const onUpdated = (updated) => fillDetails(updated);

  return el('section', { class: 'panel outcome', id: 'outcome', 'aria-labelledby': 'outcome-title', dataset: { kind } },
    title,
    el('p', { class: 'tracking-label' }, 'کد رهگیری'),
    code,
    el('p', { class: 'hint' }, 'این کد را رقم به رقم برای تماس‌گیرنده بخوانید.'),
    details,
    el('p', {}, requestLink(view.code, 'صفحهٔ کامل درخواست')),
    el('div', { class: 'actions-grid' }, referralForm(view, onUpdated), noteForm(view, onUpdated)),
    el('div', { class: 'form-actions' }, backToBoardLink()));
}

function duplicatesSection(call, onJoined, getCaller) {
  const duplicates = Array.isArray(call.duplicates) ? call.duplicates : [];
  const section = el('section', { class: 'panel duplicates', 'aria-labelledby': 'duplicates-title' },
    el('h2', { id: 'duplicates-title', tabindex: '-1' }, 'درخواست‌های مشابه'));
  if (!duplicates.length) {
    section.append(el('p', { class: 'muted' }, 'درخواست مشابهی پیدا نشد.'));
    return section;
  }
  const list = el('ul', { class: 'item-list', id: 'duplicates-list' });
  for (const duplicate of duplicates) {
    const button = el('button', {
      type: 'button', class: 'button join', dataset: { code: duplicate.trackingCode },
    }, 'پیوستن به این درخواست');
    button.addEventListener('click', async () => {
      const callerNumber = getCaller();
      if (!callerNumber) {
        notify('برای پیوستن، شمارهٔ تماس‌گیرنده لازم است.', 'error');
        return;
      }
      if (!isDigits(duplicate.trackingCode)) return;
      button.disabled = true;
      try {
        const view = await post(`/api/requests/${duplicate.trackingCode}/join`, { callerNumber });
        onJoined(view);
      } catch (failure) {
        if (isAbort(failure)) return;
        notify(errorText('پیوستن ممکن نشد', failure), 'error');
        if (button.isConnected) button.disabled = false;
      }
    });
    list.append(el('li', { class: 'item', dataset: { code: duplicate.trackingCode } },
      el('div', { class: 'item-head' },
        requestLink(duplicate.trackingCode),
        el('span', { class: 'badge badge-info', title: 'میزان شباهت' }, `شباهت ${formatPercent(duplicate.similarity)}`)),
      el('div', { class: 'item-meta' },
        el('span', {}, categoryLabel(duplicate.category) || 'بی‌موضوع'),
        el('span', {}, formatDate(duplicate.registeredAt))),
      button));
  }
  section.append(list);
  return section;
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

  const finish = (view, kind) => {
    callOutcomes.set(call.id, { view, kind });
    const panel = outcomePanel(view, kind);
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
    main.append(outcomePanel(outcome.view, outcome.kind));
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

  const side = el('div', { class: 'card-side' },
    duplicatesSection(call, (view) => finish(view, 'joined'), getCaller),
    earlierSection(call, signal));
  if (outcome) for (const b of side.querySelectorAll('button.join')) b.disabled = true;

  clear(container).append(
    el('div', { class: 'page-head' },
      heading(1, 'کارت تماس', { id: 'page-title' }),
      backToBoardLink()),
    callSummary(call),
    el('div', { class: 'card-layout' }, main, side));
  return form;
}

function notAvailable(container, text) {
  clear(container).append(
    heading(1, 'کارت تماس', { id: 'page-title' }),
    message(text, 'info', el('p', {}, backToBoardLink())));
}

function showWaiting(container, call) {
  const button = el('button', { type: 'button', class: 'button button-primary accept', dataset: { callId: call.id } }, 'پذیرش این تماس');
  button.addEventListener('click', () => acceptCall(call.id, button));
  clear(container).append(
    el('div', { class: 'page-head' }, heading(1, 'کارت تماس', { id: 'page-title' }), backToBoardLink()),
    message('این تماس هنوز در صف است و شما آن را نپذیرفته‌اید.', 'info', el('p', {}, button)),
    callSummary(call));
}

export function renderCall(container, id, { signal }) {
  const onKey = (event) => {
    if (event.defaultPrevented || event.isComposing) return;
    if (event.key === 'Escape') {
      event.preventDefault();
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
  const cleanup = () => document.removeEventListener('keydown', onKey);

  const known = acceptedCalls.get(id);
  if (known) {
    showCard(container, known, signal);
    return cleanup;
  }

  clear(container).append(heading(1, 'کارت تماس', { id: 'page-title' }), message('در حال خواندن اطلاعات تماس…'));
  get('/api/calls/waiting', { signal })
    .then((calls) => {
      if (signal.aborted) return;
      const call = Array.isArray(calls) ? calls.find((c) => c && c.id === id) : null;
      if (call && call.assignedTo && call.assignedTo === myUsername()) {
        acceptedCalls.set(id, call);
        showCard(container, call, signal);
      } else if (call) {
        showWaiting(container, call);
      } else {
        notAvailable(container, 'اطلاعات این تماس در این صفحه نیست (شاید صفحه دوباره بارگذاری شده یا تماس پایان یافته است).');
      }
    })
    .catch((failure) => {
      if (isAbort(failure) || signal.aborted) return;
      notAvailable(container, errorText('اطلاعات تماس خوانده نشد', failure));
    });
  return cleanup;
}
