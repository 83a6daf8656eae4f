import {
  parseRoundCalendar,
  ROUND_2024_CALENDAR_SPEC,
  type RoundCalendar,
} from "../../functions/core/calendar";

/** The seeded 2024 calendar as instants, for tests (functions parse a round's calendar when they need it). */
export const ROUND_2024_CALENDAR: RoundCalendar = parseRoundCalendar(ROUND_2024_CALENDAR_SPEC);
