import { describe, expect, it } from "vitest";
import { type AppraisalVerdict, appraisalOutcome } from "../../../../functions/core/committee";

const v = (...verdicts: (AppraisalVerdict | undefined)[]) => verdicts;

describe("R4.4 paper appraisal outcome", () => {
  it.each([
    ["majority: 2 of 3 pass", v("pass", "pass", "fail"), { decided: true, passed: true }],
    ["majority: 1 of 3 fails", v("pass", "fail", "fail"), { decided: true, passed: false }],
    [
      "majority: decided early once 2 passes are in",
      v("pass", "pass", undefined),
      { decided: true, passed: true },
    ],
    [
      "majority: decided early once 2 fails are in",
      v("fail", undefined, "fail"),
      { decided: true, passed: false },
    ],
    [
      "majority: undecided at 1–1 with one missing",
      v("pass", "fail", undefined),
      { decided: false, passed: false },
    ],
    ["majority of 4 needs 3", v("pass", "pass", "fail", "fail"), { decided: true, passed: false }],
  ])("R4.4 %s", (_name, verdicts, expected) => {
    expect(appraisalOutcome(verdicts)).toMatchObject(expected);
  });

  it("R4.4 a unanimous rule fails on any fail and waits for every verdict", () => {
    expect(appraisalOutcome(v("pass", "pass", "fail"), { kind: "unanimous" })).toMatchObject({
      decided: true,
      passed: false,
    });
    expect(appraisalOutcome(v("pass", "pass", undefined), { kind: "unanimous" })).toMatchObject({
      decided: false,
    });
    expect(appraisalOutcome(v("pass", "pass", "pass"), { kind: "unanimous" })).toMatchObject({
      decided: true,
      passed: true,
    });
  });

  it("R4.4 an at-least rule counts passes", () => {
    expect(appraisalOutcome(v("pass", "fail", "fail"), { kind: "at_least", passes: 1 })).toMatchObject({
      passed: true,
    });
    expect(appraisalOutcome(v("fail", "fail", "fail"), { kind: "at_least", passes: 1 })).toMatchObject({
      decided: true,
      passed: false,
      fails: 3,
    });
  });
});
