import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  BLACKLIST_GROUNDS,
  blacklistEntryInputSchema,
  blacklistPeriod,
  checkBlacklistRows,
} from "../../../../functions/core/blacklist";
import { addDays } from "../../../../functions/core/calendar";
import { evaluateEligibility } from "../../../../functions/core/eligibility";
import { residentIdCheckCharacter } from "../../../../functions/core/identity";
import { facts, ROUND } from "../eligibility/eligible-applicant";

const TODAY = "2024-09-20";

function residentId(sequence: number): string {
  const body = `62010219800101${String(sequence).padStart(3, "0")}`;
  return `${body}${residentIdCheckCharacter(body)}`;
}

const ENDS_IN_X = Array.from({ length: 100 }, (_, sequence) => residentId(sequence)).find((id) =>
  id.endsWith("X"),
);

const row = (change: Record<string, unknown> = {}, sequence = 1) => ({
  residentId: residentId(sequence),
  realName: "王五",
  ground: "earlier_register",
  decisionDate: "2023-03-01",
  documentNumber: "甘职改〔2023〕5号",
  reason: "2023年度申报中提供虚假论文检索证明",
  ...change,
});

describe("R5.5, R7.3: one entry of the register", () => {
  it.each([
    ["a row as the office writes it", row(), []],
    ["each ground", row({ ground: "verified_complaint" }), []],
    ["an explicit number of years", row({ years: 5 }), []],
    ["an explicit end", row({ until: "2025-01-01" }), []],
    ["a lowercase x and spaces in the number", row({ residentId: ` ${ENDS_IN_X?.toLowerCase()} ` }), []],
    ["a wrong check digit", row({ residentId: "620102198001010011" }), ["residentId"]],
    ["no name", row({ realName: "" }), ["realName"]],
    ["an unknown ground", row({ ground: "rumour" }), ["ground"]],
    ["no real date", row({ decisionDate: "2023-02-30" }), ["decisionDate"]],
    ["no document number", row({ documentNumber: " " }), ["documentNumber"]],
    ["a reason of three characters", row({ reason: "弄虚作" }), ["reason"]],
    ["years and an end at once", row({ years: 3, until: "2026-03-01" }), ["until"]],
    ["an end on the decision date", row({ until: "2023-03-01" }), ["until"]],
    ["half a year", row({ years: 0.5 }), ["years"]],
    ["a field of its own", row({ status: "lifted" }), [""]],
  ])("R5.5 %s → wrong fields %j", (_case, input, fields) => {
    const parsed = blacklistEntryInputSchema.safeParse(input);
    expect(parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join("."))).toEqual(fields);
  });

  it.each([
    ["3 years by default", {}, "2026-03-01"],
    ["the decision's own years", { years: 5 }, "2028-03-01"],
    ["the decision's own end", { until: "2024-12-31" }, "2024-12-31"],
  ])("R7.3 the period: %s", (_case, decided, until) => {
    expect(blacklistPeriod("2023-03-01", decided)).toEqual({ from: "2023-03-01", until });
  });

  it("R7.3 a decision on 29 February runs to 1 March three years on", () => {
    expect(blacklistPeriod("2024-02-29").until).toBe("2027-03-01");
  });

  it("R5.5 eligibility bars every day of the recorded period and none outside it", () => {
    const day = fc.integer({ min: 0, max: 365 * 30 }).map((offset) => addDays("2000-01-01", offset));
    fc.assert(
      fc.property(
        day,
        fc.option(fc.integer({ min: 1, max: 10 }), { nil: undefined }),
        (decisionDate, years) => {
          const { from, until } = blacklistPeriod(decisionDate, { years });
          const barred = (today: string) =>
            evaluateEligibility(facts({ blacklist: [{ from, until }] }), ROUND, today).some(
              (failure) => failure.code === "BLACKLISTED",
            );
          return !barred(addDays(from, -1)) && barred(from) && barred(addDays(until, -1)) && !barred(until);
        },
      ),
    );
  });
});

describe("R5.5: every row of an import is checked before anything is stored", () => {
  it("answers the parsed entries when every row is right", () => {
    const checked = checkBlacklistRows(
      Array.from({ length: 1000 }, (_, index) => row({}, index)),
      TODAY,
    );
    expect(checked.ok && checked.entries.length).toBe(1000);
  });

  it("names every wrong row by its number, the first entry being row 1", () => {
    const rows = Array.from({ length: 12 }, (_, index) => row({}, index));
    rows[0] = row({ residentId: "620102198001010011" }, 0);
    rows[4] = row({ decisionDate: "2024-09-21" }, 4);
    rows[7] = row({ ground: "rumour", reason: "" }, 7);
    rows[11] = row({}, 9);
    const checked = checkBlacklistRows([...rows, "不是对象"], TODAY);
    expect(checked.ok).toBe(false);
    expect(checked.ok ? [] : checked.issues).toEqual([
      { row: 1, field: "residentId", message: "身份证号码校验位不正确，请逐位核对后重新填写" },
      { row: 5, field: "decisionDate", message: "决定日期不能晚于今天（2024-09-20），请核对" },
      { row: 8, field: "ground", message: expect.stringContaining("列入依据应为以下之一") },
      { row: 8, field: "reason", message: "请填写列入事由（至少4个字）" },
      { row: 12, message: "与第10行重复（同一人、同一决定日期和文号），请删除重复的一行" },
      { row: 13, message: "每条记录应为 JSON 对象" },
    ]);
  });

  it("a decision of today is accepted; the same person with another decision is not a repeat", () => {
    const checked = checkBlacklistRows(
      [row({ decisionDate: TODAY }), row({ documentNumber: "甘职改〔2024〕1号" }), row()],
      TODAY,
    );
    expect(checked.ok).toBe(true);
  });

  it("every ground of the register is accepted", () => {
    const checked = checkBlacklistRows(
      BLACKLIST_GROUNDS.map((ground, index) => row({ ground }, index)),
      TODAY,
    );
    expect(checked.ok && checked.entries.map((entry) => entry.ground)).toEqual([...BLACKLIST_GROUNDS]);
  });
});
