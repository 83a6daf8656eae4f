import { describe, expect, it } from "vitest";
import { type AppraisalPassRule, appraisalOutcome } from "../../../functions/core/committee";
import { failureReason, passRuleText } from "../../../functions/services/appraisal-verdicts";

describe("R4.4 how a failed appraisal is explained", () => {
  it.each([
    [{ kind: "majority" }, "过半数鉴定专家通过"],
    [{ kind: "unanimous" }, "全体鉴定专家通过"],
    [{ kind: "at_least", passes: 2 }, "至少2名鉴定专家通过"],
  ] as [AppraisalPassRule, string][])("R4.4 the pass rule %j reads %s", (rule, text) => {
    expect(passRuleText(rule)).toBe(text);
  });

  it.each([
    [
      "R4.4 majority, decided early by two fails",
      ["fail", "fail", undefined],
      { kind: "majority" },
      "论文鉴定未通过：3名鉴定专家中0名通过、2名不通过、1名尚未提交，未达到“过半数鉴定专家通过”的要求",
    ],
    [
      "R4.4 unanimous, one fail among passes",
      ["pass", "fail", "pass"],
      { kind: "unanimous" },
      "论文鉴定未通过：3名鉴定专家中2名通过、1名不通过，未达到“全体鉴定专家通过”的要求",
    ],
  ] as [string, ("pass" | "fail" | undefined)[], AppraisalPassRule, string][])(
    "%s: the reason counts verdicts, never names who gave them",
    (_name, verdicts, rule, reason) => {
      const outcome = appraisalOutcome(verdicts, rule);
      expect(outcome).toMatchObject({ decided: true, passed: false });
      expect(failureReason(outcome, rule)).toBe(reason);
    },
  );
});
