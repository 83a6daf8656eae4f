import { describe, expect, it } from "vitest";
import { parseBoundary, ROUND_2024_CALENDAR_SPEC } from "../../../../functions/core/calendar";
import { defineRound, roundDefinitionSchema } from "../../../../functions/core/rounds";
import { refusal } from "../../../support/domain-refusal";

const CALENDAR_2025 = {
  preparation: { from: "2025-09-01 00:00", to: "2025-09-10 24:00" },
  application: { from: "2025-09-11 00:00", to: "2025-10-20 24:00" },
  review: { from: "2025-10-21 00:00", to: "2025-11-04 24:00" },
  receiptCutoff: "2025-11-04 24:00",
  achievementCutoff: "2025-09-30",
  seniorityReferenceDate: "2025-12-31",
};
const BEFORE_2025 = new Date("2025-08-01T00:00:00+08:00");

const define = (input: unknown, now = BEFORE_2025) => defineRound(roundDefinitionSchema.parse(input), now);

describe("R3.1 R3.4 calendar boundaries as an office writes them", () => {
  it.each([
    ["2025-10-20 24:00", "2025-10-20T16:00:00.000Z"],
    ["2025-10-21 00:00", "2025-10-20T16:00:00.000Z"],
    ["2025-10-21T00:00+08:00", "2025-10-20T16:00:00.000Z"],
    ["2025-10-20T16:00:00Z", "2025-10-20T16:00:00.000Z"],
    ["2025-10-20T16:00:00.000Z", "2025-10-20T16:00:00.000Z"],
    ["2024-02-29 24:00", "2024-02-29T16:00:00.000Z"],
  ])("%s is the instant %s", (text, iso) => {
    expect(parseBoundary(text)?.toISOString()).toBe(iso);
  });

  it.each([
    "2025-02-29 24:00",
    "2025-02-30T00:00+08:00",
    "2025-10-20 24:01",
    "2025-10-20T24:00+08:00",
    "2025-10-20T23:59:30+08:00",
    "2025-10-20T23:59",
    "2025-10-20 9:00",
    "10月20日24时",
  ])("%s is not a boundary", (text) => {
    expect(parseBoundary(text)).toBeUndefined();
  });
});

describe("R3.4 defining a round", () => {
  it("keeps wall times as written, stores ISO instants as Beijing wall time, and picks the rule set of the year", () => {
    const round = define({
      roundId: "2025",
      title: "2025年度全省人力资源培训专业高级职称申报评审",
      calendar: { ...CALENDAR_2025, receiptCutoff: "2025-11-04T16:00:00Z" },
    });
    expect(round.calendar.application.to).toBe("2025-10-20 24:00");
    expect(round.calendar.receiptCutoff).toBe("2025-11-05 00:00");
    expect(round.calendar.notices).toEqual({
      unitPublicityDays: 5,
      extendedPublicityDays: 7,
      resultNoticeWorkingDays: 5,
    });
    expect(round.eligibilityRuleSet).toBe("retirement-2025");
    const round2024 = define(
      { roundId: "2024", title: "2024年度评审", calendar: ROUND_2024_CALENDAR_SPEC },
      new Date("2024-08-01T00:00:00+08:00"),
    );
    expect(round2024.eligibilityRuleSet).toBe("retirement-1978");
  });

  it("refuses a calendar out of order, naming the field under body.calendar", () => {
    const error = refusal(() =>
      define({
        roundId: "2025",
        title: "2025年度评审",
        calendar: { ...CALENDAR_2025, review: { from: "2025-10-18 00:00", to: "2025-11-04 24:00" } },
      }),
    );
    expect(error.kind).toBe("bad_request");
    expect(error.code).toBe("INVALID_ROUND_CALENDAR");
    expect(error.details.fields?.map((field) => field.path)).toEqual(["body.calendar.review.from"]);
  });

  it("refuses a round id whose year is not the year applications open, and a rule set not in force that year", () => {
    const error = refusal(() =>
      define({
        roundId: "2026",
        title: "2026年度评审",
        calendar: CALENDAR_2025,
        eligibilityRuleSet: "retirement-1978",
      }),
    );
    expect(error.code).toBe("INVALID_ROUND_CALENDAR");
    expect(error.details.fields?.map((field) => field.path)).toEqual([
      "body.calendar.application.from",
      "body.eligibilityRuleSet",
    ]);
  });

  it("refuses a round whose calendar has already begun (422 naming R3.4); its first instant is still allowed", () => {
    const error = refusal(() =>
      define(
        { roundId: "2025", title: "2025年度评审", calendar: CALENDAR_2025 },
        new Date("2025-09-12T00:00:00+08:00"),
      ),
    );
    expect(error.kind).toBe("rule_violation");
    expect(error.details.rule).toBe("R3.4");
    expect(error.details.fields?.map((field) => field.path)).toEqual([
      "body.calendar.preparation.from",
      "body.calendar.preparation.to",
      "body.calendar.application.from",
    ]);
    expect(() =>
      define(
        { roundId: "2025", title: "2025年度评审", calendar: CALENDAR_2025 },
        new Date("2025-09-01T00:00:00+08:00"),
      ),
    ).not.toThrow();
  });

  it("refuses unknown fields and ids that are not a year", () => {
    expect(
      roundDefinitionSchema.safeParse({
        roundId: "2025",
        title: "2025年度评审",
        calendar: CALENDAR_2025,
        generation: 3,
      }).success,
    ).toBe(false);
    expect(
      roundDefinitionSchema.safeParse({ roundId: "round-25", title: "2025年度评审", calendar: CALENDAR_2025 })
        .success,
    ).toBe(false);
    expect(
      roundDefinitionSchema.safeParse({
        roundId: "2025",
        title: "2025年度评审",
        calendar: { ...CALENDAR_2025, receiptCutoff: "11月4日24时" },
      }).success,
    ).toBe(false);
  });
});
