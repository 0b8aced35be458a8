// #/people — the supervisor manages who may use the console: add, change roles, phone or password, remove;
// and reads every change made, with who made it. People set in configuration are shown, not changed here.

import { el, clear, heading, message, field, latin, datalist } from './dom.js';
import { api, get, isAbort, errorText } from './api.js';
import { isSupervisor, myUsername, session } from './state.js';
import { formatDateTime, toLatinDigits } from './persian.js';

const ROLES = [
  ['AGENT', 'اپراتور'],
  ['MODERATOR', 'گرداننده'],
  ['MAYOR', 'شهردار'],
  ['SUPERVISOR', 'سرپرست'],
  ['UNIT', 'واحد (تنها)'],
];

const FIELD_WORDS = {
  username: 'نام کاربری باید ۲ تا ۳۲ نویسه باشد: حرف کوچک لاتین، رقم، نقطه، خط تیره یا زیرخط، و با حرف آغاز شود.',
  password: 'گذرواژه باید دست‌کم ۱۰ نویسه باشد (و بیش از ۷۲ بایت نباشد).',
  roles: 'دست‌کم یک نقش را برگزینید.',
  dialString: 'تلفن را مانند PJSIP/101 بنویسید: فناوری، خط مورب و شماره، بی فاصله و ویرگول.',
  unit: 'برای نقش «واحد»، نام واحد را همان‌گونه که درخواست‌ها به آن ارجاع می‌شوند بنویسید (و برای نقش‌های دیگر خالی بگذارید).',
};

const CONFLICT_WORDS = {
  taken: 'این نام کاربری پیش‌تر گرفته شده است.',
  configured: 'این فرد در تنظیمات سامانه (hotline.users) تعریف شده و تنها همان‌جا تغییر می‌کند.',
  self: 'نمی‌توانید خودتان را بردارید یا نقش سرپرستی خودتان را بگیرید.',
  'not-kept': 'در این نصب افراد تنها در تنظیمات تعریف می‌شوند.',
};

const roleName = (code) => (ROLES.find(([value]) => value === code) ?? [code, code])[1];

/** The Persian sentence for a refused change, from the field or conflict code the server named. */
function refusal(error) {
  if (error?.status === 400 && FIELD_WORDS[error.field]) return FIELD_WORDS[error.field];
  if (error?.status === 409 && CONFLICT_WORDS[error.code]) return CONFLICT_WORDS[error.code];
  if (error?.status === 404) return 'این فرد دیگر در فهرست نیست.';
  return errorText('تغییر انجام نشد', error);
}

function roleBoxes(prefix, checked) {
  return el('fieldset', { class: 'role-boxes', id: `${prefix}-roles` },
    el('legend', {}, 'نقش‌ها'),
    ROLES.map(([value, text]) => el('label', { class: 'checkbox' },
      el('input', { type: 'checkbox', name: 'roles', value, checked: checked.includes(value) }), ` ${text}`)));
}

/** A unit's name, offered from the units requests are referred to. */
function unitField(value) {
  const listId = datalist('unit-names', session.directory.units);
  return field('واحد (فقط برای نقش واحد)', el('input', { type: 'text', value, list: listId, maxLength: 100, autocomplete: 'off' }),
    'نام واحد همان‌گونه که درخواست‌ها به آن ارجاع می‌شوند.');
}

const checkedRoles = (box) => [...box.querySelectorAll('input[name=roles]:checked')].map((input) => input.value);

export function renderPeople(container, { signal }) {
  if (!isSupervisor()) {
    clear(container).append(heading(1, 'کارکنان', { id: 'page-title' }), message('این بخش فقط برای سرپرست است.', 'error'));
    return undefined;
  }
  const list = el('div', { id: 'people-list', 'aria-busy': 'true' });
  const changes = el('div', { id: 'people-changes' });
  const notice = el('div', { id: 'people-notice', 'aria-live': 'polite' });

  const say = (text, kind) => clear(notice).append(message(text, kind));

  async function reload() {
    try {
      const [people, recent] = await Promise.all([get('/api/users', { signal }), get('/api/users/changes', { signal })]);
      if (signal.aborted) return;
      list.removeAttribute('aria-busy');
      clear(list).append(peopleTable(people));
      clear(changes).append(changeList(recent));
    } catch (error) {
      if (!isAbort(error)) say(refusal(error), 'error');
    }
  }

  async function send(method, path, body, done) {
    try {
      await api(path, { method, body, signal });
      say(done, 'success');
      await reload();
      return true;
    } catch (error) {
      if (!isAbort(error)) say(refusal(error), 'error');
      return false;
    }
  }

  function peopleTable(people) {
    return el('table', { class: 'data-table people-table' },
      el('caption', { class: 'visually-hidden' }, 'کسانی که می‌توانند وارد شوند'),
      el('thead', {}, el('tr', {}, ['نام کاربری', 'نقش‌ها', 'تلفن', ''].map((c) => el('th', { scope: 'col' }, c)))),
      el('tbody', {}, people.map((person) => personRow(person))));
  }

  function personRow(person) {
    const actions = el('td', { class: 'people-actions' });
    if (person.configured) {
      actions.append(el('span', { class: 'muted' }, 'در تنظیمات سامانه'));
    } else {
      const edit = el('button', { type: 'button', class: 'button button-quiet', dataset: { action: 'edit' } }, 'ویرایش');
      const remove = el('button', { type: 'button', class: 'button button-danger', dataset: { action: 'remove' } }, 'برداشتن');
      edit.addEventListener('click', () => {
        const row = edit.closest('tr');
        const open = row.nextElementSibling?.classList.contains('people-edit-row');
        if (open) row.nextElementSibling.remove();
        else row.after(editRow(person));
      });
      remove.addEventListener('click', () => {
        if (window.confirm(`${person.username} برداشته شود؟ دیگر نمی‌تواند وارد شود.`)) {
          send('DELETE', `/api/users/${encodeURIComponent(person.username)}`, undefined, `${person.username} برداشته شد.`);
        }
      });
      actions.append(edit, ' ', remove);
    }
    return el('tr', { dataset: { username: person.username } },
      el('td', {}, latin(person.username)),
      el('td', {}, (person.roles ?? []).map(roleName).join('، ')),
      el('td', {}, person.unit ? el('bdi', {}, person.unit) : latin(person.dialString)),
      actions);
  }

  function editRow(person) {
    const roles = roleBoxes(`edit-${person.username}`, person.roles ?? []);
    const phone = field('تلفن', el('input', { type: 'text', dir: 'ltr', value: person.dialString ?? '', autocomplete: 'off' }),
      'خالی بگذارید تا تلفن برداشته شود.');
    const password = field('گذرواژهٔ تازه', el('input', { type: 'password', dir: 'ltr', autocomplete: 'new-password' }),
      'خالی بگذارید تا همان بماند. با تغییر گذرواژه یا نقش، ورود فعلی او پایان می‌یابد.');
    const unit = unitField(person.unit ?? '');
    const form = el('form', { class: 'people-edit' }, roles, phone.wrapper, unit.wrapper, password.wrapper,
      el('button', { type: 'submit', class: 'button' }, 'ذخیره'));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const body = { roles: checkedRoles(roles), dialString: toLatinDigits(phone.control.value.trim()),
        unit: unit.control.value.trim() };
      if (password.control.value) body.password = password.control.value;
      send('PUT', `/api/users/${encodeURIComponent(person.username)}`, body, `تغییرهای ${person.username} ذخیره شد.`);
    });
    return el('tr', { class: 'people-edit-row' }, el('td', { colSpan: 4 }, form));
  }

  function addForm() {
    const username = field('نام کاربری', el('input', { type: 'text', id: 'new-username', dir: 'ltr', required: true,
      autocomplete: 'off', maxLength: 32 }));
    const password = field('گذرواژه', el('input', { type: 'password', id: 'new-password', dir: 'ltr', required: true,
      autocomplete: 'new-password' }), 'دست‌کم ۱۰ نویسه؛ آن را به خود فرد بدهید.');
    const phone = field('تلفن (برای گرفتن تماس)', el('input', { type: 'text', id: 'new-dial-string', dir: 'ltr',
      placeholder: 'PJSIP/101', autocomplete: 'off' }));
    const roles = roleBoxes('new', ['AGENT']);
    const unit = unitField('');
    const form = el('form', { id: 'add-person', class: 'panel people-add' },
      heading(2, 'افزودن'), username.wrapper, password.wrapper, roles, phone.wrapper, unit.wrapper,
      el('button', { type: 'submit', class: 'button', id: 'add-person-submit' }, 'افزودن'));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const body = {
        username: username.control.value.trim(),
        password: password.control.value,
        roles: checkedRoles(roles),
        dialString: toLatinDigits(phone.control.value.trim()) || null,
        unit: unit.control.value.trim() || null,
      };
      if (await send('POST', '/api/users', body, `${body.username} افزوده شد و می‌تواند وارد شود.`)) form.reset();
    });
    return form;
  }

  function changeList(recent) {
    if (!recent.length) return el('p', { class: 'muted' }, 'هنوز تغییری ثبت نشده است.');
    return el('ol', { class: 'history', id: 'people-change-list' }, recent.map((change) => el('li', { class: 'history-entry' },
      el('time', { datetime: change.at ?? '' }, formatDateTime(change.at)),
      el('span', { class: 'history-actor' }, latin(change.by)),
      el('span', { class: 'history-what' }, latin(change.username), ': ', change.what))));
  }

  clear(container).append(
    heading(1, 'کارکنان', { id: 'page-title' }),
    el('p', { class: 'muted' }, `شما با نام ${myUsername()} وارد شده‌اید.`),
    notice,
    list,
    addForm(),
    el('section', { class: 'panel', 'aria-labelledby': 'people-changes-title' },
      el('h2', { id: 'people-changes-title' }, 'تغییرها'), changes));
  reload();
  return undefined;
}
