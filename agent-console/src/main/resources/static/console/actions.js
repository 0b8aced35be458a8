// What an agent can do to a registered request: refer it, mark it a duplicate, put it under another category,
// add a note, move its status.
// Each form posts, then hands the new RequestView to onUpdated. REFERRED and DUPLICATE are never status
// buttons: the server takes them only through the referral and duplicate forms, offered when nextStatuses allows.

import { el, field, select, uniqueId, datalist } from './dom.js';
import { post, errorText, isAbort } from './api.js';
import { notify } from './ui.js';
import { session, categoryLabel } from './state.js';
import { jalaliDateInput } from './jalali.js';
import {
  cityToday, statusLabel, isDigits, isTrackingCode, normalizeDigitsInput, toLatinDigits, toPersianDigits,
} from './persian.js';

/** Statuses that have their own form instead of a status button. */
const OWN_FORM_STATUSES = new Set(['REFERRED', 'DUPLICATE']);

function nextStatuses(view) {
  return Array.isArray(view.nextStatuses) ? view.nextStatuses : [];
}

export const canRefer = (view) => nextStatuses(view).includes('REFERRED');
export const canMarkDuplicate = (view) => nextStatuses(view).includes('DUPLICATE');

/** The forms for a request, in page order, leaving out those its lifecycle does not allow now. */
export function requestActionForms(view, onUpdated, { withStatus = true } = {}) {
  return [
    withStatus ? statusForm(view, onUpdated) : null,
    canRefer(view) ? referralForm(view, onUpdated) : null,
    canMarkDuplicate(view) ? duplicateForm(view, onUpdated) : null,
    view.open ? categoryForm(view, onUpdated) : null,
    view.open ? locationForm(view, onUpdated) : null,
    noteForm(view, onUpdated),
  ].filter(Boolean);
}

function requestPath(code, action) {
  if (!isDigits(code)) throw new Error('bad code');
  return `/api/requests/${code}/${action}`;
}

function formError(form) {
  let box = form.querySelector('.form-error');
  if (!box) {
    box = el('p', { class: 'form-error', role: 'alert', hidden: true });
    form.append(box);
  }
  return {
    show(text) {
      box.textContent = text;
      box.hidden = false;
    },
    hide() {
      box.textContent = '';
      box.hidden = true;
    },
  };
}

/**
 * Run a form's post with its buttons disabled; shows the server's reason in the form and marks
 * the control the server named (fields: {fieldName: control}).
 */
async function submitting(form, prefix, work, fields = {}) {
  const buttons = [...form.querySelectorAll('button')];
  const error = formError(form);
  error.hide();
  for (const control of Object.values(fields)) control.removeAttribute('aria-invalid');
  buttons.forEach((b) => { b.disabled = true; });
  form.setAttribute('aria-busy', 'true');
  let failed = null;
  try {
    return await work();
  } catch (failure) {
    if (!isAbort(failure)) {
      error.show(errorText(prefix, failure));
      failed = failure && failure.field && Object.prototype.hasOwnProperty.call(fields, failure.field) ? fields[failure.field] : null;
    }
    return null;
  } finally {
    form.removeAttribute('aria-busy');
    buttons.forEach((b) => { if (b.isConnected) b.disabled = false; });
    if (failed && failed.isConnected) {
      failed.setAttribute('aria-invalid', 'true');
      failed.focus();
    }
  }
}

export function referralForm(view, onUpdated) {
  const current = view.referral ?? {};
  const unit = el('input', {
    type: 'text', name: 'unit', autocomplete: 'off', value: current.unit ?? '', list: datalist('unit-names', session.directory.units),
  });
  const assignee = el('input', { type: 'text', name: 'assignee', autocomplete: 'off', value: current.assignee ?? '' });
  const deadline = jalaliDateInput({ name: 'deadline', id: uniqueId('deadline'), min: cityToday(), value: current.deadline });

  const title = uniqueId('refer-title');
  const form = el('form', { class: 'action-form referral-form', 'aria-labelledby': title, novalidate: true },
    el('h3', { id: title }, view.referral ? 'ارجاع دوباره' : 'ارجاع به واحد اجرایی'),
    el('p', { class: 'hint' }, 'هر خانه‌ای که خالی بماند، سامانه از واحد و مهلت پیش‌فرض موضوع درخواست پر می‌کند.'),
    el('div', { class: 'form-row' },
      field('واحد (اختیاری)', unit).wrapper,
      field('مسئول (اختیاری)', assignee).wrapper,
      el('div', { class: 'field' }, el('label', { htmlFor: deadline.id }, 'مهلت انجام (اختیاری، شمسی)'), deadline,
        deadline.preview)),
    el('div', { class: 'form-actions' }, el('button', { type: 'submit', class: 'button button-primary' }, 'ارجاع')));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    // Only what was filled in: the server fills the rest from the category's defaults.
    const body = {};
    if (unit.value.trim()) body.unit = unit.value.trim();
    if (assignee.value.trim()) body.assignee = assignee.value.trim();
    const day = deadline.isoValue();
    if (day === null) {
      formError(form).show('ارجاع ممکن نشد: مهلت را به شکل سال/ماه/روز شمسی و از امروز به بعد بنویسید.');
      deadline.setAttribute('aria-invalid', 'true');
      deadline.focus();
      return;
    }
    if (day) body.deadline = day;
    const updated = await submitting(form, 'ارجاع ممکن نشد', () => post(requestPath(view.code, 'referral'), body),
      { unit, assignee, deadline });
    if (updated) {
      notify('درخواست ارجاع شد.', 'success');
      onUpdated(updated, 'referral');
    }
  });
  return form;
}

/** «This request repeats another one»: the other's tracking code (Persian digits welcome). */
export function duplicateForm(view, onUpdated) {
  const of = el('input', {
    type: 'text', name: 'of', dir: 'ltr', inputmode: 'numeric', autocomplete: 'off', maxlength: '20', class: 'duplicate-of',
  });
  const title = uniqueId('duplicate-title');
  const form = el('form', { class: 'action-form duplicate-form', 'aria-labelledby': title, novalidate: true },
    el('h3', { id: title }, 'تکراریِ درخواست دیگری است'),
    el('div', { class: 'form-row' }, field('کد رهگیری درخواست اصلی', of, 'هشت رقم؛ آن درخواست باید هنوز باز باشد.').wrapper),
    el('div', { class: 'form-actions' }, el('button', { type: 'submit', class: 'button' }, 'ثبت به‌عنوان تکراری')));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const code = normalizeDigitsInput(of.value);
    const local = (text) => {
      formError(form).show(text);
      of.setAttribute('aria-invalid', 'true');
      of.focus();
    };
    if (!isTrackingCode(code)) {
      local('کد رهگیری باید هشت رقم باشد.');
      return;
    }
    if (code === view.code) {
      local('کد درخواست اصلی نمی‌تواند کد همین درخواست باشد.');
      return;
    }
    const updated = await submitting(form, 'ثبت تکراری ممکن نشد',
      () => post(requestPath(view.code, 'duplicate'), { of: code }), { of });
    if (updated) {
      notify('درخواست تکراری اعلام شد.', 'success');
      onUpdated(updated, 'duplicate');
    }
  });
  return form;
}

/** A message nobody transcribed lands under «سایر»: the agent who listened puts it where it belongs. */
export function categoryForm(view, onUpdated) {
  const choice = select({ name: 'category', class: 'category-choice' },
    session.directory.categories.map((c) => [c.id, c.label]), view.category);
  const title = uniqueId('category-title');
  const form = el('form', { class: 'action-form category-form', 'aria-labelledby': title, novalidate: true },
    el('h3', { id: title }, 'تغییر موضوع'),
    el('div', { class: 'form-row' }, field('موضوع', choice).wrapper),
    el('div', { class: 'form-actions' }, el('button', { type: 'submit', class: 'button' }, 'ثبت موضوع')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (choice.value === view.category) {
      formError(form).show('موضوع همان است که بود.');
      return;
    }
    const updated = await submitting(form, 'تغییر موضوع ممکن نشد',
      () => post(requestPath(view.code, 'category'), { category: choice.value }), { category: choice });
    if (updated) {
      notify(`موضوع درخواست «${categoryLabel(updated.category)}» شد.`, 'success');
      onUpdated(updated, 'category');
    }
  });
  return form;
}

/**
 * Where the problem is, as the caller describes it: an address in words, and a point when the caller can read one
 * from their phone (both coordinates, in degrees; Persian digits are taken as typed).
 */
export function locationForm(view, onUpdated) {
  const current = view.location ?? {};
  const address = el('input', { type: 'text', name: 'address', autocomplete: 'off', maxlength: '500', value: current.address ?? '' });
  const lat = el('input', { type: 'text', name: 'latitude', inputmode: 'decimal', dir: 'ltr', size: 10, placeholder: '۳۲٫۶۵۴۶',
    value: current.latitude === null || current.latitude === undefined ? '' : toPersianDigits(String(current.latitude)) });
  const lon = el('input', { type: 'text', name: 'longitude', inputmode: 'decimal', dir: 'ltr', size: 10, placeholder: '۵۱٫۶۶۸۰',
    value: current.longitude === null || current.longitude === undefined ? '' : toPersianDigits(String(current.longitude)) });
  const title = uniqueId('location-title');
  const form = el('form', { class: 'action-form location-form', 'aria-labelledby': title, novalidate: true },
    el('h3', { id: title }, 'نشانی'),
    el('div', { class: 'form-row' }, field('نشانی', address).wrapper),
    el('div', { class: 'form-row' }, field('عرض جغرافیایی', lat).wrapper, field('طول جغرافیایی', lon).wrapper),
    el('div', { class: 'form-actions' }, el('button', { type: 'submit', class: 'button' }, 'ثبت نشانی')));
  const degrees = (input) => {
    const text = toLatinDigits(input.value).replace('٫', '.').replace('/', '.').trim();
    return text === '' ? null : (/^-?\d+(\.\d+)?$/.test(text) ? Number(text) : NaN);
  };
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const latitude = degrees(lat);
    const longitude = degrees(lon);
    if (Number.isNaN(latitude) || Number.isNaN(longitude) || (latitude === null) !== (longitude === null)) {
      formError(form).show('مختصات را هر دو با رقم بنویسید، مانند ۳۲٫۶۵۴۶ و ۵۱٫۶۶۸۰، یا هر دو را خالی بگذارید.');
      return;
    }
    if (!address.value.trim() && latitude === null) {
      formError(form).show('نشانی یا مختصات را بنویسید.');
      return;
    }
    const updated = await submitting(form, 'ثبت نشانی ممکن نشد',
      () => post(requestPath(view.code, 'location'), { address: address.value.trim() || null, latitude, longitude }),
      { address, latitude: lat, longitude: lon, lat, long: lon });
    if (updated) {
      notify('نشانی ثبت شد.', 'success');
      onUpdated(updated, 'location');
    }
  });
  return form;
}

export function noteForm(view, onUpdated) {
  const text = el('input', { type: 'text', name: 'text', autocomplete: 'off', maxlength: '2000' });
  const title = uniqueId('note-title');
  const form = el('form', { class: 'action-form note-form', 'aria-labelledby': title, novalidate: true },
    el('h3', { id: title }, 'افزودن یادداشت'),
    el('div', { class: 'form-row' }, field('یادداشت', text).wrapper),
    el('div', { class: 'form-actions' }, el('button', { type: 'submit', class: 'button' }, 'افزودن یادداشت')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const value = text.value.trim();
    if (!value) {
      formError(form).show('متن یادداشت خالی است.');
      text.focus();
      return;
    }
    const updated = await submitting(form, 'یادداشت ثبت نشد', () => post(requestPath(view.code, 'notes'), { text: value }));
    if (updated) {
      text.value = '';
      notify('یادداشت ثبت شد.', 'success');
      onUpdated(updated, 'note');
    }
  });
  return form;
}

export function statusForm(view, onUpdated) {
  const all = nextStatuses(view);
  const next = all.filter((status) => !OWN_FORM_STATUSES.has(status));
  const title = uniqueId('status-title');
  if (!next.length && all.length) return null; // only referral / duplicate: their own forms say it
  if (!next.length) {
    return el('div', { class: 'action-form status-form' },
      el('h3', { id: title }, 'تغییر وضعیت'),
      el('p', { class: 'muted' }, 'این درخواست به وضعیت دیگری نمی‌رود.'));
  }
  const result = el('input', { type: 'text', name: 'result', autocomplete: 'off', maxlength: '2000', value: '' });
  const form = el('form', { class: 'action-form status-form', 'aria-labelledby': title, novalidate: true },
    el('h3', { id: title }, 'تغییر وضعیت'),
    el('div', { class: 'form-row' }, field('نتیجه یا توضیح (اختیاری)', result).wrapper));
  const buttons = el('div', { class: 'form-actions status-buttons' });
  // A status change is deliberate: Enter in the result field does not pick one of the buttons.
  result.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.isComposing) event.preventDefault();
  });
  for (const status of next) {
    buttons.append(el('button', {
      type: 'submit', class: 'button status-button', name: 'status', value: status, dataset: { status },
    }, `تغییر به «${statusLabel(status)}»`));
  }
  form.append(buttons);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const submitter = event.submitter && event.submitter.dataset.status ? event.submitter : buttons.querySelector('button');
    const status = submitter.dataset.status;
    const body = { status };
    if (result.value.trim()) body.result = result.value.trim();
    const updated = await submitting(form, 'تغییر وضعیت ممکن نشد', () => post(requestPath(view.code, 'status'), body));
    if (updated) {
      notify(`وضعیت درخواست «${statusLabel(updated.status)}» شد.`, 'success');
      onUpdated(updated, 'status');
    }
  });
  return form;
}
