// fetch wrapper for the console API: CSRF header on every non-GET, JSON in and out,
// 401 (or a login page in place of JSON) → /login, server errors as ApiError {status, field, reason}.

let csrf = null;
let leaving = false;

export function setCsrf(value) {
  csrf = value && value.headerName && value.token ? value : null;
}

export function getCsrf() {
  return csrf;
}

export class ApiError extends Error {
  constructor(status, field, reason) {
    super(reason || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.field = field ?? null;
    this.reason = reason ?? '';
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
    const reason = data && typeof data.reason === 'string' ? data.reason : response.statusText;
    const field = data && typeof data.field === 'string' ? data.field : null;
    throw new ApiError(response.status, field, reason);
  }
  return data;
}

export const get = (path, options) => api(path, { ...options, method: 'GET' });
export const post = (path, body, options) => api(path, { ...options, method: 'POST', body });

/** A Persian sentence for a failed call: prefix + the server's reason. */
export function errorText(prefix, error) {
  if (error instanceof ApiError) {
    if (error.status === 0) return `${prefix}: ارتباط با سرور برقرار نشد.`;
    if (error.status === 403) return `${prefix}: دسترسی به این بخش را ندارید.`;
    if (error.status === 401) return `${prefix}: باید دوباره وارد شوید.`;
    return `${prefix}: ${error.reason || `خطای ${error.status}`}`;
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
