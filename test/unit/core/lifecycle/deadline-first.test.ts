import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatShanghai, PHASES, type Phase, type RoundCalendar } from "../../../../functions/core/calendar";
import { DomainError } from "../../../../functions/core/errors";
import {
  type Action,
  type Actor,
  APPLICATION_STATES,
  type ApplicationSnapshot,
  type ApplicationState,
  applyAction,
  assertEditable,
  type LifecycleContext,
  TRANSITIONS,
} from "../../../../functions/core/lifecycle";
import { ROUND_2024_CALENDAR } from "../../../support/round-2024";

/**
 * DESIGN §5: "A request that arrives after a deadline is answered with the deadline's rule, whatever a
 * background sweep has already done to the record." The deadlines as the notice sets them (R3, R7.3,
 * R7.9), written out here independently of the implementation's table.
 */
const DEADLINES: Record<string, (calendar: RoundCalendar, application: ApplicationSnapshot) => Date> = {
  submit: (calendar) => calendar.application.to,
  resubmit: (calendar) => calendar.review.to,
  withdraw: (calendar, application) =>
    application.submissions === 0 ? calendar.application.to : calendar.receiptCutoff,
  return_by_unit: (calendar) => calendar.review.to,
  open_publicity: (calendar) => calendar.review.to,
  recommend: (calendar) => calendar.review.to,
  cancel_by_unit: (calendar) => calendar.review.to,
  return_by_department: (calendar) => calendar.review.to,
  approve_by_department: (calendar) => calendar.review.to,
};
const LIMITED = Object.keys(DEADLINES) as Action[];
const editDeadline = (calendar: RoundCalendar, application: ApplicationSnapshot) =>
  application.submissions === 0 ? calendar.application.to : calendar.review.to;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Calendars of any round (R3.4): phases of any length, with or without gaps, the cutoff at or after the review. */
const calendars: fc.Arbitrary<RoundCalendar> = fc
  .record({
    start: fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2030, 0, 1) }),
    preparation: fc.integer({ min: HOUR, max: 20 * DAY }),
    beforeApplication: fc.integer({ min: 0, max: 2 * DAY }),
    application: fc.integer({ min: HOUR, max: 60 * DAY }),
    beforeReview: fc.integer({ min: 0, max: 2 * DAY }),
    review: fc.integer({ min: HOUR, max: 30 * DAY }),
    beforeCutoff: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3 * DAY })),
  })
  .map((lengths) => {
    const at = (ms: number) => new Date(ms);
    const preparationTo = lengths.start + lengths.preparation;
    const applicationFrom = preparationTo + lengths.beforeApplication;
    const applicationTo = applicationFrom + lengths.application;
    const reviewFrom = applicationTo + lengths.beforeReview;
    const reviewTo = reviewFrom + lengths.review;
    return {
      ...ROUND_2024_CALENDAR,
      preparation: { from: at(lengths.start), to: at(preparationTo) },
      application: { from: at(applicationFrom), to: at(applicationTo) },
      review: { from: at(reviewFrom), to: at(reviewTo) },
      receiptCutoff: at(reviewTo + lengths.beforeCutoff),
    };
  });

/** At the instant itself, a millisecond later, or any time in the following year. */
const lateBy = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 1, max: 1000 }),
  fc.integer({ min: 0, max: 365 * DAY }),
);

const openedPhases = fc.subarray([...PHASES] as Phase[]);

/** Whatever the record looks like: any state, a draft never submitted, anything else submitted at least once. */
const records = fc
  .record({
    state: fc.constantFrom(...APPLICATION_STATES),
    submissions: fc.integer({ min: 1, max: 4 }),
    neverSubmittedExpiry: fc.boolean(),
    departmentReturns: fc.integer({ min: 0, max: 3 }),
    publicised: fc.boolean(),
  })
  .map(
    ({ state, submissions, neverSubmittedExpiry, departmentReturns, publicised }): ApplicationSnapshot => ({
      state,
      applicantId: "applicant-1",
      senior: true,
      exceptionalPromotion: false,
      grassrootsScope: false,
      departmentReturns,
      // A draft was never submitted; an expired one may have been a draft the sweep expired.
      submissions: state === "draft" || (state === "expired" && neverSubmittedExpiry) ? 0 : submissions,
      ...(publicised
        ? { unitPublicity: { openedBy: "handler-1", startedAt: new Date(Date.UTC(2024, 0, 1)) } }
        : {}),
    }),
  );

/** Someone the lifecycle lets take the action somewhere: the applicant themself, or a staff member. */
function actorFor(action: Action): Actor {
  const role = TRANSITIONS.find((transition) => transition.action === action)?.roles[0];
  if (!role) throw new Error(`no row for ${action}`);
  return { id: role === "applicant" ? "applicant-1" : `${role}-1`, role };
}

function contextAt(calendar: RoundCalendar, now: Date, opened: readonly Phase[]): LifecycleContext {
  return {
    now,
    calendar,
    openedPhases: opened,
    unitAccountsComplete: true,
    unresolvedObjections: 0,
    reason: "材料不全，请补充",
  };
}

function answerOf(
  run: () => unknown,
): { kind: string; code: string; rule?: string; message: string } | "done" {
  try {
    run();
    return "done";
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return {
      kind: error.kind,
      code: error.code,
      ...(error.details.rule ? { rule: error.details.rule } : {}),
      message: error.message,
    };
  }
}

describe("R3 the deadline answers first (DESIGN §4, §5)", () => {
  it("at any instant from an action's deadline on, whatever the state, the answer is DEADLINE_PASSED naming R3 and the time", () => {
    fc.assert(
      fc.property(
        calendars,
        fc.constantFrom(...LIMITED),
        records,
        lateBy,
        openedPhases,
        (calendar, action, application, late, opened) => {
          const deadline = DEADLINES[action]?.(calendar, application) as Date;
          const now = new Date(deadline.getTime() + late);
          const answer = answerOf(() =>
            applyAction(application, action, actorFor(action), contextAt(calendar, now, opened)),
          );
          expect(answer).toMatchObject({ kind: "rule_violation", code: "DEADLINE_PASSED", rule: "R3" });
          expect(answer !== "done" && answer.message).toContain(formatShanghai(deadline));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("before the deadline the deadline never answers: the window, the version and the state decide", () => {
    fc.assert(
      fc.property(
        calendars,
        fc.constantFrom(...LIMITED),
        records,
        fc.integer({ min: 1, max: 90 * DAY }),
        openedPhases,
        (calendar, action, application, early, opened) => {
          const deadline = DEADLINES[action]?.(calendar, application) as Date;
          const now = new Date(deadline.getTime() - early);
          const answer = answerOf(() =>
            applyAction(application, action, actorFor(action), contextAt(calendar, now, opened)),
          );
          expect(answer === "done" || answer.code !== "DEADLINE_PASSED").toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("edits of the form and the evidence: from the applicant's deadline on, whatever the state, DEADLINE_PASSED", () => {
    fc.assert(
      fc.property(calendars, records, lateBy, openedPhases, (calendar, application, late, opened) => {
        const deadline = editDeadline(calendar, application);
        const now = new Date(deadline.getTime() + late);
        const answer = answerOf(() =>
          assertEditable(application, actorFor("submit"), contextAt(calendar, now, opened)),
        );
        expect(answer).toMatchObject({ kind: "rule_violation", code: "DEADLINE_PASSED", rule: "R3" });
        expect(answer !== "done" && answer.message).toContain(formatShanghai(deadline));
      }),
      { numRuns: 2000 },
    );
  });

  it("someone else's application stays a 404 after the deadline too (DESIGN §3)", () => {
    fc.assert(
      fc.property(calendars, records, lateBy, (calendar, application, late) => {
        const stranger: Actor = { id: "applicant-2", role: "applicant" };
        const now = new Date(calendar.receiptCutoff.getTime() + late);
        for (const action of ["submit", "resubmit", "withdraw"] as const) {
          expect(
            answerOf(() => applyAction(application, action, stranger, contextAt(calendar, now, PHASES))),
          ).toMatchObject({ kind: "not_found" });
        }
        expect(
          answerOf(() => assertEditable(application, stranger, contextAt(calendar, now, PHASES))),
        ).toMatchObject({ kind: "not_found" });
      }),
    );
  });
});

/** The workflow's sweeps (DESIGN §5): what each does to a record, through the same lifecycle. */
const SWEEPS: {
  name: string;
  from: readonly ApplicationState[];
  action: Action;
  at: (calendar: RoundCalendar) => Date;
}[] = [
  { name: "expiry of drafts", from: ["draft"], action: "expire", at: (calendar) => calendar.application.to },
  {
    name: "expiry at the receipt cutoff",
    from: ["submitted", "returned_by_unit", "unit_publicity", "recommended", "returned_by_department"],
    action: "expire",
    at: (calendar) => calendar.receiptCutoff,
  },
  {
    name: "receipt",
    from: ["department_approved"],
    action: "receive",
    at: (calendar) => calendar.receiptCutoff,
  },
];

describe("R3 whatever the sweep already did, the late request hears the same answer", () => {
  it.each(SWEEPS)("$name: every limited action and every edit, before and after the sweep", (sweep) => {
    fc.assert(
      fc.property(
        calendars,
        fc.constantFrom(...sweep.from),
        fc.integer({ min: 0, max: 3 }),
        lateBy,
        lateBy,
        fc.constantFrom(...LIMITED),
        (calendar, state, returns, sweptAfter, askedAfter, action) => {
          const before: ApplicationSnapshot = {
            state,
            applicantId: "applicant-1",
            senior: true,
            exceptionalPromotion: false,
            grassrootsScope: false,
            departmentReturns: returns,
            submissions: state === "draft" ? 0 : 1,
          };
          const sweptAt = new Date(sweep.at(calendar).getTime() + sweptAfter);
          const after = applyAction(
            before,
            sweep.action,
            { id: "system", role: "system" },
            contextAt(calendar, sweptAt, PHASES),
          );
          expect(after.state).not.toBe(before.state);
          // A request the sweep can have overtaken: it arrives once both the sweep and its own deadline are due.
          const deadline = DEADLINES[action]?.(calendar, before) as Date;
          const now = new Date(Math.max(sweptAt.getTime(), deadline.getTime()) + askedAfter);
          const ask = (application: ApplicationSnapshot) =>
            answerOf(() =>
              applyAction(application, action, actorFor(action), contextAt(calendar, now, PHASES)),
            );
          const edit = (application: ApplicationSnapshot) =>
            answerOf(() => assertEditable(application, actorFor("submit"), contextAt(calendar, now, PHASES)));
          expect(ask(after)).toEqual(ask(before));
          expect(ask(after)).toMatchObject({ code: "DEADLINE_PASSED", rule: "R3" });
          expect(edit(after)).toEqual(edit(before));
          expect(edit(after)).toMatchObject({ code: "DEADLINE_PASSED", rule: "R3" });
        },
      ),
      { numRuns: 500 },
    );
  });
});
