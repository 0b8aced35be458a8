// The follow-up office: a unit's own desk (#/unit), the supervisors' list of what is late (#/late) and the units'
// figures (#/units/figures); and the forms a unit acts with on a request's page. A unit sees only what is referred
// to it: the server keeps to that whatever the page asks.

import { el, clear, heading, message, ltr, field, select } from './dom.js';
import { get, post, errorText, isAbort } from './api.js';
import { session, isSupervisor } from './state.js';
import { notify } from './ui.js';
import { noteForm } from './actions.js';
import { formatDate, formatNumber, formatPercent, statusLabel, toPersianDigits } from './persian.js';

const LATENESS_LABELS = Object.freeze({
  ON_TIME: 'در مهلت',
  DUE_SOON: 'مهلت نزدیک است',
  OVERDUE: 'مهلت گذشته',
  FOR_THE_MAYOR: 'برای دفتر شهردار',
});
const latenessBadge = (lateness) => el('span', { class: `badge lateness lateness-${lateness}`, dataset: { lateness } },
  LATENESS_LABELS[lateness] ?? lateness);

/** «۳ روز مانده» / «امروز» / «۵ روز گذشته». */
function daysLeftText(days) {
  if (days === 0) return 'امروز';
  return days > 0 ? `${toPersianDigits(days)} روز مانده` : `${toPersianDigits(-days)} روز گذشته`;
}

const hasRole = (role) => Boolean(session.me?.roles?.includes(role));

/* ---------- acting on one request (the request's page, for a unit) ---------- */

/** The forms a unit has on a request referred to it: work begun, the result, not ours, a note. */
export function unitActionForms(view, onUpdated) {
  const forms = [];
  const path = (what) => `/api/requests/${encodeURIComponent(view.code)}/${what}`;
  if (view.status === 'REFERRED') {
    const begin = el('button', { type: 'button', class: 'button button-primary', id: 'unit-acknowledge' }, 'دریافت شد؛ رسیدگی آغاز شد');
    begin.addEventListener('click', async () => {
      begin.disabled = true;
      try {
        onUpdated(await post(path('acknowledge')));
        notify('رسیدگی آغاز شد.', 'success');
      } catch (failure) {
        if (!isAbort(failure)) notify(errorText('ثبت نشد', failure), 'error');
        begin.disabled = false;
      }
    });
    forms.push(el('div', { class: 'action-form' }, el('h3', {}, 'دریافت'), begin));
  }
  if (view.status === 'REFERRED' || view.status === 'IN_PROGRESS') {
    forms.push(resultForm(view, path, onUpdated), sendBackForm(path, onUpdated));
  }
  forms.push(noteForm(view, onUpdated));
  return forms;
}

function resultForm(view, path, onUpdated) {
  const standard = session.directory.standardResults ?? [];
  const choice = select({ id: 'unit-result-choice', name: 'standard' },
    [['', 'نتیجهٔ دیگر (بنویسید)'], ...standard.map((words) => [words, words])], '');
  const text = el('textarea', { id: 'unit-result-text', name: 'result', rows: 3, maxlength: '4000' });
  const save = el('button', { type: 'submit', class: 'button button-primary', id: 'unit-result-save' }, 'ثبت نتیجه');
  const form = el('form', { class: 'action-form', id: 'unit-result-form', novalidate: true },
    el('h3', {}, 'نتیجهٔ رسیدگی'),
    field('نتیجهٔ استاندارد (به شهروند با صدای ضبط‌شده گفته می‌شود)', choice).wrapper,
    field('یا متن نتیجه (با پیامک یا کارشناس به شهروند گفته می‌شود)', text).wrapper,
    el('div', { class: 'form-actions' }, save));
  choice.addEventListener('change', () => { text.disabled = Boolean(choice.value); });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const result = choice.value || text.value.trim();
    if (!result) {
      notify('نتیجه را انتخاب کنید یا بنویسید.', 'error');
      text.focus();
      return;
    }
    save.disabled = true;
    try {
      onUpdated(await post(path('result'), { result, resolved: true }));
      notify('نتیجه ثبت شد؛ به شهروند گفته می‌شود.', 'success');
    } catch (failure) {
      if (!isAbort(failure)) notify(errorText('نتیجه ثبت نشد', failure), 'error');
      save.disabled = false;
    }
  });
  return form;
}

function sendBackForm(path, onUpdated) {
  const reason = el('input', { type: 'text', id: 'unit-send-back-reason', name: 'reason', maxlength: '500', autocomplete: 'off' });
  const send = el('button', { type: 'submit', class: 'button button-danger', id: 'unit-send-back' }, 'بازگرداندن به مرکز ۱۳۷');
  const form = el('form', { class: 'action-form', id: 'unit-send-back-form', novalidate: true },
    el('h3', {}, 'مربوط به این واحد نیست'), field('چرا؟ (مثلاً «در حوزهٔ منطقهٔ ۷ است»)', reason).wrapper,
    el('div', { class: 'form-actions' }, send));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!reason.value.trim()) {
      notify('بنویسید چرا مربوط به این واحد نیست.', 'error');
      reason.focus();
      return;
    }
    send.disabled = true;
    try {
      onUpdated(await post(path('send-back'), { reason: reason.value.trim() }));
      notify('درخواست به مرکز ۱۳۷ بازگشت.', 'success');
    } catch (failure) {
      if (!isAbort(failure)) notify(errorText('بازگردانده نشد', failure), 'error');
      send.disabled = false;
    }
  });
  return form;
}

/* ---------- lists ---------- */

function waitingTable(id, items, withUnit) {
  const columns = ['کد رهگیری', withUnit ? 'واحد' : null, 'مهلت', 'وضعیت مهلت', 'منطقه', 'موضوع', 'شرح', 'وضعیت'].filter(Boolean);
  return el('div', { class: 'table-wrap' }, el('table', { class: 'data-table waiting-table', id },
    el('thead', {}, el('tr', {}, columns.map((c) => el('th', { scope: 'col' }, c)))),
    el('tbody', {}, items.map((w) => el('tr', { dataset: { code: w.code, lateness: w.lateness }, class: `lateness-row-${w.lateness}` },
      el('td', {}, el('a', { href: `#/request/${encodeURIComponent(w.code)}` }, ltr(w.code))),
      withUnit ? el('td', {}, el('bdi', {}, w.unit)) : null,
      el('td', {}, formatDate(w.deadline), el('small', { class: 'muted' }, ` (${daysLeftText(w.daysLeft)})`)),
      el('td', {}, latenessBadge(w.lateness)),
      el('td', {}, w.districtName ?? toPersianDigits(w.district)),
      el('td', {}, w.categoryLabel ?? w.category),
      el('td', { class: 'col-description' }, el('span', { dir: 'auto' }, w.description),
        w.reopened > 0 ? el('span', { class: 'badge badge-warning' }, ` بازگشته: ${toPersianDigits(w.reopened)}`) : null),
      el('td', {}, w.status === 'IN_PROGRESS' ? 'در دست اقدام' : 'دریافت‌نشده'))))));
}

function counts(items) {
  const by = (l) => items.filter((w) => w.lateness === l).length;
  return el('p', { class: 'unit-counts', id: 'unit-counts' },
    `${formatNumber(items.length)} درخواست باز؛ `,
    `${formatNumber(by('FOR_THE_MAYOR'))} برای دفتر شهردار، ${formatNumber(by('OVERDUE'))} گذشته از مهلت، ${formatNumber(by('DUE_SOON'))} با مهلت نزدیک.`);
}

/** #/unit — the unit's own desk; a supervisor opens a unit's desk with ?unit=… */
export function renderUnitDesk(container, query, { signal }) {
  const named = query.get('unit');
  if (!hasRole('UNIT') && !(isSupervisor() && named)) {
    clear(container).append(heading(1, 'میز واحد', { id: 'page-title' }), message('این صفحه برای واحدهاست.', 'error'));
    return null;
  }
  clear(container).append(heading(1, 'میز واحد', { id: 'page-title' }), message('در حال خواندن…'));
  const url = named ? `/api/units/mine?unit=${encodeURIComponent(named)}` : '/api/units/mine';
  get(url, { signal }).then((desk) => {
    if (signal.aborted) return;
    clear(container).append(
      el('div', { class: 'page-head' }, el('h1', { id: 'page-title', tabindex: '-1' }, 'میز واحد: ', el('bdi', {}, desk.unit))),
      el('p', { class: 'muted' }, `امروز ${formatDate(desk.today)}. گذشته از مهلت‌ها بالاترند؛ هر درخواست را باز کنید و دریافت، نتیجه یا بازگرداندن آن را ثبت کنید.`),
      counts(desk.requests),
      desk.requests.length ? waitingTable('unit-requests', desk.requests, false)
        : el('p', { class: 'empty' }, 'درخواست بازی به این واحد ارجاع نشده است.'));
  }).catch((failure) => {
    if (!isAbort(failure) && !signal.aborted) clear(container).append(heading(1, 'میز واحد', { id: 'page-title' }), message(errorText('خوانده نشد', failure), 'error'));
  });
  return null;
}

/** #/late — what is late across the units, the mayor's office's list first. */
export function renderLate(container, { signal }) {
  if (!isSupervisor()) {
    clear(container).append(heading(1, 'پیگیری مهلت‌ها', { id: 'page-title' }), message('این بخش فقط برای سرپرست است.', 'error'));
    return null;
  }
  clear(container).append(heading(1, 'پیگیری مهلت‌ها', { id: 'page-title' }), message('در حال خواندن…'));
  get('/api/units/late', { signal }).then((late) => {
    if (signal.aborted) return;
    const mayor = late.filter((w) => w.lateness === 'FOR_THE_MAYOR');
    const overdue = late.filter((w) => w.lateness === 'OVERDUE');
    clear(container).append(
      heading(1, 'پیگیری مهلت‌ها', { id: 'page-title' }),
      el('p', { class: 'muted' }, 'گذشته از مهلت: به سرپرست واحد و سرپرستان گفته می‌شود. گذشته از دو برابر مهلت: در فهرست دفتر شهردار.'),
      el('section', { 'aria-labelledby': 'late-mayor-title' }, el('h2', { id: 'late-mayor-title' }, `برای دفتر شهردار (${formatNumber(mayor.length)})`),
        mayor.length ? waitingTable('late-mayor', mayor, true) : el('p', { class: 'empty' }, 'هیچ.')),
      el('section', { 'aria-labelledby': 'late-overdue-title' }, el('h2', { id: 'late-overdue-title' }, `گذشته از مهلت (${formatNumber(overdue.length)})`),
        overdue.length ? waitingTable('late-overdue', overdue, true) : el('p', { class: 'empty' }, 'هیچ.')),
      el('p', {}, el('a', { href: '#/units/figures', class: 'button' }, 'کارنامهٔ واحدها')));
  }).catch((failure) => {
    if (!isAbort(failure) && !signal.aborted) container.append(message(errorText('خوانده نشد', failure), 'error'));
  });
  return null;
}

const PER_LABELS = Object.freeze({ unit: 'واحد', district: 'منطقه', category: 'موضوع' });

function hoursText(hours) {
  if (hours === null || hours === undefined) return '—';
  if (hours < 24) return `${toPersianDigits(Math.round(hours))} ساعت`;
  return `${toPersianDigits((hours / 24).toFixed(1))} روز`;
}

/** #/units/figures — each unit's record: speed, deadlines kept, late now, reopened, satisfaction; and as CSV. */
export function renderUnitFigures(container, query, { signal }) {
  if (!isSupervisor()) {
    clear(container).append(heading(1, 'کارنامهٔ واحدها', { id: 'page-title' }), message('این بخش فقط برای سرپرست است.', 'error'));
    return null;
  }
  const by = ['unit', 'district', 'category'].includes(query.get('by')) ? query.get('by') : 'unit';
  const days = ['7', '30', '90'].includes(query.get('days')) ? query.get('days') : '30';
  clear(container).append(heading(1, 'کارنامهٔ واحدها', { id: 'page-title' }), message('در حال خواندن…'));
  get(`/api/units/figures?days=${days}&by=${by}`, { signal }).then((report) => {
    if (signal.aborted) return;
    const choose = (key, value, text) => el('a', {
      href: `#/units/figures?by=${key === 'by' ? value : by}&days=${key === 'days' ? value : days}`,
      class: ['button', (key === 'by' ? by : days) === value ? 'is-active' : null],
    }, text);
    const csv = el('a', { class: 'button', id: 'unit-figures-csv', download: '' }, 'دریافت CSV');
    csv.setAttribute('href', `/api/units/figures?days=${days}&by=${by}&format=csv`);
    clear(container).append(
      heading(1, 'کارنامهٔ واحدها', { id: 'page-title' }),
      el('p', { class: 'muted' }, `درخواست‌های ارجاع‌شده از ${formatDate(report.from)} تا ${formatDate(report.to)}؛ زمان پاسخ از ثبت تا نتیجه است.`),
      el('div', { class: 'segmented' }, Object.entries(PER_LABELS).map(([value, text]) => choose('by', value, `به تفکیک ${text}`))),
      el('div', { class: 'segmented' }, choose('days', '7', '۷ روز'), choose('days', '30', '۳۰ روز'), choose('days', '90', '۹۰ روز')),
      el('p', {}, csv),
      report.rows.length ? el('div', { class: 'table-wrap' }, el('table', { class: 'data-table', id: 'unit-figures' },
        el('thead', {}, el('tr', {}, [PER_LABELS[by], 'ارجاع‌شده', 'با نتیجه', 'میانهٔ پاسخ', 'پاسخ ۹۰٪', 'در مهلت', 'گذشته از مهلت اکنون',
          'برای دفتر شهردار', 'بازگشته', 'رضایت (پاسخ‌ها)'].map((c) => el('th', { scope: 'col' }, c)))),
        el('tbody', {}, report.rows.map((r) => el('tr', { dataset: { key: r.key } },
          el('td', {}, by === 'unit' ? el('a', { href: `#/unit?unit=${encodeURIComponent(r.key)}` }, el('bdi', {}, r.label)) : r.label),
          el('td', {}, formatNumber(r.referred)),
          el('td', {}, formatNumber(r.resolved)),
          el('td', {}, hoursText(r.responseHoursP50)),
          el('td', {}, hoursText(r.responseHoursP90)),
          el('td', {}, r.withinDeadline === null ? '—' : formatPercent(r.withinDeadline)),
          el('td', { class: r.lateNow > 0 ? 'is-late' : null }, formatNumber(r.lateNow)),
          el('td', { class: r.forTheMayor > 0 ? 'is-late' : null }, formatNumber(r.forTheMayor)),
          el('td', {}, formatNumber(r.reopened)),
          el('td', {}, r.satisfactionAverage === null ? '—'
            : `${toPersianDigits(r.satisfactionAverage.toFixed(1))} از ۵ (${formatNumber(r.satisfactionAnswers)})`))))))
        : el('p', { class: 'empty' }, 'در این بازه درخواستی ارجاع نشده است.'));
  }).catch((failure) => {
    if (!isAbort(failure) && !signal.aborted) container.append(message(errorText('کارنامه خوانده نشد', failure), 'error'));
  });
  return null;
}
