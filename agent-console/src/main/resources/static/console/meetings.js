// The mayor's public meetings: the list and a supervisor's form for a new one (#/meetings); one meeting's
// registrations with the committees' decisions and the instructions given at it (#/meeting/<id>); each official's
// list in turn, printable (#/meeting/<id>/lists); the phone-sized page 137 staff register citizens on at the venue
// (#/meeting/<id>/venue); the follow-up committee's report (#/meeting/<id>/report). The server decides who may do
// what; the page offers each person only what their roles allow.

import { el, append, clear, heading, message, ltr, field, select, datalist } from './dom.js';
import { get, post, errorText, isAbort } from './api.js';
import { session } from './state.js';
import { notify } from './ui.js';
import { jalaliDateInput } from './jalali.js';
import { cityToday, formatDateTime, formatLongDay, formatNumber, statusLabel, toLatinDigits, toPersianDigits } from './persian.js';
import { hasRole } from './mayor.js';

const KIND_LABELS = Object.freeze({
  PUBLIC_MEETING: 'دیدار مردمی با شهردار', PEOPLES_WEDNESDAY: 'چهارشنبهٔ مردمی', MARDOM_SALAM: 'مردم سلام',
});
const STATUS_LABELS = Object.freeze({
  REGISTERED: 'در انتظار بررسی', ROUTED: 'ارجاع به مسئول', DECLINED: 'پذیرفته نشد', ANSWERED: 'پاسخ بدون دیدار',
  HEARD: 'در دیدار شنیده شد',
});
const SOURCE_LABELS = Object.freeze({ IVR: 'سامانهٔ گویا', AGENT: 'اپراتور', VENUE: 'محل دیدار', API: 'برنامهٔ شهر' });
const LATENESS_LABELS = Object.freeze({
  ON_TIME: 'در مهلت', DUE_SOON: 'مهلت نزدیک است', OVERDUE: 'مهلت گذشته', FOR_THE_MAYOR: 'برای دفتر شهردار',
});
const CONFLICTS = Object.freeze({
  'registration-closed': 'ثبت‌نام این دیدار بسته است',
  'not-the-day': 'ثبت‌نام در محل فقط در روز دیدار است',
  'already-decided': 'دربارهٔ این ثبت‌نام پیش‌تر تصمیم گرفته شده است',
  'not-routed': 'فقط موضوعی که به مسئولی ارجاع شده در دیدار شنیده می‌شود',
  'official-full': 'همهٔ نوبت‌های این مسئول داده شده است',
  'already-routed': 'این شهروند به مسئول دیگری ارجاع و دعوت شده است؛ برای تغییر، آن را رد کنید',
});

const failure = (prefix, error) => (error && error.status === 409 && CONFLICTS[error.code]
  ? `${prefix}: ${CONFLICTS[error.code]}.` : errorText(prefix, error));
/** Empties a node and adds children, skipping the absent ones (native append would write «null»). */
const fill = (node, ...children) => append(clear(node), children);
const committee = () => hasRole('SUPERVISOR') || hasRole('MODERATOR');
const atMeeting = () => committee() || hasRole('MAYOR');

/** «جمعه ۲۱ آذر ۱۴۰۵، ساعت ۱۰:۰۰» from a local date-time in the city's time. */
function when(localDateTime) {
  if (!localDateTime) return '—';
  return `${formatLongDay(localDateTime.slice(0, 10))}، ساعت ${toPersianDigits(localDateTime.slice(11, 16))}`;
}

/** A Jalali day and a time typed as ۱۰:۰۰ → '2026-12-12T10:00', or null when either is not right. */
function dateTimeOf(dateInput, timeInput) {
  const day = dateInput.isoValue();
  const time = /^(\d{1,2}):(\d{2})$/.exec(toLatinDigits(timeInput.value).trim());
  if (!day || !time || Number(time[1]) > 23 || Number(time[2]) > 59) return null;
  return `${day}T${time[1].padStart(2, '0')}:${time[2]}`;
}

/** «ساعت ۱۰:۱۰» from a local date-time. */
function clock(localDateTime) {
  return localDateTime ? `ساعت ${toPersianDigits(localDateTime.slice(11, 16))}` : '';
}

/** An official's places as the committee reads them: «۳ از ۱۰ نوبت». */
function placesText(places) {
  return places ? `${formatNumber(places.taken)} از ${formatNumber(places.slots)} نوبت` : '';
}

/** Lines «نام» or «نام: ۱۲» → { officials, slots } (slots only for the lines that name a number). */
function officialsOf(text) {
  const officials = [];
  const slots = {};
  for (const line of text.split('\n').map((s) => s.trim()).filter(Boolean)) {
    const counted = /^(.*?)\s*[:：]\s*(\d+)$/.exec(toLatinDigits(line));
    const name = counted ? line.slice(0, counted[1].length).trim() : line;
    if (!name) continue;
    officials.push(name);
    if (counted) slots[name] = Number(counted[2]);
  }
  return { officials, slots };
}

function timeInput(id, value) {
  return el('input', { type: 'text', id, inputmode: 'numeric', dir: 'ltr', placeholder: '۱۰:۰۰', value: toPersianDigits(value), class: 'time-input' });
}

/* ---------- #/meetings ---------- */

export function renderMeetings(container, { signal }) {
  fill(container, heading(1, 'دیدارهای مردمی', { id: 'page-title' }), message('در حال خواندن…'));
  get('/api/meetings', { signal }).then((meetings) => {
    if (signal.aborted) return;
    const list = meetings.length ? el('div', { class: 'table-wrap' }, el('table', { class: 'data-table', id: 'meetings' },
      el('thead', {}, el('tr', {}, ['دیدار', 'نوع', 'زمان', 'مکان', 'ثبت‌نام'].map((c) => el('th', { scope: 'col' }, c)))),
      el('tbody', {}, meetings.map((m) => el('tr', { dataset: { id: String(m.id) } },
        el('td', {}, el('a', { href: `#/meeting/${m.id}` }, m.title)),
        el('td', {}, KIND_LABELS[m.kind] ?? m.kind),
        el('td', {}, when(m.date)),
        el('td', {}, m.place),
        el('td', {}, m.registrationOpen ? el('span', { class: 'badge' }, 'باز است') : 'بسته'))))))
      : el('p', { class: 'empty' }, 'هنوز دیداری تعریف نشده است.');
    fill(container, heading(1, 'دیدارهای مردمی', { id: 'page-title' }),
      el('p', {}, el('a', { href: '#/meetings/follow-up', class: 'button', id: 'meetings-follow-up' }, 'پیگیری دستورهای همهٔ دیدارها')), list,
      hasRole('SUPERVISOR') ? newMeetingForm(container, signal) : null);
  }).catch((error) => {
    if (!isAbort(error) && !signal.aborted) container.append(message(errorText('خوانده نشد', error), 'error'));
  });
  return null;
}

function newMeetingForm(container, signal) {
  const kind = field('نوع دیدار', select({ name: 'kind' }, Object.entries(KIND_LABELS), 'PUBLIC_MEETING'));
  const title = field('عنوان', el('input', { type: 'text', name: 'title', maxlength: '300', required: true }));
  const day = field('روز دیدار', jalaliDateInput({ name: 'day', id: 'meeting-day' }));
  const at = field('ساعت', timeInput('meeting-time', '10:00'));
  const place = field('مکان', el('input', { type: 'text', name: 'place', maxlength: '300', required: true }));
  const districts = session.directory?.districts ?? [];
  const district = field('منطقه', select({ name: 'district' }, [['', 'همهٔ شهر'], ...districts.map((d) => [d.number, d.name])], ''));
  const officials = field('مسئولان حاضر (هر کدام در یک سطر)', el('textarea', { name: 'officials', rows: 3 }),
    'شهروندان به یکی از اینان ارجاع می‌شوند. برای شمار نوبت دیگری بنویسید «نام: ۱۲».');
  const slots = field('نوبت هر مسئول', el('input', { type: 'text', name: 'slotsPerOfficial', inputmode: 'numeric', dir: 'ltr', size: 4, placeholder: '۱۰' }),
    'خالی: شمار پیش‌فرض سامانه.');
  const minutes = field('دقیقهٔ هر نفر', el('input', { type: 'text', name: 'minutesPerCitizen', inputmode: 'numeric', dir: 'ltr', size: 4, placeholder: '۱۰' }),
    'ساعت هر شهروند از همین حساب می‌شود و در دعوت به او گفته می‌شود.');
  const opensDay = field('آغاز ثبت‌نام', jalaliDateInput({ name: 'opensDay', id: 'meeting-opens' }));
  const opensAt = field('ساعت آغاز', timeInput('meeting-opens-time', '08:00'));
  const closesDay = field('پایان ثبت‌نام', jalaliDateInput({ name: 'closesDay', id: 'meeting-closes' }));
  const closesAt = field('ساعت پایان', timeInput('meeting-closes-time', '20:00'));
  const submit = el('button', { type: 'submit', class: 'button button-primary' }, 'تعریف دیدار');
  const form = el('form', { class: 'action-form', id: 'new-meeting', noValidate: true },
    el('h2', {}, 'دیدار تازه'), kind.wrapper, title.wrapper, day.wrapper, at.wrapper, place.wrapper, district.wrapper,
    officials.wrapper, slots.wrapper, minutes.wrapper, opensDay.wrapper, opensAt.wrapper, closesDay.wrapper, closesAt.wrapper, submit);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const date = dateTimeOf(day.control, at.control);
    const opens = dateTimeOf(opensDay.control, opensAt.control);
    const closes = dateTimeOf(closesDay.control, closesAt.control);
    const missing = [[date, 'روز و ساعت دیدار', day.control], [opens, 'آغاز ثبت‌نام', opensDay.control],
      [closes, 'پایان ثبت‌نام', closesDay.control]].find(([value]) => !value);
    if (missing) {
      notify(`«${missing[1]}» را بنویسید: روز به شکل ۱۴۰۵/۰۹/۲۱ (روزی که در تقویم هست) و ساعت به شکل ۱۰:۰۰.`, 'error');
      missing[2].focus();
      return;
    }
    const count = (input) => {
      const text = toLatinDigits(input.value).trim();
      return text === '' ? null : (/^\d+$/.test(text) ? Number(text) : NaN);
    };
    const each = count(slots.control);
    const perCitizen = count(minutes.control);
    if (Number.isNaN(each) || Number.isNaN(perCitizen)) {
      notify('نوبت‌ها و دقیقه‌ها را با رقم بنویسید.', 'error');
      return;
    }
    const people = officialsOf(officials.control.value);
    submit.disabled = true;
    try {
      const made = await post('/api/meetings', {
        kind: kind.control.value, title: title.control.value, date, place: place.control.value,
        district: district.control.value ? Number(district.control.value) : null,
        officials: people.officials, slots: people.slots, slotsPerOfficial: each, minutesPerCitizen: perCitizen,
        registrationOpens: opens, registrationCloses: closes,
      });
      notify('دیدار تعریف شد.', 'success');
      window.location.hash = `#/meeting/${made.id}`;
    } catch (error) {
      if (!isAbort(error)) notify(failure('تعریف نشد', error), 'error');
      submit.disabled = false;
    }
  });
  return form;
}

/* ---------- #/meetings/follow-up ---------- */

/** The follow-up committee's list: every matter heard at any meeting, the open and latest first. */
export function renderMeetingsFollowUp(container, { signal }) {
  fill(container, heading(1, 'پیگیری دستورهای دیدارها', { id: 'page-title' }), message('در حال خواندن…'));
  get('/api/meetings/follow-up', { signal }).then((rows) => {
    if (signal.aborted) return;
    // Still being worked on, referred or sent back to the 137 centre: only a request with its result is done.
    const OPEN = new Set(['REGISTERED', 'REFERRED', 'IN_PROGRESS']);
    const open = rows.filter((r) => OPEN.has(r.row.requestStatus));
    const late = open.filter((r) => r.row.lateness === 'OVERDUE' || r.row.lateness === 'FOR_THE_MAYOR');
    fill(container,
      heading(1, 'پیگیری دستورهای دیدارها', { id: 'page-title' }),
      el('ul', { class: 'facts facts-inline', id: 'follow-up-counts' },
        el('li', {}, `باز: ${formatNumber(open.length)}`), el('li', {}, `مهلت گذشته: ${formatNumber(late.length)}`),
        el('li', {}, `نتیجه گرفت: ${formatNumber(rows.length - open.length)}`)),
      rows.length ? el('div', { class: 'table-wrap' }, el('table', { class: 'data-table', id: 'follow-up' },
        el('thead', {}, el('tr', {}, ['دیدار', 'موضوع', 'درخواست', 'واحد', 'مهلت', 'مانده', 'نتیجه'].map((c) => el('th', { scope: 'col' }, c)))),
        el('tbody', {}, rows.map((r) => el('tr', { dataset: { lateness: r.row.lateness ?? '' } },
          el('td', {}, el('a', { href: `#/meeting/${r.meetingId}/report` }, r.meetingTitle), el('br'),
            el('small', { class: 'muted' }, formatLongDay(r.meetingDate.slice(0, 10)))),
          el('td', {}, el('bdi', {}, r.row.registration.matter)),
          el('td', {}, r.row.request ? el('a', { href: `#/request/${r.row.request}` }, ltr(r.row.request, 'code')) : '—'),
          el('td', {}, r.row.unit ?? '—'),
          el('td', {}, r.row.deadline ? formatLongDay(r.row.deadline) : '—'),
          el('td', {}, daysLeftText(r.row)),
          el('td', {}, r.row.result ? el('bdi', {}, r.row.result) : '—'))))))
        : el('p', { class: 'empty' }, 'هنوز در دیداری دستوری ثبت نشده است.'));
  }).catch((error) => {
    if (!isAbort(error) && !signal.aborted) container.append(message(errorText('خوانده نشد', error), 'error'));
  });
  return null;
}

/** «۱۲ روز مانده (در مهلت)», «۳ روز گذشته (مهلت گذشته)», or a dash once answered. */
function daysLeftText(row) {
  if (row.daysLeft === null || row.daysLeft === undefined) return '—';
  const days = row.daysLeft >= 0 ? `${toPersianDigits(row.daysLeft)} روز مانده` : `${toPersianDigits(-row.daysLeft)} روز گذشته`;
  return `${days} (${LATENESS_LABELS[row.lateness] ?? ''})`;
}

/* ---------- #/meeting/<id> ---------- */

export function renderMeeting(container, id, { signal }) {
  fill(container, heading(1, 'دیدار', { id: 'page-title' }), message('در حال خواندن…'));
  const reload = () => renderMeeting(container, id, { signal });
  Promise.all([get(`/api/meetings/${encodeURIComponent(id)}`, { signal }),
    get(`/api/meetings/${encodeURIComponent(id)}/registrations`, { signal })]).then(([meeting, registrations]) => {
    if (signal.aborted) return;
    fill(container, 
      heading(1, meeting.title, { id: 'page-title' }),
      el('p', { class: 'muted' }, `${KIND_LABELS[meeting.kind] ?? meeting.kind} — ${when(meeting.date)} — ${meeting.place}`),
      el('ul', { class: 'facts facts-inline', id: 'meeting-places' }, (meeting.places ?? []).map((p) =>
        el('li', { dataset: { official: p.official } }, `${p.official}: ${placesText(p)}`))),
      el('p', { class: 'muted' }, `هر نفر ${formatNumber(meeting.minutesPerCitizen)} دقیقه؛ پیگیری دستورها ${formatNumber(meeting.followUpDays)} روز`),
      el('p', {}, el('a', { href: `#/meeting/${meeting.id}/report`, class: 'button' }, 'گزارش پیگیری'), ' ',
        el('a', { href: `#/meeting/${meeting.id}/lists`, class: 'button' }, 'فهرست هر مسئول (برای چاپ)'), ' ',
        el('a', { href: `#/meeting/${meeting.id}/venue`, class: 'button' }, 'ثبت‌نام در محل (تلفن همراه)')),
      registrationsTable(meeting, registrations, reload),
      meeting.registrationOpen ? registerForm(meeting, registrations, reload)
        : el('p', { class: 'muted', id: 'registration-closed' }, 'ثبت‌نام این دیدار بسته است؛ در روز دیدار ستاد ۱۳۷ در محل ثبت‌نام می‌کند.'));
  }).catch((error) => {
    if (!isAbort(error) && !signal.aborted) container.append(message(errorText('خوانده نشد', error), 'error'));
  });
  return null;
}

function registrationsTable(meeting, registrations, reload) {
  if (!registrations.length) return el('p', { class: 'empty', id: 'registrations-none' }, 'هنوز کسی ثبت‌نام نکرده است.');
  return el('div', { class: 'table-wrap' }, el('table', { class: 'data-table', id: 'registrations' },
    el('thead', {}, el('tr', {}, ['شماره', 'تلفن', 'موضوع', 'از راه', 'وضعیت', 'کار'].map((c) => el('th', { scope: 'col' }, c)))),
    el('tbody', {}, registrations.map((r) => el('tr', { dataset: { id: String(r.id), status: r.status } },
      el('td', {}, formatNumber(r.id)),
      el('td', {}, r.callerNumber ? ltr(r.callerNumber, 'phone') : 'بی‌شماره'),
      el('td', {}, el('bdi', {}, r.matter), earlierList(r)),
      el('td', {}, SOURCE_LABELS[r.source] ?? r.source, el('br'), el('small', { class: 'muted' }, formatDateTime(r.registeredAt))),
      el('td', {}, STATUS_LABELS[r.status] ?? r.status,
        r.official ? el('div', {}, `نزد: ${r.official}`) : null,
        r.turn ? el('div', { class: 'turn' }, `نوبت ${formatNumber(r.turn)}، ${clock(r.expectedAt)}`) : null,
        r.reason ? el('div', { class: 'muted' }, el('bdi', {}, r.reason)) : null,
        r.earlier ? el('div', {}, 'درخواست پیشین: ', el('a', { href: `#/request/${r.earlier}` }, ltr(r.earlier, 'code'))) : null,
        r.request ? el('div', {}, 'درخواست دیدار: ', el('a', { href: `#/request/${r.request}` }, ltr(r.request, 'code'))) : null),
      el('td', { class: 'actions' }, actions(meeting, r, reload)))))));
}

function earlierList(r) {
  if (!r.requests || !r.requests.length) return null;
  return el('details', {}, el('summary', {}, `${formatNumber(r.requests.length)} درخواست پیشین این شماره`),
    el('ul', {}, r.requests.map((q) => el('li', {}, el('a', { href: `#/request/${q.code}` }, ltr(q.code, 'code')),
      ` — ${statusLabel(q.status)} — `, el('bdi', {}, q.description)))));
}

function act(path, body, done, reload) {
  return async (event) => {
    event?.preventDefault?.();
    try {
      await post(path, body());
      notify(done, 'success');
      reload();
    } catch (error) {
      if (!isAbort(error)) notify(failure('انجام نشد', error), 'error');
    }
  };
}

/** What the committee is told once a registration is declined: the citizen hears why, if they can be reached. */
function declinedText(r) {
  return r.callerNumber ? 'رد شد؛ دلیل به شهروند گفته می‌شود.' : 'رد شد؛ این ثبت‌نام تلفنی ندارد و کسی به او خبر نمی‌دهد.';
}

/** Declining cannot be taken back: asked once more, naming the citizen's matter. */
function confirmed(r, work) {
  return (event) => {
    if (window.confirm(`ثبت‌نام «${r.matter.slice(0, 60)}» رد شود؟ این کار برگشت ندارد.`)) work(event);
  };
}

function actions(meeting, r, reload) {
  const at = `/api/meetings/${meeting.id}/registrations/${r.id}`;
  const parts = [];
  if (r.status === 'REGISTERED' && committee()) {
    const places = Object.fromEntries((meeting.places ?? []).map((p) => [p.official, p]));
    const official = select({ 'aria-label': 'مسئول', dataset: { action: 'official' } },
      meeting.officials.map((o) => [o, `${o} (${placesText(places[o])})`]), r.official ?? meeting.officials[0]);
    // An official whose places are all given can take no one new; whoever is already theirs keeps their turn.
    for (const option of official.options) {
      const p = places[option.value];
      option.disabled = Boolean(p && p.taken >= p.slots && option.value !== r.official);
    }
    const route = el('button', { type: 'button', class: 'button button-primary', dataset: { action: 'route' } }, 'ارجاع');
    route.addEventListener('click', act(`${at}/route`, () => ({ official: official.value }), 'به مسئول ارجاع شد.', reload));
    const reason = el('input', { type: 'text', 'aria-label': 'دلیل یا پاسخ', placeholder: 'دلیل رد یا پاسخ', maxlength: '300' });
    const decline = el('button', { type: 'button', class: 'button', dataset: { action: 'decline' } }, 'رد');
    decline.addEventListener('click', confirmed(r, act(`${at}/decline`, () => ({ reason: reason.value }), declinedText(r), reload)));
    const answer = el('button', { type: 'button', class: 'button', dataset: { action: 'answer' } }, 'پاسخ بدون دیدار');
    answer.addEventListener('click', act(`${at}/answer`, () => ({ reason: reason.value }), 'پاسخ ثبت شد.', reload));
    const code = el('input', { type: 'text', 'aria-label': 'کد درخواست پیشین', placeholder: 'کد درخواست پیشین', inputmode: 'numeric', dir: 'ltr', size: 10 });
    const link = el('button', { type: 'button', class: 'button', dataset: { action: 'link' } }, 'پیوند');
    link.addEventListener('click', act(`${at}/link`, () => ({ code: toLatinDigits(code.value).trim() }), 'به درخواست پیشین پیوند خورد.', reload));
    parts.push(el('div', { class: 'inline-actions' }, official, route),
      el('div', { class: 'inline-actions' }, reason, decline, answer),
      el('div', { class: 'inline-actions' }, code, link));
  }
  if (r.status === 'ROUTED' && committee()) {
    // Invited already: not moved to another official, only declined (and the citizen told).
    const reason = el('input', { type: 'text', 'aria-label': 'دلیل رد', placeholder: 'دلیل رد', maxlength: '300' });
    const decline = el('button', { type: 'button', class: 'button', dataset: { action: 'decline' } }, 'رد');
    decline.addEventListener('click', confirmed(r, act(`${at}/decline`, () => ({ reason: reason.value }), declinedText(r), reload)));
    parts.push(el('div', { class: 'inline-actions' }, reason, decline));
  }
  if (r.status === 'ROUTED' && atMeeting()) {
    const unit = el('input', { type: 'text', 'aria-label': 'واحد', placeholder: 'واحد مسئول', list: datalist('meeting-units', session.directory?.units) });
    const words = el('input', { type: 'text', 'aria-label': 'دستور', placeholder: 'دستور (پاراف)', maxlength: '4000' });
    const deadline = jalaliDateInput({ name: 'deadline', id: `deadline-${r.id}` });
    deadline.setAttribute('aria-label', 'مهلت (خالی: مهلت این نوع دیدار)');
    deadline.setAttribute('title', 'مهلت؛ خالی بماند تا مهلت این نوع دیدار گذاشته شود');
    const deadlineLabel = el('label', { for: `deadline-${r.id}`, class: 'muted' }, 'مهلت (اختیاری):');
    const hear = el('button', { type: 'button', class: 'button button-primary', dataset: { action: 'instruction' } }, 'ثبت دستور');
    hear.addEventListener('click', act(`${at}/instruction`, () => ({
      unit: unit.value, instruction: words.value, deadline: deadline.isoValue() || null,
    }), 'دستور ثبت شد و به واحد ارجاع شد.', reload));
    parts.push(el('div', { class: 'inline-actions' }, unit, words, deadlineLabel, deadline, hear));
  }
  return parts.length ? parts : '—';
}

function registerForm(meeting, registrations, reload) {
  const number = field('تلفن شهروند', el('input', { type: 'tel', dir: 'ltr', inputmode: 'tel', name: 'callerNumber' }));
  const districts = session.directory?.districts ?? [];
  const district = field('منطقه', select({ name: 'district' }, districts.map((d) => [d.number, d.name]), meeting.district ?? districts[0]?.number));
  const matter = field('موضوع به گفتهٔ شهروند', el('textarea', { name: 'matter', rows: 3, maxlength: '4000' }));
  const source = field('از راه', select({ name: 'source' }, [['AGENT', 'تماس با ۱۳۷'], ['VENUE', 'در محل دیدار']], 'AGENT'));
  const submit = el('button', { type: 'submit', class: 'button button-primary' }, 'ثبت‌نام');
  const form = el('form', { class: 'action-form', id: 'register-citizen', noValidate: true },
    el('h2', {}, 'ثبت‌نام شهروند'), number.wrapper, district.wrapper, matter.wrapper, source.wrapper, submit);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    submit.disabled = true;
    try {
      const made = await post(`/api/meetings/${meeting.id}/registrations`, {
        callerNumber: toLatinDigits(number.control.value).trim() || null, district: Number(district.control.value),
        matter: matter.control.value, source: source.control.value,
      });
      // A number registers once: the same number again gets the registration it has, its matter as first told.
      if (registrations.some((r) => r.id === made.id)) {
        notify(`این شماره پیش‌تر ثبت‌نام کرده است (ردیف ${formatNumber(made.id)})؛ موضوع همان است که بار نخست گفت.`, 'warning');
        submit.disabled = false;
        return;
      }
      notify('ثبت‌نام انجام شد.', 'success');
      reload();
    } catch (error) {
      if (!isAbort(error)) notify(failure('ثبت‌نام نشد', error), 'error');
      submit.disabled = false;
    }
  });
  return form;
}

/* ---------- #/meeting/<id>/lists ---------- */

/** Each official's citizens on a page of their own, in turn with the time each is expected, for the meeting's day. */
export function renderMeetingLists(container, id, { signal }) {
  fill(container, heading(1, 'فهرست هر مسئول', { id: 'page-title' }), message('در حال خواندن…'));
  Promise.all([get(`/api/meetings/${encodeURIComponent(id)}`, { signal }),
    get(`/api/meetings/${encodeURIComponent(id)}/registrations`, { signal })]).then(([meeting, registrations]) => {
    if (signal.aborted) return;
    const print = el('button', { type: 'button', class: 'button no-print', on: { click: () => window.print() } }, 'چاپ');
    const lists = meeting.officials.map((official) => {
      const theirs = registrations.filter((r) => r.official === official && (r.status === 'ROUTED' || r.status === 'HEARD'))
        .sort((a, b) => (a.turn ?? Infinity) - (b.turn ?? Infinity) || a.id - b.id);
      return el('section', { class: 'official-list', dataset: { official } },
        el('h2', {}, `${official} — ${formatNumber(theirs.length)} نفر`),
        theirs.length ? el('table', { class: 'data-table' },
          el('thead', {}, el('tr', {}, ['نوبت', 'ساعت', 'تلفن', 'موضوع', 'درخواست پیشین'].map((c) => el('th', { scope: 'col' }, c)))),
          el('tbody', {}, theirs.map((r) => el('tr', {},
            el('td', {}, r.turn ? formatNumber(r.turn) : '—'),
            el('td', {}, r.expectedAt ? toPersianDigits(r.expectedAt.slice(11, 16)) : '—'),
            el('td', {}, r.callerNumber ? ltr(r.callerNumber, 'phone') : '—'),
            el('td', {}, el('bdi', {}, r.matter)),
            el('td', {}, r.earlier ? ltr(r.earlier, 'code') : '—')))))
          : el('p', { class: 'empty' }, 'کسی به این مسئول ارجاع نشده است.'));
    });
    fill(container, heading(1, `فهرست هر مسئول: ${meeting.title}`, { id: 'page-title' }),
      el('p', { class: 'muted' }, `${when(meeting.date)} — ${meeting.place}`),
      el('p', { class: 'no-print' }, print, ' ', el('a', { href: `#/meeting/${meeting.id}`, class: 'button' }, 'بازگشت به دیدار')),
      ...lists);
  }).catch((error) => {
    if (!isAbort(error) && !signal.aborted) container.append(message(errorText('خوانده نشد', error), 'error'));
  });
  return null;
}

/* ---------- #/meeting/<id>/venue ---------- */

/**
 * The page 137 staff hold on a phone at the venue, on the meeting's day: one citizen after another, number, district
 * and matter, a big button; the last registered stay in view so a staffer can tell the citizen their number and see
 * that nobody was registered twice.
 */
export function renderMeetingVenue(container, id, { signal }) {
  fill(container, heading(1, 'ثبت‌نام در محل', { id: 'page-title' }), message('در حال خواندن…'));
  get(`/api/meetings/${encodeURIComponent(id)}`, { signal }).then((meeting) => {
    if (signal.aborted) return;
    const today = cityToday();
    const onTheDay = meeting.date.slice(0, 10) === today;
    const done = el('div', { id: 'venue-done', role: 'status', 'aria-live': 'polite' });
    const recent = el('ul', { class: 'venue-recent', id: 'venue-recent' });
    const number = field('تلفن شهروند', el('input', { type: 'tel', dir: 'ltr', inputmode: 'tel', name: 'callerNumber', autocomplete: 'off', id: 'venue-number' }));
    const districts = session.directory?.districts ?? [];
    const district = field('منطقه', select({ name: 'district' }, districts.map((d) => [d.number, d.name]), meeting.district ?? districts[0]?.number));
    const matter = field('موضوع به گفتهٔ شهروند', el('textarea', { name: 'matter', rows: 4, maxlength: '4000', id: 'venue-matter' }));
    const submit = el('button', { type: 'submit', class: 'button button-primary venue-submit' }, 'ثبت');
    const form = el('form', { class: 'venue-form', id: 'venue-form', noValidate: true }, number.wrapper, district.wrapper, matter.wrapper, submit);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (!matter.control.value.trim()) {
        notify('موضوع را بنویسید.', 'error');
        matter.control.focus();
        return;
      }
      submit.disabled = true;
      try {
        const made = await post(`/api/meetings/${meeting.id}/registrations`, {
          callerNumber: toLatinDigits(number.control.value).trim() || null, district: Number(district.control.value),
          matter: matter.control.value, source: 'VENUE',
        });
        // The same number twice gets the registration it has: say so rather than count it as new.
        const again = made.source !== 'VENUE' || [...recent.children].some((li) => li.dataset.id === String(made.id));
        fill(done, el('p', { class: again ? 'venue-again' : 'venue-ok' },
          again ? `این شماره پیش‌تر ثبت‌نام کرده است (ردیف ${formatNumber(made.id)})؛ همان ثبت‌نام می‌ماند.`
            : `ثبت شد (ردیف ${formatNumber(made.id)}).`,
          made.requests?.length ? el('span', { class: 'muted' }, ` — ${formatNumber(made.requests.length)} درخواست پیشین`) : null));
        if (!again) recent.prepend(venueRow(made));
        form.reset();
        district.control.value = String(meeting.district ?? districts[0]?.number ?? '');
        number.control.focus();
      } catch (error) {
        clear(done);
        if (!isAbort(error)) notify(failure('ثبت نشد', error), 'error');
      } finally {
        submit.disabled = !onTheDay;
      }
    });
    submit.disabled = !onTheDay;
    fill(container, 
      heading(1, 'ثبت‌نام در محل', { id: 'page-title' }),
      el('p', { class: 'venue-meeting' }, el('strong', {}, meeting.title), el('br'), `${when(meeting.date)} — ${meeting.place}`),
      onTheDay ? null : message('ثبت‌نام در محل فقط در روز دیدار است.', 'error'),
      done, form, el('h2', {}, 'ثبت‌شده‌ها در محل'), recent,
      el('p', {}, el('a', { href: `#/meeting/${meeting.id}` }, 'صفحهٔ دیدار')));
    get(`/api/meetings/${encodeURIComponent(id)}/registrations`, { signal }).then((registrations) => {
      if (signal.aborted) return;
      // Below any made meanwhile, the latest first.
      recent.append(...registrations.filter((r) => r.source === 'VENUE' && !recent.querySelector(`[data-id="${r.id}"]`)).reverse().map(venueRow));
    }).catch(() => {});
    if (onTheDay) number.control.focus();
  }).catch((error) => {
    if (!isAbort(error) && !signal.aborted) container.append(message(errorText('خوانده نشد', error), 'error'));
  });
  return null;
}

function venueRow(r) {
  return el('li', { dataset: { id: String(r.id) } }, `ردیف ${formatNumber(r.id)} — `, r.callerNumber ? ltr(r.callerNumber, 'phone') : 'بی‌تلفن',
    el('div', {}, el('bdi', {}, r.matter.length > 80 ? `${r.matter.slice(0, 80)}…` : r.matter)));
}

/* ---------- #/meeting/<id>/report ---------- */

export function renderMeetingReport(container, id, { signal }) {
  fill(container, heading(1, 'گزارش پیگیری دیدار', { id: 'page-title' }), message('در حال خواندن…'));
  get(`/api/meetings/${encodeURIComponent(id)}/report`, { signal }).then((report) => {
    if (signal.aborted) return;
    const csv = el('a', { class: 'button', id: 'meeting-report-csv', download: '' }, 'دریافت CSV');
    csv.setAttribute('href', `/api/meetings/${encodeURIComponent(id)}/report?format=csv`);
    const counts = [['ثبت‌نام', report.registered], ['ارجاع‌شده، در انتظار دیدار', report.routed], ['پذیرفته نشد', report.declined],
      ['پاسخ بدون دیدار', report.answeredWithoutMeeting], ['شنیده‌شده در دیدار', report.heard], ['نتیجه گرفت', report.answered], ['باز', report.open]];
    fill(container, 
      heading(1, `گزارش پیگیری: ${report.meeting.title}`, { id: 'page-title' }),
      el('p', { class: 'muted' }, when(report.meeting.date)),
      el('ul', { class: 'facts facts-inline', id: 'meeting-report-counts' }, counts.map(([k, v]) => el('li', {}, `${k}: ${formatNumber(v)}`))),
      el('p', {}, csv, ' ', el('a', { href: `#/meeting/${report.meeting.id}`, class: 'button' }, 'بازگشت به دیدار')),
      el('div', { class: 'table-wrap' }, el('table', { class: 'data-table', id: 'meeting-report' },
        el('thead', {}, el('tr', {}, ['موضوع', 'وضعیت', 'درخواست', 'واحد', 'مهلت', 'مانده', 'نتیجه'].map((c) => el('th', { scope: 'col' }, c)))),
        el('tbody', {}, report.rows.map((row) => el('tr', { dataset: { status: row.registration.status, lateness: row.lateness ?? '' } },
          el('td', {}, el('bdi', {}, row.registration.matter)),
          el('td', {}, STATUS_LABELS[row.registration.status] ?? row.registration.status,
            row.registration.reason ? el('div', { class: 'muted' }, el('bdi', {}, row.registration.reason)) : null),
          el('td', {}, row.request ? el('a', { href: `#/request/${row.request}` }, ltr(row.request, 'code')) : '—',
            row.requestStatus ? el('div', { class: 'muted' }, statusLabel(row.requestStatus)) : null),
          el('td', {}, row.unit ?? '—'),
          el('td', {}, row.deadline ? formatLongDay(row.deadline) : '—'),
          el('td', {}, daysLeftText(row)),
          el('td', {}, row.result ? el('bdi', {}, row.result) : '—')))))));
  }).catch((error) => {
    if (!isAbort(error) && !signal.aborted) container.append(message(errorText('خوانده نشد', error), 'error'));
  });
  return null;
}
