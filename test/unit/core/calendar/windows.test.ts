import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Activity,
  assertWindowOpen,
  formatShanghai,
  isPhaseOpen,
  isWindowOpen,
  openPhaseAt,
  PHASES,
  type Phase,
  parseRoundCalendar,
  shanghai,
} from "../../../../functions/core/calendar";
import { DomainError } from "../../../../functions/core/errors";
import { refusal } from "../../../support/domain-refusal";
import { ROUND_2024_CALENDAR as CALENDAR } from "../../../support/round-2024";

const ALL: readonly Phase[] = PHASES;
const ms = (at: Date, delta: number): Date => new Date(at.getTime() + delta);

describe("which phase is open (R3, DESIGN §4)", () => {
  it.each([
    ["before the system opens", ms(CALENDAR.preparation.from, -1), undefined],
    ["9月1日0时", CALENDAR.preparation.from, "preparation"],
    ["9月10日 23:59:59.999", ms(CALENDAR.preparation.to, -1), "preparation"],
    ["9月10日24时", CALENDAR.preparation.to, "application"],
    ["10月20日 23:59:59.999", ms(CALENDAR.application.to, -1), "application"],
    ["10月20日24时", CALENDAR.application.to, "review"],
    ["11月4日 23:59:59.999", ms(CALENDAR.review.to, -1), "review"],
    ["11月4日24时", CALENDAR.review.to, undefined],
  ] as [string, Date, Phase | undefined][])("R3.1 at %s the open phase is %s", (_name, at, phase) => {
    expect(openPhaseAt(CALENDAR, ALL, at)).toBe(phase);
  });

  it("a phase the workflow has not opened stays closed even inside its time", () => {
    const at = shanghai("2024-09-15", "10:00");
    expect(openPhaseAt(CALENDAR, ["preparation"], at)).toBeUndefined();
    expect(openPhaseAt(CALENDAR, ["application"], at)).toBe("application");
    expect(isPhaseOpen(CALENDAR, ["preparation", "review"], "application", at)).toBe(false);
  });

  it("an opening recorded early does not open a phase before its time, nor keep it open after", () => {
    expect(isPhaseOpen(CALENDAR, ["application"], "application", ms(CALENDAR.application.from, -1))).toBe(
      false,
    );
    expect(isPhaseOpen(CALENDAR, ["application"], "application", CALENDAR.application.to)).toBe(false);
  });
});

const ACTIVITIES: readonly Activity[] = [
  "edit_draft",
  "first_submission",
  "resubmission",
  "unit_review",
  "department_review",
];

// Expected windows, from the notice: the preparation rehearses everything on test data (R3.5); first
// submissions and drafts until the application deadline, everything after a submission until the
// review cutoff.
const EXPECTED: Record<Activity, Record<Phase, boolean>> = {
  edit_draft: { preparation: true, application: true, review: false },
  first_submission: { preparation: true, application: true, review: false },
  resubmission: { preparation: true, application: true, review: true },
  unit_review: { preparation: true, application: true, review: true },
  department_review: { preparation: true, application: true, review: true },
};

describe("may this happen now (R3, R4.1, R4.2, R7.9)", () => {
  const instants: [string, Date, Phase | undefined][] = [
    ["before the preparation", ms(CALENDAR.preparation.from, -1), undefined],
    ["first instant of the preparation", CALENDAR.preparation.from, "preparation"],
    ["last instant of the preparation", ms(CALENDAR.preparation.to, -1), "preparation"],
    ["first instant of the application window", CALENDAR.application.from, "application"],
    ["last instant of the application window", ms(CALENDAR.application.to, -1), "application"],
    ["first instant of the review window", CALENDAR.review.from, "review"],
    ["last instant of the review window", ms(CALENDAR.review.to, -1), "review"],
    ["the receipt cutoff", CALENDAR.receiptCutoff, undefined],
  ];
  for (const activity of ACTIVITIES) {
    it.each(instants)(`R3.1 ${activity} at the %s`, (_name, at, phase) => {
      const expected = phase !== undefined && EXPECTED[activity][phase];
      expect(isWindowOpen(activity, CALENDAR, ALL, at)).toBe(expected);
      if (expected) expect(() => assertWindowOpen(activity, CALENDAR, ALL, at)).not.toThrow();
      else expect(() => assertWindowOpen(activity, CALENDAR, ALL, at)).toThrow(DomainError);
    });
  }

  it("R4.1 a first submission at 10月20日24时 is refused: the deadline has passed", () => {
    const error = refusal(() => assertWindowOpen("first_submission", CALENDAR, ALL, CALENDAR.application.to));
    expect(error.kind).toBe("rule_violation");
    expect(error.code).toBe("DEADLINE_PASSED");
    expect(error.details.rule).toBe("R3");
    expect(error.message).toBe("个人正式申报已于2024-10-21 00:00（北京时间）截止，不能再办理");
  });

  it("R7.9 a resubmission at the review cutoff is refused with the cutoff's time", () => {
    const error = refusal(() => assertWindowOpen("resubmission", CALENDAR, ALL, CALENDAR.review.to));
    expect(error.code).toBe("DEADLINE_PASSED");
    expect(error.message).toBe("退回修改后再次提交已于2024-11-05 00:00（北京时间）截止，不能再办理");
  });

  it("R3.5 a first submission before the system opens names the rehearsal's start and the deadline", () => {
    const error = refusal(() =>
      assertWindowOpen("first_submission", CALENDAR, ALL, ms(CALENDAR.preparation.from, -1)),
    );
    expect(error.code).toBe("WINDOW_NOT_OPEN");
    expect(error.details.rule).toBe("R3");
    expect(error.message).toBe(
      "个人正式申报当前未开放，开放时间为2024-09-01 00:00至2024-10-21 00:00（北京时间），以系统开放为准",
    );
  });

  it("R3.5 R3.3 between the rehearsal's end and the reset nothing may be written: the application waits for the workflow", () => {
    for (const activity of ACTIVITIES) {
      expect(isWindowOpen(activity, CALENDAR, ["preparation"], CALENDAR.preparation.to)).toBe(false);
    }
  });

  it("R4.3 department review ends at the review cutoff", () => {
    const error = refusal(() => assertWindowOpen("department_review", CALENDAR, ALL, CALENDAR.review.to));
    expect(error.message).toBe("审核部门审核已于2024-11-05 00:00（北京时间）截止，不能再办理");
  });

  it("a window whose phase the workflow has not opened answers 'not open', with its full span", () => {
    const at = shanghai("2024-10-25", "09:00");
    const error = refusal(() => assertWindowOpen("unit_review", CALENDAR, ["application"], at));
    expect(error.code).toBe("WINDOW_NOT_OPEN");
    expect(error.message).toContain("2024-09-01 00:00至2024-11-05 00:00");
  });

  it("drafts are refused before the system opens, naming the preparation's start", () => {
    const error = refusal(() =>
      assertWindowOpen("edit_draft", CALENDAR, ALL, ms(CALENDAR.preparation.from, -1)),
    );
    expect(error.code).toBe("WINDOW_NOT_OPEN");
    expect(error.message).toContain("2024-09-01 00:00至2024-10-21 00:00");
  });
});

// Random calendars built from wall times, as an admin would type them.
const phaseMinutes = fc.integer({ min: 1, max: 60 * 24 * 60 });
const calendars = fc
  .record({
    start: fc.integer({ min: Date.UTC(2020, 0, 1) / 60_000, max: Date.UTC(2040, 0, 1) / 60_000 }),
    lengths: fc.tuple(phaseMinutes, phaseMinutes, phaseMinutes),
    gaps: fc.tuple(fc.integer({ min: 0, max: 60 * 24 * 5 }), fc.integer({ min: 0, max: 60 * 24 * 5 })),
  })
  .map(({ start, lengths: [prep, app, review], gaps: [gap1, gap2] }) => {
    const at = (minutes: number): string => formatShanghai(new Date((start + minutes) * 60_000));
    const appFrom = prep + gap1;
    const reviewFrom = appFrom + app + gap2;
    return parseRoundCalendar({
      preparation: { from: at(0), to: at(prep) },
      application: { from: at(appFrom), to: at(appFrom + app) },
      review: { from: at(reviewFrom), to: at(reviewFrom + review) },
      receiptCutoff: at(reviewFrom + review),
      achievementCutoff: "2030-09-30",
      seniorityReferenceDate: "2030-12-31",
    });
  });

describe("R3.1 deadlines are exclusive, for any calendar", () => {
  it("the instant before a deadline is accepted, the deadline and everything after refused", () => {
    fc.assert(
      fc.property(
        calendars,
        fc.constantFrom<Activity>(...ACTIVITIES),
        fc.integer({ min: 1, max: 10 * 86_400_000 }),
        (calendar, activity, offset) => {
          const phases = PHASES.filter((phase) => EXPECTED[activity][phase]);
          const last = phases[phases.length - 1] ?? "application";
          const deadline = calendar[last].to;
          expect(isWindowOpen(activity, calendar, ALL, ms(deadline, -1))).toBe(true);
          expect(isWindowOpen(activity, calendar, ALL, deadline)).toBe(false);
          expect(isWindowOpen(activity, calendar, ALL, ms(deadline, offset))).toBe(false);
          const inside = Math.min(offset, deadline.getTime() - calendar[last].from.getTime());
          expect(isWindowOpen(activity, calendar, ALL, ms(deadline, -inside))).toBe(true);
          expect(
            refusal(() => assertWindowOpen(activity, calendar, ALL, ms(deadline, offset - 1))).code,
          ).toBe("DEADLINE_PASSED");
        },
      ),
    );
  });

  it("a phase opens exactly at its start: the instant before is refused", () => {
    fc.assert(
      fc.property(calendars, fc.constantFrom<Phase>(...PHASES), (calendar, phase) => {
        const { from } = calendar[phase];
        expect(isPhaseOpen(calendar, ALL, phase, from)).toBe(true);
        expect(isPhaseOpen(calendar, ALL, phase, ms(from, -1))).toBe(false);
      }),
    );
  });
});
