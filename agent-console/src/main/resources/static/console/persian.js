// Persian text helpers: digits, numbers, Jalali dates and the labels of the server's codes.
// No DOM here, so the helpers can be checked with node.

const LOCALE = 'fa-IR-u-ca-persian-nu-arabext';
const PERSIAN_ZERO = 0x06f0;
const ARABIC_INDIC_ZERO = 0x0660;

/** Latin digits 0-9 → Persian digits ۰-۹ (other characters are kept). */
export function toPersianDigits(value) {
  return String(value ?? '').replace(/[0-9]/g, (d) => String.fromCharCode(PERSIAN_ZERO + Number(d)));
}

/** Persian (۰-۹) and Arabic-Indic (٠-٩) digits → Latin 0-9 (other characters are kept). */
export function toLatinDigits(value) {
  return String(value ?? '')
    .replace(/[\u06f0-\u06f9]/g, (c) => String(c.charCodeAt(0) - PERSIAN_ZERO))
    .replace(/[\u0660-\u0669]/g, (c) => String(c.charCodeAt(0) - ARABIC_INDIC_ZERO));
}

/** What a user typed as a phone number or a code: Latin digits, no spaces, dashes or direction marks. */
export function normalizeDigitsInput(value) {
  return toLatinDigits(value).replace(/[\s\-\u200e\u200f\u200c()]/g, '');
}

/** A tracking code is eight Latin digits (TrackingCode.LENGTH on the server; the last is a check digit). */
export function isTrackingCode(value) {
  return /^[0-9]{8}$/.test(String(value ?? ''));
}

/** A code we may put into a hash route: digits only. */
export function isDigits(value) {
  return /^[0-9]{1,32}$/.test(String(value ?? ''));
}

/** 1234 → «۱٬۲۳۴». Non-numbers give «—». */
export function formatNumber(value) {
  const n = Number(value);
  if (value === null || value === undefined || Number.isNaN(n)) return '—';
  return n.toLocaleString('fa-IR');
}

/** 0.42 → «۴۲٪». */
export function formatPercent(fraction) {
  const n = Number(fraction);
  if (Number.isNaN(n)) return '—';
  return `${toPersianDigits(String(Math.round(n * 100)))}٪`;
}

/** Seconds → «mm:ss» in Persian digits; minutes are not capped (۷۵:۰۳). */
export function formatWait(totalSeconds) {
  const s = Math.max(0, Math.floor(Number(totalSeconds) || 0));
  const minutes = Math.floor(s / 60);
  const seconds = s % 60;
  return toPersianDigits(`${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`);
}

// The city's zone comes from the server (/api/me, hotline.time-zone): until the page is told, dates are not shown.
let formats = null;

/** Every date and time from now on is the city's, in this IANA zone (e.g. Asia/Tehran). */
export function useTimeZone(zone) {
  formats = {
    zone,
    date: new Intl.DateTimeFormat(LOCALE, { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }),
    time: new Intl.DateTimeFormat(LOCALE, { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
    dayLabel: new Intl.DateTimeFormat(LOCALE, { timeZone: zone, month: 'short', day: 'numeric' }),
    longDay: new Intl.DateTimeFormat(LOCALE, {
      timeZone: zone, weekday: 'long', year: 'numeric', month: 'long', day: 'numeric',
    }),
    isoDay: new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }),
  };
}

function cityFormats() {
  if (!formats) throw new Error('useTimeZone() first: the city\'s time zone is not known yet');
  return formats;
}

/** Today in the city as YYYY-MM-DD (Latin digits), as a date input wants it. */
export function cityToday() {
  const parts = cityFormats().isoDay.formatToParts(new Date());
  const get = (type) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

function toDate(value) {
  if (value instanceof Date) return value;
  if (typeof value === 'string') {
    const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    // A plain date is a day in the city: noon UTC is that same day in every zone from -11:59 to +11:59.
    if (day) return new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]), 12));
  }
  if (value === null || value === undefined || value === '') return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

function safeFormat(format, value) {
  const d = toDate(value);
  return d ? format.format(d) : '—';
}

/** ISO instant or YYYY-MM-DD → Jalali date «۱۴۰۵/۰۸/۳۰». */
export function formatDate(value) {
  return safeFormat(cityFormats().date, value);
}

/** ISO instant → Jalali date and the city's time «۱۴۰۵/۰۸/۳۰، ساعت ۱۱:۴۵» (one joined string, no stray Latin comma). */
export function formatDateTime(value) {
  const d = toDate(value);
  if (!d) return '—';
  return `${cityFormats().date.format(d)}، ساعت ${toPersianDigits(cityFormats().time.format(d))}`;
}

/** ISO instant → the city's time of day «۱۱:۴۵». */
export function formatTime(value) {
  const d = toDate(value);
  return d ? toPersianDigits(cityFormats().time.format(d)) : '—';
}

/** YYYY-MM-DD → short Jalali day for chart labels «۳۰ آبان». */
export function formatDayLabel(value) {
  return safeFormat(cityFormats().dayLabel, value);
}

/** YYYY-MM-DD → «جمعه ۳۰ آبان ۱۴۰۵» (put together from parts: ICU's own order varies). */
export function formatLongDay(value) {
  const d = toDate(value);
  if (!d) return '—';
  const parts = {};
  for (const part of cityFormats().longDay.formatToParts(d)) parts[part.type] = part.value;
  return [parts.weekday, parts.day, parts.month, parts.year].filter(Boolean).join(' ');
}

export const STATUS_LABELS = Object.freeze({
  REGISTERED: 'ثبت شده',
  REFERRED: 'ارجاع شده',
  IN_PROGRESS: 'در حال انجام',
  RESOLVED: 'انجام شد',
  REJECTED: 'رد شد',
  CLOSED: 'بسته شد',
  DUPLICATE: 'تکراری',
});

export const PRESENCE_LABELS = Object.freeze({
  AVAILABLE: 'آماده',
  BUSY: 'در تماس',
  AWAY: 'غایب',
});

/** Why an agent is away: the ones they choose, in the order offered, then the one the switchboard sets. */
export const AWAY_REASONS = Object.freeze(['BREAK', 'PRAYER', 'MEAL', 'TRAINING', 'PAPERWORK', 'OTHER']);
export const AWAY_REASON_LABELS = Object.freeze({
  BREAK: 'استراحت',
  PRAYER: 'نماز',
  MEAL: 'وعدهٔ غذا',
  TRAINING: 'آموزش',
  PAPERWORK: 'کار اداری',
  OTHER: 'دلیل دیگر',
  NO_ANSWER: 'تلفن پاسخ نداد',
});

/** What came of a call the agent took, in the order offered on the card. */
export const WRAP_UP_CODES = Object.freeze(['NEW_REQUEST', 'JOINED_REQUEST', 'FOLLOW_UP', 'INFORMATION',
  'NOT_MUNICIPAL', 'COMPLAINT', 'NUISANCE', 'CUT_OFF']);
export const WRAP_UP_LABELS = Object.freeze({
  NEW_REQUEST: 'درخواست تازه ثبت شد',
  JOINED_REQUEST: 'به درخواست موجود پیوست',
  FOLLOW_UP: 'پیگیری درخواست',
  INFORMATION: 'راهنمایی و اطلاع‌رسانی',
  NOT_MUNICIPAL: 'خارج از وظایف شهرداری',
  COMPLAINT: 'شکایت',
  NUISANCE: 'تماس مزاحم',
  CUT_OFF: 'تماس قطع شد',
});

export const REASON_LABELS = Object.freeze({
  ASKED_FOR_AGENT: 'درخواست اپراتور',
  MENU_NOT_UNDERSTOOD: 'منو نامفهوم',
  INPUT_NOT_UNDERSTOOD: 'ورودی نامفهوم',
  DESCRIPTION_NOT_UNDERSTOOD: 'شرح نامفهوم',
  SYSTEM_ERROR: 'خطای سامانه',
});

/** RequestSource on the server. */
export const SOURCE_LABELS = Object.freeze({
  IVR_SPEECH: 'سامانه گویا',
  AGENT: 'اپراتور',
  MAYOR_SESSION: 'گفت‌وگو با شهردار',
  API: 'برنامهٔ شهر (Open311)',
  MEETING: 'دیدار مردمی',
});

/** Who did something, when it was the system and not a person (a person is shown by their user name). */
export const ACTOR_LABELS = Object.freeze({
  ivr: 'سامانهٔ گویا',
  api: 'سامانهٔ دیگر',
});

export const LEFT_QUEUE_LABELS = Object.freeze({
  ASSIGNED: 'به اپراتور وصل شد',
  ABANDONED: 'تماس‌گیرنده قطع کرد',
  TIMED_OUT: 'زمان انتظار تمام شد',
});

function label(table, code) {
  if (code === null || code === undefined || code === '') return '—';
  return Object.prototype.hasOwnProperty.call(table, code) ? table[code] : String(code);
}

export const statusLabel = (code) => label(STATUS_LABELS, code);
export const presenceLabel = (code) => label(PRESENCE_LABELS, code);
export const awayReasonLabel = (code) => label(AWAY_REASON_LABELS, code);
export const wrapUpLabel = (code) => label(WRAP_UP_LABELS, code);
/** «غایب — نماز»: the presence, and for an away agent why. */
export const presenceText = (agent) => (agent.presence === 'AWAY' && agent.awayReason
  ? `${presenceLabel('AWAY')} — ${awayReasonLabel(agent.awayReason)}` : presenceLabel(agent.presence));
export const reasonLabel = (code) => label(REASON_LABELS, code);
export const sourceLabel = (code) => label(SOURCE_LABELS, code);
/** A system filing through Open311 is written «open311:<its name>» in the history: shown as that name. */
export const actorLabel = (name) => (typeof name === 'string' && name.startsWith('open311:')
  ? `برنامهٔ «${name.slice('open311:'.length)}»` : label(ACTOR_LABELS, name));
export const leftQueueLabel = (code) => label(LEFT_QUEUE_LABELS, code);

/** The Persian sentence for a 409 on accepting a call, from the server's conflict code (and who, if taken). */
export function acceptConflictMessage(error) {
  switch (error?.code) {
    case 'taken': return `این تماس را ${error.by ?? 'همکار دیگری'} پذیرفت`;
    case 'no-longer-waiting': return 'تماس‌گیرنده دیگر در صف نیست';
    case 'not-available': return 'پذیرش ممکن نشد: اول وضعیت خود را «آماده» کنید';
    case 'not-on-duty': return 'پذیرش ممکن نشد: صفحهٔ تماس‌های زنده را دوباره باز کنید';
    default: return `پذیرش ممکن نشد: ${String(error?.reason ?? '').trim() || 'علت نامعلوم'}`;
  }
}
