/**
 * Partial ISO dates ("2015", "2015-08", "2015-08-12") read as spans of days; see src/geo/time.ts
 * for how every module here reads them. Pure; reads no clock unless asked (`todayIso`).
 */
// ---------------------------------------------------------------------------------------------
// Partial dates

export interface DateParts {
  year: number;
  /** 1–12; absent for a year. */
  month?: number;
  /** 1–31; absent for a year or a month. */
  day?: number;
}

/** First and last day of a span, both "YYYY-MM-DD" and inclusive. */
export interface DaySpan {
  first: string;
  last: string;
}

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Days in a month (1–12) of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month !== 2) return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return leap ? 29 : 28;
}

/**
 * "2015", "2015-08" or "2015-08-12" into its parts; null for anything else, including days a
 * month does not have ("2023-02-29", "2024-04-31").
 */
export function parseDate(iso: unknown): DateParts | null {
  if (typeof iso !== 'string') return null;
  const match = DATE.exec(iso);
  if (!match) return null;
  const year = Number(match[1]);
  if (match[2] === undefined) return { year };
  const month = Number(match[2]);
  if (month < 1 || month > 12) return null;
  if (match[3] === undefined) return { year, month };
  const day = Number(match[3]);
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isValidDate(iso: unknown): iso is string {
  return parseDate(iso) !== null;
}

function parts(iso: string): DateParts {
  const p = parseDate(iso);
  if (!p) {
    throw new RangeError(
      `expected an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD), found ${JSON.stringify(iso)}`,
    );
  }
  return p;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const ymd = (year: number, month: number, day: number) =>
  `${pad(year, 4)}-${pad(month)}-${pad(day)}`;

/** The span's first day: "2015" → "2015-01-01", "2024-02" → "2024-02-01". Throws RangeError. */
export function firstDay(iso: string): string {
  const { year, month = 1, day = 1 } = parts(iso);
  return ymd(year, month, day);
}

/** The span's last day: "2015" → "2015-12-31", "2024-02" → "2024-02-29". Throws RangeError. */
export function lastDay(iso: string): string {
  const { year, month, day } = parts(iso);
  if (month === undefined) return ymd(year, 12, 31);
  return ymd(year, month, day ?? daysInMonth(year, month));
}

/** The days a date names, or from `start` to `end` when an end is given. Throws RangeError. */
export function dateSpan(start: string, end?: string): DaySpan {
  return { first: firstDay(start), last: lastDay(end ?? start) };
}

export function yearOf(iso: string): number {
  return parts(iso).year;
}

/** The span of a whole year. */
export function yearSpan(year: number): DaySpan {
  return { first: ymd(year, 1, 1), last: ymd(year, 12, 31) };
}

/** True when the two spans share at least one day. */
export function spansOverlap(a: DaySpan, b: DaySpan): boolean {
  return a.first <= b.last && b.first <= a.last;
}

/**
 * Orders dates by their first day; a more precise date before a coarser one that starts on the
 * same day ("2011-01-01" before "2011-01" before "2011"). Throws RangeError on an invalid date.
 */
export function compareDates(a: string, b: string): number {
  const [fa, fb] = [firstDay(a), firstDay(b)];
  if (fa !== fb) return fa < fb ? -1 : 1;
  const [la, lb] = [lastDay(a), lastDay(b)];
  return la < lb ? -1 : la > lb ? 1 : 0;
}

/** "YYYY-MM-DD" for a day, by the local calendar. */
export function todayIso(now: Date = new Date()): string {
  return ymd(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** The day after a "YYYY-MM-DD" day. */
export function nextDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  const next = new Date(Date.UTC(y, m - 1, d + 1));
  return ymd(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate());
}
