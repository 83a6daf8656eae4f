import * as z from "zod/mini";

/**
 * A calendar date with no time and no zone, `YYYY-MM-DD`: birth dates, appointment months, the
 * achievement cutoff (R6.1) and the seniority reference date (R6.2) are dates, not instants.
 */
export type PlainDate = string;

const DAY_MS = 86_400_000;
const PLAIN_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Days since 1970-01-01, or undefined when the text is not a real date (2024-02-30 is refused). */
function epochDay(text: string): number | undefined {
  if (!PLAIN_DATE.test(text)) return undefined;
  const ms = Date.UTC(Number(text.slice(0, 4)), Number(text.slice(5, 7)) - 1, Number(text.slice(8, 10)));
  // Date.UTC rolls 02-30 over into March (and years 0–99 into the 1900s): a real date survives the round trip.
  return fromEpochDay(ms / DAY_MS) === text ? ms / DAY_MS : undefined;
}

export function isPlainDate(text: string): boolean {
  return epochDay(text) !== undefined;
}

export const plainDateSchema = z
  .string()
  .check(z.refine(isPlainDate, { message: "日期格式应为 YYYY-MM-DD，且须为真实存在的日期" }))
  .check(z.meta({ format: "date" }));

function requireEpochDay(date: PlainDate): number {
  const day = epochDay(date);
  if (day === undefined) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return day;
}

function fromEpochDay(day: number): PlainDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: PlainDate, days: number): PlainDate {
  return fromEpochDay(requireEpochDay(date) + days);
}
