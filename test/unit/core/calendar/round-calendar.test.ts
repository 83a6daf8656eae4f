import { describe, expect, it } from "vitest";
import {
  NOTICE_DEFAULTS,
  parseRoundCalendar,
  ROUND_2024_CALENDAR_SPEC,
  type RoundCalendarSpec,
} from "../../../../functions/core/calendar";
import { DomainError } from "../../../../functions/core/errors";
import { ROUND_2024_CALENDAR } from "../../../support/round-2024";

function refusal(spec: unknown): DomainError {
  try {
    parseRoundCalendar(spec);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("calendar was accepted");
}

const with2024 = (changes: Partial<RoundCalendarSpec>): RoundCalendarSpec => ({
  ...ROUND_2024_CALENDAR_SPEC,
  ...changes,
});

describe("the 2024 round calendar (R3)", () => {
  it.each([
    ["preparation.from (9月1日0时)", ROUND_2024_CALENDAR.preparation.from, "2024-08-31T16:00:00.000Z"],
    ["preparation.to = reset (9月10日24时)", ROUND_2024_CALENDAR.preparation.to, "2024-09-10T16:00:00.000Z"],
    ["application.from (9月11日0时)", ROUND_2024_CALENDAR.application.from, "2024-09-10T16:00:00.000Z"],
    ["application.to (10月20日24时)", ROUND_2024_CALENDAR.application.to, "2024-10-20T16:00:00.000Z"],
    ["review.from (10月21日0时)", ROUND_2024_CALENDAR.review.from, "2024-10-20T16:00:00.000Z"],
    ["review.to (11月4日24时)", ROUND_2024_CALENDAR.review.to, "2024-11-04T16:00:00.000Z"],
    ["receiptCutoff (11月4日24时)", ROUND_2024_CALENDAR.receiptCutoff, "2024-11-04T16:00:00.000Z"],
  ])("R3 %s is %s", (_name, instant, iso) => {
    expect(instant.toISOString()).toBe(iso);
  });

  it("R6.1 achievements count up to 2024-09-30; R6.2 seniority is counted to 2024-12-31", () => {
    expect(ROUND_2024_CALENDAR.achievementCutoff).toBe("2024-09-30");
    expect(ROUND_2024_CALENDAR.seniorityReferenceDate).toBe("2024-12-31");
  });

  it("R3 the review meeting and the defense are announced later (另行通知)", () => {
    expect(ROUND_2024_CALENDAR.defenseAt).toBeUndefined();
    expect(ROUND_2024_CALENDAR.committeeMeetingAt).toBeUndefined();
  });

  it("R4.2 R5.3 R4.5 notice minimums default to 5 days, 7 days (> 5) and 5 working days", () => {
    expect(ROUND_2024_CALENDAR.notices).toEqual({
      unitPublicityDays: 5,
      extendedPublicityDays: 7,
      resultNoticeWorkingDays: 5,
    });
    expect(NOTICE_DEFAULTS).toEqual(ROUND_2024_CALENDAR.notices);
  });
});

describe("R3.4 other rounds are data", () => {
  it("a 2025 round with announced meeting dates and longer notices needs no code", () => {
    const calendar = parseRoundCalendar({
      preparation: { from: "2025-08-25 08:30", to: "2025-09-05 24:00" },
      application: { from: "2025-09-08 00:00", to: "2025-10-17 17:30" },
      review: { from: "2025-10-20 00:00", to: "2025-11-07 24:00" },
      receiptCutoff: "2025-11-10 24:00",
      defenseAt: "2025-12-02 09:00",
      committeeMeetingAt: "2025-12-16 14:30",
      achievementCutoff: "2025-09-30",
      seniorityReferenceDate: "2025-12-31",
      notices: { unitPublicityDays: 6, extendedPublicityDays: 10, resultNoticeWorkingDays: 7 },
    });
    expect(calendar.preparation.from.toISOString()).toBe("2025-08-25T00:30:00.000Z");
    expect(calendar.application.to.toISOString()).toBe("2025-10-17T09:30:00.000Z");
    expect(calendar.receiptCutoff.toISOString()).toBe("2025-11-10T16:00:00.000Z");
    expect(calendar.defenseAt?.toISOString()).toBe("2025-12-02T01:00:00.000Z");
    expect(calendar.committeeMeetingAt?.toISOString()).toBe("2025-12-16T06:30:00.000Z");
    expect(calendar.notices).toEqual({
      unitPublicityDays: 6,
      extendedPublicityDays: 10,
      resultNoticeWorkingDays: 7,
    });
    expect(calendar.achievementCutoff).toBe("2025-09-30");
  });

  it("refusals are bad requests naming R3.4 and the offending field", () => {
    const error = refusal(with2024({ application: { from: "2024-09-11 00:00", to: "2024-09-11 00:00" } }));
    expect(error.kind).toBe("bad_request");
    expect(error.code).toBe("INVALID_ROUND_CALENDAR");
    expect(error.message).toBe("轮次日程有误，请按提示修改后重新保存");
    expect(error.details.rule).toBe("R3.4");
    expect(error.details.fields).toEqual([{ path: "application.to", message: "结束时间须晚于开始时间" }]);
  });

  it("a phase one minute long is accepted", () => {
    expect(() =>
      parseRoundCalendar(with2024({ preparation: { from: "2024-09-10 23:59", to: "2024-09-10 24:00" } })),
    ).not.toThrow();
  });

  // Each ordering rule: one minute too early is refused at the named field, exactly on time is accepted.
  it.each([
    [
      "application.from",
      { application: { from: "2024-09-10 23:59", to: "2024-10-20 24:00" } },
      { application: { from: "2024-09-11 00:00", to: "2024-10-20 24:00" } },
    ],
    [
      "review.from",
      { review: { from: "2024-10-20 23:59", to: "2024-11-04 24:00" } },
      { review: { from: "2024-10-21 00:00", to: "2024-11-04 24:00" } },
    ],
    ["receiptCutoff", { receiptCutoff: "2024-11-04 23:59" }, { receiptCutoff: "2024-11-05 00:00" }],
    ["defenseAt", { defenseAt: "2024-11-04 23:59" }, { defenseAt: "2024-11-05 00:00" }],
    [
      "committeeMeetingAt",
      { committeeMeetingAt: "2024-11-04 23:59" },
      { committeeMeetingAt: "2024-11-05 00:00" },
    ],
    [
      "committeeMeetingAt",
      { defenseAt: "2024-12-01 09:00", committeeMeetingAt: "2024-12-01 08:59" },
      { defenseAt: "2024-12-01 09:00", committeeMeetingAt: "2024-12-01 09:00" },
    ],
  ] as [string, Partial<RoundCalendarSpec>, Partial<RoundCalendarSpec>][])(
    "R3 %s may not come before what precedes it",
    (path, early, onTime) => {
      expect(refusal(with2024(early)).details.fields?.map((field) => field.path)).toEqual([path]);
      expect(() => parseRoundCalendar(with2024(onTime))).not.toThrow();
    },
  );

  it.each([
    ["receiptCutoff", { receiptCutoff: "2024-11-04 24:01" }],
    ["receiptCutoff", { receiptCutoff: "2024-11-04T24:00" }],
    ["receiptCutoff", { receiptCutoff: "2024-11-04 24:00 " }],
    ["receiptCutoff", { receiptCutoff: " 2024-11-04 24:00" }],
    ["receiptCutoff", { receiptCutoff: "2024-11-31 00:00" }],
    ["preparation.to", { preparation: { from: "2024-09-01 00:00", to: "2024-09-10" } }],
    ["achievementCutoff", { achievementCutoff: "2024-09-31" }],
    ["seniorityReferenceDate", { seniorityReferenceDate: "2024/12/31" }],
  ] as [string, Partial<RoundCalendarSpec>][])("refuses a malformed %s", (path, changes) => {
    expect(refusal(with2024(changes)).details.fields?.[0]?.path).toBe(path);
  });

  it("refuses a missing phase", () => {
    const { review: _review, ...withoutReview } = ROUND_2024_CALENDAR_SPEC;
    expect(refusal(withoutReview).details.fields?.[0]?.path).toBe("review");
  });

  it.each([
    [
      "R4.2 a unit publicity shorter than 5 days",
      { unitPublicityDays: 4, extendedPublicityDays: 7, resultNoticeWorkingDays: 5 },
      "notices.unitPublicityDays",
    ],
    [
      "R5.3 an extended publicity of only 5 days",
      { unitPublicityDays: 5, extendedPublicityDays: 5, resultNoticeWorkingDays: 5 },
      "notices.extendedPublicityDays",
    ],
    [
      "R5.3 an extended publicity no longer than the ordinary one",
      { unitPublicityDays: 8, extendedPublicityDays: 8, resultNoticeWorkingDays: 5 },
      "notices.extendedPublicityDays",
    ],
    [
      "R4.5 a result notice shorter than 5 working days",
      { unitPublicityDays: 5, extendedPublicityDays: 7, resultNoticeWorkingDays: 4 },
      "notices.resultNoticeWorkingDays",
    ],
    [
      "fractional days",
      { unitPublicityDays: 5.5, extendedPublicityDays: 7, resultNoticeWorkingDays: 5 },
      "notices.unitPublicityDays",
    ],
    [
      "fractional extended days",
      { unitPublicityDays: 5, extendedPublicityDays: 7.5, resultNoticeWorkingDays: 5 },
      "notices.extendedPublicityDays",
    ],
    [
      "fractional working days",
      { unitPublicityDays: 5, extendedPublicityDays: 7, resultNoticeWorkingDays: 5.5 },
      "notices.resultNoticeWorkingDays",
    ],
  ])("refuses %s", (_name, notices, path) => {
    expect(refusal(with2024({ notices })).details.fields?.map((field) => field.path)).toContain(path);
  });

  it("R5.3 accepts an extended publicity of 6 days, one more than the ordinary 5", () => {
    const notices = { unitPublicityDays: 5, extendedPublicityDays: 6, resultNoticeWorkingDays: 5 };
    expect(parseRoundCalendar(with2024({ notices })).notices.extendedPublicityDays).toBe(6);
  });
});
