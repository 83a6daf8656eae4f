import type { RoundCalendarSpec } from "./round-calendar";

/** The 2024 round as the notice states it (R3, R6.1, R6.2); the seeded default. */
export const ROUND_2024_CALENDAR_SPEC: RoundCalendarSpec = {
  preparation: { from: "2024-09-01 00:00", to: "2024-09-10 24:00" },
  application: { from: "2024-09-11 00:00", to: "2024-10-20 24:00" },
  review: { from: "2024-10-21 00:00", to: "2024-11-04 24:00" },
  receiptCutoff: "2024-11-04 24:00",
  achievementCutoff: "2024-09-30",
  seniorityReferenceDate: "2024-12-31",
};
