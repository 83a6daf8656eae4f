import { describe, expect, it } from "vitest";
import {
  eligibilityConfigOf,
  isRuleSetInForce,
  ruleSetInForce,
  statutoryRetirementMonth,
} from "../../../../functions/core/eligibility";

describe("R1.5 R3.4 the eligibility rule set in force in a round's year", () => {
  it.each([
    [2023, "retirement-1978"],
    [2024, "retirement-1978"],
    [2025, "retirement-2025"],
    [2031, "retirement-2025"],
  ] as const)("a %s round is assessed under %s", (year, expected) => {
    expect(ruleSetInForce(year)).toBe(expected);
    expect(isRuleSetInForce(expected, year)).toBe(true);
  });

  it("the 2025 reform delays retirement for those born from 1965; the original table does not", () => {
    const born = "1965-06-15";
    const original = eligibilityConfigOf("retirement-1978").retirement;
    const reformed = eligibilityConfigOf("retirement-2025").retirement;
    expect(statutoryRetirementMonth(born, "male", "cadre", original)).toBe("2025-06");
    expect(statutoryRetirementMonth(born, "male", "cadre", reformed)).toBe("2025-08");
    expect(statutoryRetirementMonth("1975-03-10", "female", "worker", original)).toBe("2025-03");
  });
});
