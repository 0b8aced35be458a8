// #/requests — search the requests; #/request/{code} — one request with its history and actions.

import { el, clear, ltr, heading, field, select, message, definitionList, audioPlayer } from './dom.js';
import { get, errorText, isAbort } from './api.js';
import { session, districtName, categoryLabel } from './state.js';
import { requestActionForms } from './actions.js';
import { unitActionForms } from './units.js';
import {
  formatDate, formatDateTime, formatNumber, statusLabel, sourceLabel, actorLabel, toPersianDigits, toLatinDigits,
  normalizeDigitsInput, isTrackingCode, isDigits,
} from './persian.js';

const SEARCH_KEYS = ['caller', 'district', 'category', 'status', 'q'];

function requestLink(code, content) {
  if (!isDigits(code)) return ltr(code, 'code');
  return el('a', { href: `#/request/${code}`, class: 'code-link' }, content ?? ltr(code, 'code'));
}

function statusBadge(status) {
  return el('span', { class: `badge status-badge status-${status}` }, statusLabel(status));
}

/** The search as a hash route, so back/forward and reload keep it. */
function searchHash(params) {
  const query = new URLSearchParams();
  for (const key of SEARCH_KEYS) if (params[key]) query.set(key, params[key]);
  if (params.page) query.set('page', String(params.page));
  const text = query.toString();
  return text ? `#/requests?${text}` : '#/requests';
}

function resultsTable(items) {
  const columns = ['کد رهگیری', 'وضعیت', 'تاریخ ثبت', 'منطقه', 'موضوع', 'شرح', 'حامیان'];
  const tbody = el('tbody');
  for (const item of items) {
    tbody.append(el('tr', { dataset: { code: item.code } },
      el('td', { dataset: { label: columns[0] } }, requestLink(item.code)),
      el('td', { dataset: { label: columns[1] } }, statusBadge(item.status)),
      el('td', { dataset: { label: columns[2] } }, formatDate(item.createdAt)),
      el('td', { dataset: { label: columns[3] } }, item.districtName || districtName(item.district) || '—'),
      el('td', { dataset: { label: columns[4] } }, item.categoryLabel || categoryLabel(item.category) || '—'),
      el('td', { dataset: { label: columns[5] }, class: 'col-description' },
        el('div', { class: 'clamp-2', title: item.description ?? '' }, item.description ?? '')),
      el('td', { dataset: { label: columns[6] } }, formatNumber(item.supporters ?? 0))));
  }
  return el('table', { class: 'data-table results-table', id: 'request-results' },
    el('caption', { class: 'visually-hidden' }, 'نتیجهٔ جست‌وجو'),
    el('thead', {}, el('tr', {}, columns.map((c) => el('th', { scope: 'col' }, c)))),
    tbody);
}

export function renderSearch(container, query, { signal }) {
  const params = {};
  for (const key of SEARCH_KEYS) params[key] = query.get(key) ?? '';
  const page = Math.max(0, Number.parseInt(toLatinDigits(query.get('page') ?? '0'), 10) || 0);
  const { districts = [], categories = [], statuses = [] } = session.directory;

  const code = el('input', { type: 'text', id: 'search-code', name: 'code', dir: 'ltr', inputmode: 'numeric', autocomplete: 'off', maxlength: '20' });
  const caller = el('input', { type: 'tel', id: 'search-caller', name: 'caller', dir: 'ltr', inputmode: 'tel', autocomplete: 'off', value: toPersianDigits(params.caller) });
  const district = select({ id: 'search-district', name: 'district' }, [['', 'همهٔ منطقه‌ها'], ...districts.map((d) => [d.number, d.name])], params.district);
  const category = select({ id: 'search-category', name: 'category' }, [['', 'همهٔ موضوع‌ها'], ...categories.map((c) => [c.id, c.label])], params.category);
  const statusOptions = statuses.length ? statuses : ['REGISTERED', 'REFERRED', 'IN_PROGRESS', 'RESOLVED', 'REJECTED', 'CLOSED', 'DUPLICATE'];
  const status = select({ id: 'search-status', name: 'status' }, [['', 'همهٔ وضعیت‌ها'], ...statusOptions.map((s) => [s, statusLabel(s)])], params.status);
  // Words travel in the address: Persian letters take six bytes each there, and the server reads 200 of them.
  const q = el('input', { type: 'search', id: 'search-q', name: 'q', autocomplete: 'off', maxlength: '200', value: params.q });
  const formError = el('p', { class: 'form-error', role: 'alert', hidden: true });

  const form = el('form', { id: 'search-form', class: 'panel search-form', role: 'search', novalidate: true, 'aria-label': 'جست‌وجوی درخواست' },
    el('div', { class: 'form-row' },
      field('کد رهگیری', code, 'هشت رقم؛ مستقیم به صفحهٔ درخواست می‌رود.').wrapper,
      field('شماره تماس‌گیرنده', caller).wrapper,
      field('متن آزاد', q).wrapper),
    el('div', { class: 'form-row' },
      field('منطقه', district).wrapper,
      field('موضوع', category).wrapper,
      field('وضعیت', status).wrapper),
    formError,
    el('div', { class: 'form-actions' },
      el('button', { type: 'submit', class: 'button button-primary', id: 'search-submit' }, 'جست‌وجو'),
      el('button', {
        type: 'button', class: 'button button-quiet', id: 'search-clear',
        on: {
          click: () => {
            if (window.location.hash === '#/requests') renderSearch(container, new URLSearchParams(), { signal });
            else window.location.hash = '#/requests';
          },
        },
      }, 'پاک کردن')));

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    formError.hidden = true;
    const typedCode = normalizeDigitsInput(code.value);
    if (typedCode) {
      if (isTrackingCode(typedCode)) {
        window.location.hash = `#/request/${typedCode}`;
      } else {
        formError.textContent = 'کد رهگیری باید هشت رقم باشد.';
        formError.hidden = false;
        code.setAttribute('aria-invalid', 'true');
        code.focus();
      }
      return;
    }
    const next = {
      caller: normalizeDigitsInput(caller.value),
      district: district.value,
      category: category.value,
      status: status.value,
      q: toLatinDigits(q.value).trim(),
    };
    const target = searchHash(next);
    if (window.location.hash === target) renderSearch(container, new URLSearchParams(target.split('?')[1] ?? ''), { signal });
    else window.location.hash = target;
  });

  const results = el('section', { class: 'panel results', id: 'results', 'aria-labelledby': 'results-title', 'aria-busy': 'true' },
    el('h2', { id: 'results-title' }, 'نتیجه'),
    el('p', { class: 'muted' }, 'در حال جست‌وجو…'));

  clear(container).append(heading(1, 'درخواست‌ها', { id: 'page-title' }), form, results);

  const apiQuery = new URLSearchParams();
  for (const key of SEARCH_KEYS) if (params[key]) apiQuery.set(key, key === 'caller' ? normalizeDigitsInput(params[key]) : toLatinDigits(params[key]));
  apiQuery.set('page', String(page));

  get(`/api/requests?${apiQuery.toString()}`, { signal })
    .then((data) => {
      results.removeAttribute('aria-busy');
      const items = data && Array.isArray(data.items) ? data.items : [];
      const currentPage = data && Number.isFinite(data.page) ? data.page : page;
      const title = results.querySelector('h2');
      results.replaceChildren(title);
      if (!items.length) {
        results.append(el('p', { class: 'empty' }, currentPage > 0 ? 'در این صفحه درخواستی نیست.' : 'درخواستی پیدا نشد.'));
      } else {
        results.append(el('div', { class: 'table-wrap' }, resultsTable(items)));
      }
      const prev = el('a', { class: 'button', id: 'page-prev', href: searchHash({ ...params, page: currentPage - 1 }), rel: 'prev' }, 'صفحهٔ قبل');
      const next = el('a', { class: 'button', id: 'page-next', href: searchHash({ ...params, page: currentPage + 1 }), rel: 'next' }, 'صفحهٔ بعد');
      if (currentPage <= 0) disableLink(prev);
      if (!(data && data.hasNext)) disableLink(next);
      results.append(el('nav', { class: 'pager', 'aria-label': 'صفحه‌ها' },
        prev, el('span', { class: 'pager-page', 'aria-current': 'page' }, `صفحهٔ ${formatNumber(currentPage + 1)}`), next));
    })
    .catch((failure) => {
      if (isAbort(failure)) return;
      results.removeAttribute('aria-busy');
      results.replaceChildren(results.querySelector('h2') ?? el('h2', {}, 'نتیجه'), message(errorText('جست‌وجو انجام نشد', failure), 'error'));
    });
  return null;
}

function disableLink(link) {
  link.removeAttribute('href');
  link.setAttribute('aria-disabled', 'true');
  link.classList.add('is-disabled');
}

function historyList(history) {
  const entries = Array.isArray(history) ? history : [];
  if (!entries.length) return el('p', { class: 'muted' }, 'تاریخچه‌ای ثبت نشده است.');
  return el('ol', { class: 'history', id: 'history' },
    entries.map((entry) => el('li', { class: 'history-entry' },
      el('time', { datetime: entry.at ?? '' }, formatDateTime(entry.at)),
      el('span', { class: 'history-actor' }, actorLabel(entry.actor)),
      el('span', { class: 'history-what' }, entry.what ?? ''))));
}

function referralBlock(referral) {
  if (!referral) return el('p', { class: 'muted', id: 'referral' }, 'این درخواست ارجاع نشده است.');
  const deadline = referral.deadline
    ? el('span', { class: referral.overdue ? 'overdue' : '' }, formatDate(referral.deadline), referral.overdue ? ' — مهلت گذشته' : '')
    : '—';
  return el('div', { id: 'referral', class: referral.overdue ? 'referral is-overdue' : 'referral', dataset: { overdue: String(Boolean(referral.overdue)) } },
    definitionList([
      ['واحد', referral.unit ?? '—'],
      ['مسئول', referral.assignee ?? '—'],
      ['مهلت', deadline],
    ], 'facts facts-inline'));
}

const NOTICE_KINDS = Object.freeze({
  REGISTERED: 'کد پیگیری', JOINED: 'پیوستن', REFERRED: 'ارجاع', RESULT: 'نتیجه', REPLY: 'پاسخ به پیامک شهروند',
});
const NOTICE_STATUSES = Object.freeze({
  PENDING: 'در نوبت', SENDING: 'در حال فرستادن', DONE: 'فرستاده شد', FAILED: 'نرسید',
  UNCERTAIN: 'نامعلوم (سامانه در میانهٔ فرستادن ایستاد)', SKIPPED: 'فرستاده نمی‌شود (فهرست منع تماس)',
});
const NOTICE_OUTCOMES = Object.freeze({
  sent: 'مرکز پیامک پذیرفت', answered: 'پاسخ داد', busy: 'مشغول بود', no_answer: 'پاسخ نداد',
  failed: 'تماس برقرار نشد', unavailable: 'مرکز تلفن یا پیامک در دسترس نبود', rejected: 'شماره پذیرفته نشد',
  uncertain: 'نامعلوم',
});

/** What the citizens were told about this request, or are to be, and how it went. */
function noticesBlock(view) {
  const notices = Array.isArray(view.notifications) ? view.notifications : [];
  if (!notices.length) return el('p', { class: 'muted', id: 'notifications-none' }, 'پیامی به شهروندان فرستاده نشده است.');
  return el('div', { class: 'table-wrap' }, el('table', { class: 'data-table', id: 'notifications' },
    el('thead', {}, el('tr', {}, ['درباره', 'راه', 'به', 'وضعیت', 'تلاش', 'آخرین تلاش', 'نتیجهٔ آن'].map((c) => el('th', { scope: 'col' }, c)))),
    el('tbody', {}, notices.map((n) => el('tr', { dataset: { status: n.status, kind: n.kind } },
      el('td', {}, NOTICE_KINDS[n.kind] ?? n.kind),
      el('td', {}, n.channel === 'sms' ? 'پیامک' : 'تماس'),
      el('td', {}, n.to ? ltr(n.to, 'phone') : 'شمارهٔ پنهان'),
      el('td', {}, n.channel === 'call' && n.status === 'DONE' ? 'گفته شد' : (NOTICE_STATUSES[n.status] ?? n.status),
        n.receipt ? el('small', { class: 'muted' }, n.receipt === 'DELIVRD' ? ' (به گوشی رسید)' : ' (به گوشی نرسید)') : null),
      el('td', {}, formatNumber(n.attempts)),
      el('td', {}, n.lastAttemptAt ? formatDateTime(n.lastAttemptAt) : '—'),
      el('td', {}, n.outcome ? (NOTICE_OUTCOMES[n.outcome] ?? n.outcome) : '—'))))));
}

function requestDetails(container, view, signal) {
  const onUpdated = (updated) => {
    if (signal.aborted) return;
    requestDetails(container, updated, signal);
    const title = container.querySelector('#page-title');
    if (title) title.focus();
  };
  const facts = definitionList([
    ['وضعیت', statusBadge(view.status)],
    ['تاریخ ثبت', formatDateTime(view.createdAt)],
    ['آخرین تغییر', formatDateTime(view.lastChangedAt)],
    ['شماره تماس‌گیرنده', ltr(view.callerNumber, 'phone')],
    ['منطقه', view.districtName || districtName(view.district) || '—'],
    ['موضوع', view.categoryLabel || categoryLabel(view.category) || '—'],
    ['ثبت از راه', sourceLabel(view.source)],
    ['نشانی', view.location ? locationText(view.location) : undefined],
    ['حامیان', el('span', { id: 'supporters' }, formatNumber(view.supporters ?? 0))],
    ['تکراریِ درخواست', view.duplicateOf ? requestLink(view.duplicateOf) : undefined],
    ['نتیجه', view.result ? el('span', { class: 'pre-wrap' }, view.result) : undefined],
    ['زمان نتیجه', view.resultAt ? formatDateTime(view.resultAt) : undefined],
    ['بازگشته پس از نتیجه', view.reopened > 0 ? `${formatNumber(view.reopened)} بار (شهروند گفت برطرف نشده)` : undefined],
    ['رضایت شهروند', view.satisfaction ? `${toPersianDigits(view.satisfaction.score)} از ۵`
      + (view.satisfaction.fixed === true ? '؛ برطرف شده' : view.satisfaction.fixed === false ? '؛ برطرف نشده' : '') : undefined],
  ]);

  clear(container).append(
    el('div', { class: 'page-head' },
      el('h1', { id: 'page-title', tabindex: '-1' }, 'درخواست ', ltr(view.code, 'code code-title')),
      session.me?.roles?.includes('UNIT')
        ? el('a', { href: '#/unit', class: 'button' }, 'بازگشت به میز واحد')
        : el('a', { href: '#/requests', class: 'button' }, 'بازگشت به جست‌وجو')),
    el('div', { class: 'request-layout', dataset: { code: view.code, status: view.status } },
      el('div', { class: 'request-main' },
        el('section', { class: 'panel', 'aria-labelledby': 'facts-title' },
          el('h2', { id: 'facts-title', class: 'visually-hidden' }, 'مشخصات'),
          facts,
          el('h3', { class: 'subtle-title' }, 'شرح'),
          el('p', { class: 'description-text', id: 'request-description' }, view.description ?? ''),
          view.recordingUrl ? el('div', { class: 'has-audio', id: 'request-audio' },
            el('h3', { class: 'subtle-title' }, 'صدای شهروند'),
            audioPlayer(view.recordingUrl, 'request-recording', 'صدای ضبط‌شدهٔ شهروند')) : null),
        el('section', { class: 'panel', 'aria-labelledby': 'referral-title' },
          el('h2', { id: 'referral-title' }, 'ارجاع'),
          referralBlock(view.referral)),
        el('section', { class: 'panel', 'aria-labelledby': 'notices-title' },
          el('h2', { id: 'notices-title' }, 'پیام به شهروندان'),
          noticesBlock(view)),
        el('section', { class: 'panel', 'aria-labelledby': 'history-title' },
          el('h2', { id: 'history-title' }, 'تاریخچه'),
          historyList(view.history))),
      el('div', { class: 'request-side' },
        el('section', { class: 'panel actions', 'aria-label': 'اقدام‌ها' },
          session.me?.roles?.includes('UNIT') ? unitActionForms(view, onUpdated) : requestActionForms(view, onUpdated)))));
}

export function renderRequest(container, rawCode, { signal }) {
  const code = normalizeDigitsInput(rawCode);
  if (!isDigits(code)) {
    clear(container).append(heading(1, 'درخواست', { id: 'page-title' }),
      message('کد رهگیری درست نیست.', 'error', el('p', {}, el('a', { href: '#/requests', class: 'button' }, 'جست‌وجوی درخواست'))));
    return null;
  }
  clear(container).append(heading(1, 'درخواست', { id: 'page-title' }), message('در حال خواندن درخواست…'));
  get(`/api/requests/${code}`, { signal })
    .then((view) => {
      if (signal.aborted) return;
      requestDetails(container, view, signal);
    })
    .catch((failure) => {
      if (isAbort(failure) || signal.aborted) return;
      let text = errorText('درخواست خوانده نشد', failure);
      if (failure && failure.status === 404) text = 'درخواستی با این کد رهگیری پیدا نشد.';
      else if (failure && failure.status === 400) text = 'کد رهگیری درست نیست.';
      clear(container).append(heading(1, 'درخواست', { id: 'page-title' }),
        message(text, 'error', el('p', {}, el('a', { href: '#/requests', class: 'button' }, 'جست‌وجوی درخواست'))));
    });
  return null;
}

/** «پارک ناژوان؛ عرض ۳۲٫۶۵۰۰۰، طول ۵۱٫۷۵۰۰۰»: the address as given, the point labelled, as its history line says it. */
function locationText(location) {
  const degrees = (value) => toPersianDigits(value.toFixed(5)).replace('.', '٫');
  const point = location.latitude !== null && location.latitude !== undefined
    ? `عرض ${degrees(location.latitude)}، طول ${degrees(location.longitude)}` : '';
  return el('span', { class: 'location' }, location.address ? el('bdi', {}, location.address) : null,
    location.address && point ? '؛ ' : null, point ? el('span', { class: 'muted' }, point) : null);
}
