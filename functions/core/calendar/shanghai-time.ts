import * as z from "zod/mini";
import { addDays, isPlainDate, type PlainDate } from "./plain-date";

/**
 * Deadlines are instants (UTC `Date`s) but the notice states them as Beijing wall time. Beijing time
 * is UTC+8 all year (no daylight saving since 1991), so a wall time maps to exactly one instant.
 */

const CLOCK_TIME = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;

/**
 * The instant of a Beijing wall time. "24:00" is the notice's "D日24时": the exclusive end of day D,
 * i.e. D+1 00:00 (R3.1).
 */
export function shanghai(date: PlainDate, time: string): Date {
  if (!isPlainDate(date)) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  if (!CLOCK_TIME.test(time)) throw new RangeError(`not an HH:mm time (00:00–24:00): ${time}`);
  if (time === "24:00") return shanghai(addDays(date, 1), "00:00");
  return new Date(`${date}T${time}:00.000+08:00`);
}

// hourCycle h23: with `hour12: false` alone ICU may print midnight as "24:00" (R3.1).
const BEIJING_TIME = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
});

/** `2024-10-21 00:00`: the Beijing wall time of an instant, as shown to people (never "24:00"). */
export function formatShanghai(instant: Date): string {
  return BEIJING_TIME.format(instant).replaceAll("/", "-");
}

/** The Beijing calendar date an instant falls on. */
export function shanghaiDateOf(instant: Date): PlainDate {
  return formatShanghai(instant).slice(0, 10);
}

const WALL_TIME = /^\d{4}-\d{2}-\d{2} (?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;

/** ISO 8601 with an explicit offset, to the minute (seconds, if written, must be :00). */
const ISO_INSTANT =
  /^(\d{4}-\d{2}-\d{2})T(?:[01]\d|2[0-3]):[0-5]\d(?::00(?:\.0{1,3})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

/**
 * A calendar boundary as an office writes it: Beijing wall time `"2025-10-20 24:00"` as the notice
 * words it ("D日24时" is the exclusive D+1 00:00), or ISO 8601 with an offset for machines. Undefined
 * for anything else, including dates that do not exist (JavaScript would roll 02-30 into March).
 */
export function parseBoundary(text: string): Date | undefined {
  if (WALL_TIME.test(text)) {
    return isPlainDate(text.slice(0, 10)) ? shanghai(text.slice(0, 10), text.slice(11)) : undefined;
  }
  const iso = ISO_INSTANT.exec(text);
  if (!iso?.[1] || !isPlainDate(iso[1])) return undefined;
  return new Date(text);
}

/**
 * The stored form of a boundary: Beijing wall time, as the notice and the office read it. A wall time
 * is kept as written (its "24:00" included); an ISO instant becomes the wall time it falls on.
 */
export function canonicalBoundary(text: string): string {
  if (WALL_TIME.test(text)) return text;
  const instant = parseBoundary(text);
  if (!instant) throw new RangeError(`not a calendar boundary: ${text}`);
  return formatShanghai(instant);
}

export const BOUNDARY_FORMAT_MESSAGE =
  "时间应写作“YYYY-MM-DD HH:mm”（北京时间，24:00 表示当日结束），或带时区偏移、精确到分钟的 ISO 8601 时间（如 2025-10-21T00:00+08:00）";

/**
 * A boundary kept as text (validated): the form in which calendars are received and stored. The
 * contract names it `BeijingTimeOrInstant`, with one pattern for both forms.
 */
export const boundaryTextSchema = z
  .string()
  .check(z.maxLength(40))
  .check(z.refine((text) => parseBoundary(text) !== undefined, BOUNDARY_FORMAT_MESSAGE))
  .register(z.globalRegistry, {
    id: "BeijingTimeOrInstant",
    pattern: `${WALL_TIME.source}|${ISO_INSTANT.source}`,
    minLength: 16,
    maxLength: 40,
    description:
      "Beijing wall time as the notice writes it, `YYYY-MM-DD HH:mm` (北京时间; `24:00` is the end of that " +
      "day, R3.1), or ISO 8601 with an offset to the minute, e.g. `2025-10-21T00:00+08:00`.",
  });

/**
 * `"2024-10-20 24:00"` → the instant. Round calendars are written this way so that an admin can copy
 * them from the notice (a 2025 round is data, R3.4); ISO instants with an offset are read too.
 */
export const wallTimeSchema = z.pipe(
  boundaryTextSchema,
  z.transform((text) => parseBoundary(text) as Date),
);
