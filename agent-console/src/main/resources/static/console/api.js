// fetch wrapper for the console API: CSRF header on every non-GET, JSON in and out,
// 401 (or a login page in place of JSON) → /login, server errors as ApiError {status, field, reason}.
// A refused post (403) may mean the session ended: /api/me tells (401 → /login) and brings a fresh CSRF token.

const KEEP_ALIVE_MS = 5 * 60 * 1000;

let csrf = null;
let leaving = false;
let keepAliveTimer = null;
const csrfListeners = new Set();

export function setCsrf(value) {
  const next = value && value.headerName && value.token ? value : null;
  const changed = (next && next.token) !== (csrf && csrf.token);
  csrf = next;
  if (changed && next) {
    for (const listener of [...csrfListeners]) {
      try {
        listener(next);
      } catch (error) {
        console.error('csrf listener failed', error);
      }
    }
  }
}

/** listener(csrf) whenever /api/me brings another token (the logout form keeps its hidden field fresh). */
export function onCsrfChange(listener) {
  csrfListeners.add(listener);
  return () => csrfListeners.delete(listener);
}

export function getCsrf() {
  return csrf;
}

export class ApiError extends Error {
  constructor(status, field, reason, fromServer = false, code = null, by = null) {
    super(reason || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.field = field ?? null;
    this.reason = reason ?? '';
    /** for a 409: what stood in the way (taken, still-on-air, …), to be worded here, never parsed from reason */
    this.code = code;
    /** for a 409 caused by a person: who (e.g. the agent who took the call) */
    this.by = by;
    /** true when reason came from the server's JSON body (not the HTTP status text) */
    this.fromServer = fromServer;
    /** true when a refused post was followed by a session check that found the session alive */
    this.sessionChecked = false;
  }
}

export function goToLogin() {
  if (leaving) return;
  leaving = true;
  window.location.assign('/login');
}

function isLoginPage(response) {
  try {
    return response.redirected && new URL(response.url).pathname.startsWith('/login');
  } catch {
    return false;
  }
}

/**
 * api('/api/requests', {method: 'POST', body: {...}, signal})
 * Resolves with the parsed JSON (or null for an empty body); rejects with ApiError
 * (status 0 for a network failure) or the AbortError of the signal.
 */
export async function api(path, { method = 'GET', body, signal } = {}) {
  const headers = { Accept: 'application/json' };
  if (method !== 'GET' && method !== 'HEAD' && csrf) headers[csrf.headerName] = csrf.token;
  const init = { method, headers, credentials: 'same-origin', signal, cache: 'no-store' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (error) {
    if (error && error.name === 'AbortError') throw error;
    throw new ApiError(0, null, 'network error');
  }
  if (response.status === 401 || isLoginPage(response)) {
    goToLogin();
    throw new ApiError(401, null, 'login needed');
  }
  const text = await response.text();
  let data = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      if (response.ok) {
        // HTML where JSON was expected: the session has ended and we got a page instead.
        goToLogin();
        throw new ApiError(401, null, 'login needed');
      }
      data = null;
    }
  }
  if (!response.ok) {
    const fromServer = Boolean(data && typeof data.reason === 'string');
    const reason = fromServer ? data.reason : response.statusText;
    const field = data && typeof data.field === 'string' ? data.field : null;
    const code = data && typeof data.code === 'string' ? data.code : null;
    const by = data && typeof data.by === 'string' ? data.by : null;
    const error = new ApiError(response.status, field, reason, fromServer, code, by);
    if (response.status === 403 && method !== 'GET' && method !== 'HEAD') {
      await checkSessionAfterRefusal();
      error.sessionChecked = true;
    }
    throw error;
  }
  return data;
}

/**
 * A post was refused: an ended session looks like that too (its CSRF token no longer matches).
 * GET /api/me: 401 → api() goes to /login and this throws; otherwise keep its (fresh) CSRF token
 * and let the caller show the refusal.
 */
async function checkSessionAfterRefusal() {
  let me;
  try {
    me = await api('/api/me');
  } catch (error) {
    if (error && error.status === 401) throw error;
    return; // network trouble: the refusal is still the thing to show
  }
  if (me && me.csrf) setCsrf(me.csrf);
}

/** While the page is open: GET /api/me every 5 minutes (keeps the session alive, refreshes the CSRF token). */
export function startKeepAlive() {
  if (keepAliveTimer) return;
  keepAliveTimer = window.setInterval(() => {
    api('/api/me')
      .then((me) => { if (me && me.csrf) setCsrf(me.csrf); })
      .catch((error) => {
        if (error && error.status !== 401) console.warn('session check failed', error.reason || error);
      });
  }, KEEP_ALIVE_MS);
}

export const get = (path, options) => api(path, { ...options, method: 'GET' });
export const post = (path, body, options) => api(path, { ...options, method: 'POST', body });

/** The fields the server names when it refuses one, as the screens call them. */
const FIELD_LABELS = Object.freeze({
  district: 'منطقه', description: 'شرح درخواست', category: 'موضوع', callerNumber: 'شمارهٔ تماس‌گیرنده',
  caller: 'شمارهٔ تماس‌گیرنده', code: 'کد رهگیری', duplicateOf: 'کد رهگیری درخواست اصلی', note: 'یادداشت',
  text: 'متن', unit: 'واحد', assignee: 'مسئول', deadline: 'مهلت', 'referral.unit': 'واحد',
  'referral.deadline': 'مهلت', status: 'وضعیت', result: 'نتیجه', q: 'واژه‌های جست‌وجو', days: 'بازهٔ زمانی',
  title: 'عنوان برنامه', plannedEnd: 'پایان برنامه', username: 'نام کاربری', password: 'گذرواژه', roles: 'نقش‌ها',
  dialString: 'تلفن', recording: 'صدای ضبط‌شده', callId: 'تماس', reason: 'دلیل', presence: 'وضعیت حضور',
  number: 'شماره', flags: 'نشان‌ها', outcome: 'نتیجهٔ تماس',
  address: 'نشانی', latitude: 'عرض جغرافیایی', longitude: 'طول جغرافیایی', location: 'نشانی', name: 'نام',
  kind: 'نوع دیدار', date: 'روز و ساعت دیدار', place: 'مکان', officials: 'مسئولان حاضر', slots: 'نوبت‌ها',
  slotsPerOfficial: 'نوبت هر مسئول', minutesPerCitizen: 'دقیقهٔ هر نفر', registrationOpens: 'آغاز ثبت‌نام',
  registrationCloses: 'پایان ثبت‌نام', matter: 'موضوع', official: 'مسئول', instruction: 'دستور',
  registration: 'ثبت‌نام',
});

/** What is wrong with a field, said plainly, where a screen knows more than «… درست نیست». */
const FIELD_WORDS = Object.freeze({
  registrationCloses: 'پایان ثبت‌نام باید پس از آغاز آن و پیش از خود دیدار باشد',
  matter: 'موضوع را به گفتهٔ شهروند بنویسید',
  instruction: 'دستور را بنویسید',
  reason: 'دلیل را بنویسید',
  officials: 'دست‌کم یک مسئول حاضر را بنویسید، هر کدام در یک سطر',
  place: 'مکان دیدار را بنویسید',
  title: 'عنوان را بنویسید',
  minutesPerCitizen: 'دقیقهٔ هر نفر باید از ۱ تا ۱۲۰ باشد',
  slotsPerOfficial: 'نوبت هر مسئول باید از ۱ تا ۵۰۰ باشد',
  slots: 'نوبت هر مسئول باید از ۱ تا ۵۰۰ باشد، برای مسئولی که حاضر است',
  latitude: 'این نقطه در هیچ منطقه‌ای از شهر نیست؛ عرض و طول جابه‌جا نشده‌اند؟',
  longitude: 'عرض و طول را هر دو بنویسید',
  address: 'نشانی بیش از اندازه بلند است',
});

/** What stood in the way of a 409, by the server's code, for the codes any screen may meet. */
const CONFLICT_TEXT = Object.freeze({
  'not-open': 'این درخواست دیگر باز نیست',
  'not-now': 'وضعیت کنونی اجازهٔ این کار را نمی‌دهد',
  'on-a-call': 'شما در تماس هستید؛ پس از پایان تماس ممکن است',
  'not-on-duty': 'شما در صف پاسخ‌گویی نیستید؛ تابلوی تماس‌ها را باز کنید',
  // The mayor's line: two screens (or two nodes' screens) can click at once; one is told why not.
  'still-on-air': 'هنوز تماس‌گیرنده‌ای روی خط شهردار است',
  'none-approved': 'تماس‌گیرندهٔ تأییدشده‌ای در صف نیست',
  'no-session': 'برنامه‌ای باز نیست',
  'session-open': 'برنامهٔ دیگری هنوز باز است؛ اول آن را ببندید',
  'session-closed': 'این برنامه بسته شده است',
});

/**
 * A Persian sentence for a failed call: prefix + what went wrong, said in Persian. The server's own reason is
 * English for developers; a screen says which field, never that text.
 */
export function errorText(prefix, error) {
  if (error instanceof ApiError) {
    if (error.status === 400 && error.field && FIELD_WORDS[error.field]) return `${prefix}: ${FIELD_WORDS[error.field]}.`;
    if (error.status === 400 && error.field) {
      return `${prefix}: «${FIELD_LABELS[error.field] ?? 'یکی از خانه‌ها'}» درست نیست؛ آن را بررسی کنید.`;
    }
    if (error.status === 404) return `${prefix}: پیدا نشد؛ شاید برداشته یا بسته شده است.`;
    if (error.status === 503) return `${prefix}: سامانه اکنون نمی‌تواند چیزی را نگه دارد (دیسک یا انبارهٔ داده)؛ به سرپرست خبر دهید.`;
    if (error.status >= 500) return `${prefix}: خطای سرور؛ دوباره امتحان کنید و اگر ماند به سرپرست خبر دهید.`;
    if (error.status === 0) return `${prefix}: ارتباط با سرور برقرار نشد.`;
    if (error.status === 403) {
      // After a refused post api() has checked the session and taken a fresh token: a second try may pass.
      const retry = error.sessionChecked ? ' دوباره امتحان کنید؛ اگر باز هم نشد، اجازهٔ این کار را ندارید.' : '';
      return `${prefix}: سرور اجازهٔ این کار را نداد.${retry}`;
    }
    if (error.status === 401) return `${prefix}: باید دوباره وارد شوید.`;
    if (error.status === 409 && CONFLICT_TEXT[error.code]) return `${prefix}: ${CONFLICT_TEXT[error.code]}.`;
    // A conflict whose code this page does not know yet: the server's words are better than none.
    if (error.status === 409 && error.reason) return `${prefix}: با وضعیت کنونی ممکن نیست (${error.reason}).`;
    return `${prefix}: خطای ${error.status}.`;
  }
  return `${prefix}: ${error && error.message ? error.message : 'خطای نامعلوم'}`;
}

export function isAbort(error) {
  return Boolean(error && error.name === 'AbortError');
}

let directoryPromise = null;

/** /api/directory, fetched once. */
export function loadDirectory() {
  if (!directoryPromise) {
    directoryPromise = get('/api/directory').catch((error) => {
      directoryPromise = null;
      throw error;
    });
  }
  return directoryPromise;
}
