import { isPlainDate, type PlainDate } from "../calendar/plain-date";

/** A calendar month, `YYYY-MM`: appointments and titles count from a month (R6.2). */
export type PlainMonth = string;

const PLAIN_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isPlainMonth(text: string): boolean {
  return PLAIN_MONTH.test(text);
}

function monthNumber(month: PlainMonth): number {
  const match = PLAIN_MONTH.exec(month);
  if (!match) throw new RangeError(`not a YYYY-MM month: ${month}`);
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}

export function monthOf(date: PlainDate): PlainMonth {
  return date.slice(0, 7);
}

export function addMonths(month: PlainMonth, months: number): PlainMonth {
  const total = monthNumber(month) + months;
  const year = Math.floor(total / 12);
  return `${year}-${String(total - year * 12 + 1).padStart(2, "0")}`;
}

/**
 * Whole months served from the first day of `from` to the end of `through`, both months included:
 * a title obtained in 2020-01 has served 60 months by 2024-12-31 (R6.2 counts from that month).
 */
export function monthsServed(from: PlainMonth, through: PlainMonth): number {
  return Math.max(0, monthNumber(through) - monthNumber(from) + 1);
}

/** The same day `years` later; 29 February of a leap year moves to 1 March, so no period comes up short. */
export function addYears(date: PlainDate, years: number): PlainDate {
  const year = Number(date.slice(0, 4)) + years;
  const shifted = `${year}${date.slice(4)}`;
  return isPlainDate(shifted) ? shifted : `${year}-03-01`;
}
