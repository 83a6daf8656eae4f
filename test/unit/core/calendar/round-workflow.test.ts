import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  dueTransitions,
  IN_FLIGHT_GRACE_MS,
  nextBoundary,
  parseRoundCalendar,
  type RoundProgress,
  type RoundTransition,
  shanghai,
} from "../../../../functions/core/calendar";
import { ROUND_2024_CALENDAR as CALENDAR } from "../../../support/round-2024";

const FRESH: RoundProgress = {
  openedPhases: [],
  generation: 1,
  preparationResetDone: false,
  unsubmittedExpired: false,
  materialsReceived: false,
};
const ms = (at: Date, delta: number): Date => new Date(at.getTime() + delta);
const GRACE = IN_FLIGHT_GRACE_MS;

/** What the workflow records after performing a transition. */
function record(progress: RoundProgress, transition: RoundTransition): RoundProgress {
  switch (transition.kind) {
    case "open_phase":
      return { ...progress, openedPhases: [...progress.openedPhases, transition.phase] };
    case "reset":
      return { ...progress, preparationResetDone: true, generation: transition.toGeneration };
    case "expire_unsubmitted":
      return { ...progress, unsubmittedExpired: true };
    case "receive_materials":
      return { ...progress, materialsReceived: true };
  }
}

describe("dueTransitions: what the round workflow must do now (R3, DESIGN §8)", () => {
  it.each([
    ["before the system opens", FRESH, ms(CALENDAR.preparation.from, -1), []],
    [
      "9月1日0时: open the preparation",
      FRESH,
      CALENDAR.preparation.from,
      [{ kind: "open_phase", phase: "preparation" }],
    ],
    [
      "the last instant of the preparation, already open",
      { ...FRESH, openedPhases: ["preparation"] },
      ms(CALENDAR.preparation.to, -1),
      [],
    ],
    [
      "R3.3 9月10日24时: reset to the next generation, then open the application",
      { ...FRESH, openedPhases: ["preparation"] },
      CALENDAR.preparation.to,
      [
        { kind: "reset", fromGeneration: 1, toGeneration: 2 },
        { kind: "open_phase", phase: "application" },
      ],
    ],
    [
      "a second admin reset already moved the generation: the scheduled reset moves it once more",
      { ...FRESH, openedPhases: ["preparation"], generation: 3 },
      CALENDAR.preparation.to,
      [
        { kind: "reset", fromGeneration: 3, toGeneration: 4 },
        { kind: "open_phase", phase: "application" },
      ],
    ],
    [
      "reset done, application not yet opened",
      { ...FRESH, openedPhases: ["preparation"], generation: 2, preparationResetDone: true },
      shanghai("2024-09-11", "00:05"),
      [{ kind: "open_phase", phase: "application" }],
    ],
    [
      "during the application window, all done",
      { ...FRESH, openedPhases: ["preparation", "application"], generation: 2, preparationResetDone: true },
      ms(CALENDAR.application.to, -1),
      [],
    ],
    [
      "a workflow that wakes late at 10月21日 opens the review, then expires never-submitted drafts",
      { ...FRESH, openedPhases: ["preparation", "application"], generation: 2, preparationResetDone: true },
      ms(CALENDAR.application.to, GRACE),
      [{ kind: "open_phase", phase: "review" }, { kind: "expire_unsubmitted" }],
    ],
    [
      "the last instant of the review",
      {
        openedPhases: ["preparation", "application", "review"],
        generation: 2,
        preparationResetDone: true,
        unsubmittedExpired: true,
        materialsReceived: false,
      },
      ms(CALENDAR.receiptCutoff, -1),
      [],
    ],
    [
      "10月20日24时: the review opens; the drafts wait for the requests that came in time",
      { ...FRESH, openedPhases: ["preparation", "application"], generation: 2, preparationResetDone: true },
      CALENDAR.application.to,
      [{ kind: "open_phase", phase: "review" }],
    ],
    [
      "30 s after 10月20日24时: the drafts never submitted expire",
      {
        ...FRESH,
        openedPhases: ["preparation", "application", "review"],
        generation: 2,
        preparationResetDone: true,
      },
      ms(CALENDAR.application.to, GRACE),
      [{ kind: "expire_unsubmitted" }],
    ],
    [
      "11月4日24时: nothing yet, a department approval that came in time may still be written",
      {
        openedPhases: ["preparation", "application", "review"],
        generation: 2,
        preparationResetDone: true,
        unsubmittedExpired: true,
        materialsReceived: false,
      },
      ms(CALENDAR.receiptCutoff, GRACE - 1),
      [],
    ],
    [
      "30 s after 11月4日24时: the committee receives",
      {
        openedPhases: ["preparation", "application", "review"],
        generation: 2,
        preparationResetDone: true,
        unsubmittedExpired: true,
        materialsReceived: false,
      },
      ms(CALENDAR.receiptCutoff, GRACE),
      [{ kind: "receive_materials" }],
    ],
    [
      "all done after the cutoff",
      {
        openedPhases: ["preparation", "application", "review"],
        generation: 2,
        preparationResetDone: true,
        unsubmittedExpired: true,
        materialsReceived: true,
      },
      shanghai("2025-01-01", "00:00"),
      [],
    ],
    [
      "R3.1 a workflow that wakes only after the cutoff opens nothing: every deadline has passed",
      FRESH,
      ms(CALENDAR.receiptCutoff, GRACE),
      [
        { kind: "reset", fromGeneration: 1, toGeneration: 2 },
        { kind: "expire_unsubmitted" },
        { kind: "receive_materials" },
      ],
    ],
  ] as [string, RoundProgress, Date, RoundTransition[]][])("%s", (_name, progress, now, expected) => {
    expect(dueTransitions(CALENDAR, progress, now)).toEqual(expected);
  });

  it("R3.3 the reset is due at the end of the preparation even when the application opens later", () => {
    const calendar = parseRoundCalendar({
      preparation: { from: "2024-09-01 00:00", to: "2024-09-10 24:00" },
      application: { from: "2024-09-12 08:00", to: "2024-10-20 24:00" },
      review: { from: "2024-10-21 00:00", to: "2024-11-04 24:00" },
      receiptCutoff: "2024-11-04 24:00",
      achievementCutoff: "2024-09-30",
      seniorityReferenceDate: "2024-12-31",
    });
    const progress = { ...FRESH, openedPhases: ["preparation" as const] };
    expect(dueTransitions(calendar, progress, shanghai("2024-09-12", "07:59"))).toEqual([
      { kind: "reset", fromGeneration: 1, toGeneration: 2 },
    ]);
    expect(dueTransitions(calendar, progress, shanghai("2024-09-12", "08:00"))).toEqual([
      { kind: "reset", fromGeneration: 1, toGeneration: 2 },
      { kind: "open_phase", phase: "application" },
    ]);
  });

  it("is idempotent: after recording what was due, nothing is due at the same instant; each step happens once", () => {
    const instants = fc.array(
      fc.integer({
        min: CALENDAR.preparation.from.getTime() - 86_400_000,
        max: CALENDAR.receiptCutoff.getTime() + 86_400_000,
      }),
      { minLength: 1, maxLength: 12 },
    );
    fc.assert(
      fc.property(instants, (times) => {
        let progress = FRESH;
        const performed: RoundTransition[] = [];
        for (const time of [...times].sort((a, b) => a - b)) {
          const now = new Date(time);
          for (const transition of dueTransitions(CALENDAR, progress, now)) {
            if (transition.kind === "open_phase") {
              // Never outside the phase's own interval, and the application only after the reset.
              expect(CALENDAR[transition.phase].from <= now && now < CALENDAR[transition.phase].to).toBe(
                true,
              );
              if (transition.phase === "application") expect(progress.preparationResetDone).toBe(true);
            }
            progress = record(progress, transition);
            performed.push(transition);
          }
          expect(dueTransitions(CALENDAR, progress, now)).toEqual([]);
        }
        const kinds = performed.map((transition) =>
          transition.kind === "open_phase" ? transition.phase : transition.kind,
        );
        expect(new Set(kinds).size).toBe(kinds.length);
        expect(progress.generation).toBe(kinds.includes("reset") ? 2 : 1);
      }),
    );
  });
});

describe("nextBoundary: when the workflow should wake up", () => {
  it.each([
    ["long before", shanghai("2024-01-01", "00:00"), CALENDAR.preparation.from],
    ["the instant before the system opens", ms(CALENDAR.preparation.from, -1), CALENDAR.preparation.from],
    ["at the opening", CALENDAR.preparation.from, CALENDAR.preparation.to],
    ["at the reset (= application start)", CALENDAR.preparation.to, CALENDAR.application.to],
    [
      "at the end of the applications (= review start): the drafts' sweep",
      CALENDAR.application.to,
      ms(CALENDAR.application.to, GRACE),
    ],
    ["after the drafts' sweep", ms(CALENDAR.application.to, GRACE), CALENDAR.review.to],
    ["the last instant of the review", ms(CALENDAR.review.to, -1), CALENDAR.receiptCutoff],
    ["at the receipt cutoff: its sweep", CALENDAR.receiptCutoff, ms(CALENDAR.receiptCutoff, GRACE)],
    ["after the receipt sweep", ms(CALENDAR.receiptCutoff, GRACE), undefined],
  ] as [string, Date, Date | undefined][])("%s", (_name, now, expected) => {
    expect(nextBoundary(CALENDAR, now)).toEqual(expected);
  });

  it("is the first instant after now at which the due transitions can change", () => {
    // Gaps between the phases, so that every boundary is its own instant.
    const calendar = parseRoundCalendar({
      preparation: { from: "2024-09-01 00:00", to: "2024-09-10 24:00" },
      application: { from: "2024-09-12 08:00", to: "2024-10-20 24:00" },
      review: { from: "2024-10-22 00:00", to: "2024-11-04 18:00" },
      receiptCutoff: "2024-11-05 24:00",
      achievementCutoff: "2024-09-30",
      seniorityReferenceDate: "2024-12-31",
    });
    const boundaries = [
      calendar.preparation.from,
      calendar.preparation.to,
      calendar.application.from,
      calendar.application.to,
      calendar.review.from,
      calendar.review.to,
      calendar.receiptCutoff,
      ms(calendar.application.to, GRACE),
      ms(calendar.receiptCutoff, GRACE),
    ]
      .map((at) => at.getTime())
      .sort((a, b) => a - b);
    expect(new Set(boundaries).size).toBe(9);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({
            min: calendar.preparation.from.getTime() - 86_400_000,
            max: (boundaries.at(-1) ?? 0) - 1,
          }),
          fc.constantFrom(...boundaries.slice(0, -1)),
        ),
        (time) => {
          const next = nextBoundary(calendar, new Date(time));
          expect(next?.getTime()).toBe(Math.min(...boundaries.filter((at) => at > time)));
        },
      ),
    );
  });
});
