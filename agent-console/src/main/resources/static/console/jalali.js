// Dates typed in the Jalali calendar (۱۴۰۵/۰۹/۲۱, Persian or Latin digits), turned into the ISO days the server
// takes. The browser's own Persian calendar (Intl, the same one every date on the page is shown with) decides what
// a Jalali day is, so a date typed and the same date shown can never disagree.

import { el } from './dom.js';
import { formatLongDay, toLatinDigits, toPersianDigits } from './persian.js';

const DAY = 86_400_000;
const PERSIAN = new Intl.DateTimeFormat('en-u-ca-persian-nu-latn', {
  timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric',
});

/** The Jalali year, month and day of a UTC instant (ms). */
function jalaliParts(ms) {
  const parts = {};
  for (const part of PERSIAN.formatToParts(new Date(ms))) parts[part.type] = part.value;
  return { y: parseInt(parts.year, 10), m: parseInt(parts.month, 10), d: parseInt(parts.day, 10) };
}

const pad = (n) => String(n).padStart(2, '0');

/** 1405, 9, 21 → '2026-12-12'; null when there is no such Jalali day (e.g. 30 Esfand of a common year). */
export function isoOfJalali(y, m, d) {
  if (!(y >= 1300 && y <= 1500 && m >= 1 && m <= 12 && d >= 1 && d <= 31)) return null;
  // 1 Farvardin falls between 19 and 22 March; every month after it has a fixed length but the last.
  let newYear = Date.UTC(y + 621, 2, 19, 12);
  while (jalaliParts(newYear).y !== y || jalaliParts(newYear).m !== 1) {
    newYear += DAY;
    if (newYear > Date.UTC(y + 621, 2, 23, 12)) return null;
  }
  const at = newYear + ((m <= 6 ? (m - 1) * 31 : 186 + (m - 7) * 30) + d - 1) * DAY;
  const found = jalaliParts(at);
  if (found.y !== y || found.m !== m || found.d !== d) return null;
  const day = new Date(at);
  return `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`;
}

/** '2026-12-12' → '۱۴۰۵/۰۹/۲۱'. */
export function jalaliOfIso(iso) {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  if (!day) return '';
  const { y, m, d } = jalaliParts(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]), 12));
  return toPersianDigits(`${y}/${pad(m)}/${pad(d)}`);
}

/** '۱۴۰۵/۹/۲۱', '1405-09-21' → '2026-12-12'; '' for nothing typed; null for what is not a Jalali date. */
export function parseJalali(text) {
  const typed = toLatinDigits(String(text ?? '')).trim();
  if (!typed) return '';
  const parts = /^(\d{4})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{1,2})$/.exec(typed);
  return parts ? isoOfJalali(Number(parts[1]), Number(parts[2]), Number(parts[3])) : null;
}

/**
 * A date field in the Jalali calendar. Returns the text input, with isoValue(): the ISO day typed, '' when
 * empty, null when what is typed is not a date (or is before {@code min}, an ISO day). Below it, the day is said
 * in full («جمعه ۲۱ آذر ۱۴۰۵») as it is typed, or what is wrong with it.
 */
export function jalaliDateInput({ name, id, min, value }) {
  const input = el('input', {
    type: 'text', name, id, inputmode: 'numeric', autocomplete: 'off', dir: 'ltr', class: 'jalali-date',
    placeholder: '۱۴۰۵/۰۹/۲۱', value: value ? jalaliOfIso(value) : '',
  });
  const said = el('output', { class: 'hint jalali-preview', 'aria-live': 'polite', for: id ?? null });
  input.isoValue = () => {
    const iso = parseJalali(input.value);
    return iso && min && iso < min ? null : iso;
  };
  const show = () => {
    const iso = parseJalali(input.value);
    const wrong = iso === null || (iso && min && iso < min);
    input.setAttribute('aria-invalid', wrong ? 'true' : 'false');
    if (iso === '') said.textContent = '';
    else if (iso === null) said.textContent = 'تاریخ را به شکل سال/ماه/روز شمسی بنویسید، مانند ۱۴۰۵/۰۹/۲۱.';
    else if (wrong) said.textContent = `${formatLongDay(iso)} گذشته است.`;
    else said.textContent = formatLongDay(iso);
  };
  input.addEventListener('input', show);
  input.addEventListener('blur', () => {
    const iso = input.isoValue();
    if (iso) input.value = jalaliOfIso(iso);
    show();
  });
  input.preview = said;
  show();
  return input;
}
