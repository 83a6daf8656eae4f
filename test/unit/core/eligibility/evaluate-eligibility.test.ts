import { describe, expect, it } from "vitest";
import {
  blacklistBarsRound,
  DEFAULT_ELIGIBILITY_CONFIG,
  type EligibilityConfig,
  type EligibilityFacts,
  evaluateEligibility,
  type Requirement,
  requirementFor,
  UNIT_KINDS_IN_SCOPE,
} from "../../../../functions/core/eligibility";
import { facts, ROUND } from "./eligible-applicant";

const TODAY = "2024-10-08";

function codes(
  applicant: EligibilityFacts,
  today = TODAY,
  config?: EligibilityConfig,
  round = ROUND,
): string[] {
  return evaluateEligibility(applicant, round, today, config).map((f) => f.code);
}

function withRequirement(change: Partial<Requirement>): EligibilityConfig {
  return {
    ...DEFAULT_ELIGIBILITY_CONFIG,
    requirements: DEFAULT_ELIGIBILITY_CONFIG.requirements.map((r) => ({ ...r, ...change })),
  };
}

const title = (change: Partial<NonNullable<EligibilityFacts["currentTitle"]>>) => ({
  level: "intermediate" as const,
  inHrTrainingSeries: true,
  obtainedIn: "2018-06",
  appointedIn: "2019-01",
  ...change,
});

describe("evaluateEligibility", () => {
  it("an applicant who meets every rule has no failures", () => {
    expect(evaluateEligibility(facts(), ROUND, TODAY)).toEqual([]);
  });

  it("reports every failed rule at once, each with rule id, stable code and Chinese message", () => {
    const failures = evaluateEligibility(
      facts({ civilServant: true, retired: true, dispatch: { approved: false }, achievements: [] }),
      ROUND,
      TODAY,
    );
    expect(failures.map((f) => [f.rule, f.code])).toEqual([
      ["R1.5", "CIVIL_SERVANT"],
      ["R1.5", "RETIRED"],
      ["R2.5", "DISPATCHED_WITHOUT_APPROVAL"],
      ["R6.1", "PAPERS_INSUFFICIENT"],
    ]);
    for (const failure of failures) {
      expect(failure.code).toMatch(/^[A-Z]+(_[A-Z]+)*$/);
      expect(failure.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe("R1.1 and R1.3: units", () => {
  it.each(UNIT_KINDS_IN_SCOPE)("R1.3 staff of a %s are in scope", (kind) => {
    expect(
      codes(facts({ unit: { kind, inGansu: true, central: false, entrustmentApproved: false } })),
    ).toEqual([]);
  });

  it.each(["degree_school", "other"] as const)("R1.3 staff of a %s are out of scope", (kind) => {
    const failures = evaluateEligibility(
      facts({ unit: { kind, inGansu: true, central: false, entrustmentApproved: false } }),
      ROUND,
      TODAY,
    );
    expect(failures.map((f) => [f.rule, f.code])).toEqual([["R1.3", "UNIT_NOT_IN_SCOPE"]]);
    expect(failures[0]?.message).toContain("党校（行政学院）");
  });

  it("R1.1 an employer outside Gansu is refused", () => {
    const unit = {
      kind: "party_school" as const,
      inGansu: false,
      central: false,
      entrustmentApproved: false,
    };
    expect(codes(facts({ unit }))).toEqual(["UNIT_NOT_IN_GANSU"]);
  });

  it("R1.4 contract staff outside the establishment apply on equal terms", () => {
    expect(codes(facts({ employment: "contract", underPostManagement: false }))).toEqual([]);
  });
});

describe("R1.5: who may not apply", () => {
  it("R1.5 a civil servant is refused", () => {
    expect(codes(facts({ civilServant: true }))).toEqual(["CIVIL_SERVANT"]);
  });

  it("R1.5 staff of a unit managed under the Civil Servant Law (参公) are refused", () => {
    expect(codes(facts({ civilServantManaged: true }))).toEqual(["CIVIL_SERVANT_MANAGED_STAFF"]);
  });

  it("R1.5 a retiree is refused once, without a second retirement-age failure", () => {
    expect(codes(facts({ retired: true, birthDate: "1960-01-01" }))).toEqual(["RETIRED"]);
  });

  it.each([
    ["male", "cadre", "1964-12-31", true],
    ["male", "cadre", "1965-01-01", false],
    ["male", "cadre", "1950-06-01", true],
    ["female", "cadre", "1969-12-31", true],
    ["female", "cadre", "1970-01-01", false],
    ["female", "worker", "1974-12-31", true],
    ["female", "worker", "1975-01-01", false],
  ] as const)(
    "R1.5 %s, %s post, born %s: reaches the retirement age in 2024 → %s",
    (gender, post, born, refused) => {
      const result = codes(facts({ gender, retirementPostType: post, birthDate: born }));
      expect(result).toEqual(refused ? ["RETIREMENT_AGE_REACHED"] : []);
    },
  );

  it.each([
    ["1965-09-30", true],
    ["1965-10-01", false],
  ])("R1.5 in the 2025 round a man born %s reaches the reformed age that year → %s", (born, refused) => {
    const round2025 = { year: 2025, achievementCutoff: "2025-09-30", seniorityReferenceDate: "2025-12-31" };
    const applicant = facts({
      birthDate: born,
      continuingEducation: [2020, 2021, 2022, 2023, 2024].map((year) => ({ year, hours: 90 })),
    });
    expect(codes(applicant, "2025-10-01", undefined, round2025)).toEqual(
      refused ? ["RETIREMENT_AGE_REACHED"] : [],
    );
  });

  it("R1.5 the retirement message names the month", () => {
    const [failure] = evaluateEligibility(facts({ birthDate: "1964-07-02" }), ROUND, TODAY);
    expect(failure?.message).toContain("2024年7月");
  });

  it("R1.5 without a row in the retirement table the applicant is not let through", () => {
    const config = { ...DEFAULT_ELIGIBILITY_CONFIG, retirement: [] };
    expect(codes(facts(), TODAY, config)).toEqual(["RETIREMENT_AGE_UNKNOWN"]);
  });

  it.each([
    ["the first day of the effect period", "2024-03-01", "2025-03-01", "2024-03-01", true],
    ["the day before it ends", "2024-03-01", "2025-03-01", "2025-02-28", true],
    ["the day it ends", "2024-03-01", "2025-03-01", "2025-03-01", false],
    ["the day before it starts", "2024-03-01", "2025-03-01", "2024-02-29", false],
    ["an open-ended effect period", "2020-01-01", null, "2030-01-01", true],
  ])("R1.5 a disciplinary sanction on %s", (_case, from, until, today, refused) => {
    const applicant = facts({ sanctions: [{ kind: "government", from, until }] });
    expect(codes(applicant, today)).toEqual(refused ? ["DISCIPLINARY_SANCTION_ACTIVE"] : []);
  });

  it("R1.5 the sanction message says which kind and until when", () => {
    const applicant = facts({ sanctions: [{ kind: "party", from: "2024-01-01", until: "2025-07-01" }] });
    expect(evaluateEligibility(applicant, ROUND, TODAY)[0]?.message).toContain("党纪处分2025年7月1日前");
  });
});

describe("R5.5: the blacklist", () => {
  it.each([
    ["2021-10-08", "2024-10-07", true],
    ["2021-10-08", "2024-10-08", false],
    ["2021-10-09", "2024-10-08", true],
    ["2024-10-08", "2024-10-08", true],
    ["2024-10-09", "2024-10-08", false],
  ])("R5.5 listed on %s without an end, checked on %s: blacklisted → %s", (from, today, refused) => {
    expect(codes(facts({ blacklist: [{ from }] }), today)).toEqual(refused ? ["BLACKLISTED"] : []);
  });

  it("R5.5 an explicit end overrides the three years", () => {
    expect(codes(facts({ blacklist: [{ from: "2024-01-01", until: "2024-10-08" }] }))).toEqual([]);
    expect(codes(facts({ blacklist: [{ from: "2024-01-01", until: "2024-10-09" }] }))).toEqual([
      "BLACKLISTED",
    ]);
  });

  it("R5.5 the configured number of years applies", () => {
    const config = { ...DEFAULT_ELIGIBILITY_CONFIG, blacklistYears: 5 };
    expect(codes(facts({ blacklist: [{ from: "2020-01-01" }] }), TODAY, config)).toEqual(["BLACKLISTED"]);
    expect(codes(facts({ blacklist: [{ from: "2020-01-01" }] }))).toEqual([]);
  });

  it("R5.5 the message names the first free day", () => {
    const [failure] = evaluateEligibility(facts({ blacklist: [{ from: "2024-02-29" }] }), ROUND, TODAY);
    expect(failure?.message).toContain("2027年3月1日前");
  });

  it("R5.5 several entries in force: one failure, naming the end of the one that ends last", () => {
    const failures = evaluateEligibility(
      facts({
        blacklist: [
          { from: "2023-01-01", until: "2026-01-01", ground: "verified_complaint" },
          { from: "2022-06-01", until: "2027-06-01", ground: "earlier_register" },
          { from: "2024-03-01", until: "2025-03-01", ground: "falsified_upload" },
          { from: "2019-01-01", until: "2022-01-01" },
        ],
      }),
      ROUND,
      TODAY,
    );
    expect(failures.map((failure) => [failure.rule, failure.code])).toEqual([["R5.5", "BLACKLISTED"]]);
    expect(failures[0]?.message).toContain("2027年6月1日前不得申报职称");
  });

  it("R5.5 only expired entries: refuses nothing, whatever their ground", () => {
    const expired = [
      { from: "2021-05-06", until: "2024-05-06", ground: "earlier_register" as const },
      { from: "2020-01-01", ground: "falsified_upload" as const },
      { from: "2021-10-08", until: "2024-10-08", ground: "verified_complaint" as const },
    ];
    expect(codes(facts({ blacklist: expired }))).toEqual([]);
  });
});

describe("R5.5: a blacklisted person starting an application in a round", () => {
  const config = DEFAULT_ELIGIBILITY_CONFIG;
  const LAST_DAY = "2024-10-20";
  it.each([
    ["ends after the window", [{ from: "2023-03-01", until: "2026-03-01" }], "2024-09-15", true],
    ["ends the day after the last day", [{ from: "2021-10-21" }], "2024-09-15", true],
    ["ends on the last day: that day is free", [{ from: "2021-10-20" }], "2024-09-15", false],
    ["ends inside the window", [{ from: "2023-01-01", until: "2024-10-01" }], "2024-09-15", false],
    ["already expired", [{ from: "2021-05-06", until: "2024-05-06" }], "2024-09-15", false],
    [
      "two entries, the later end decides",
      [
        { from: "2023-01-01", until: "2024-10-01" },
        { from: "2024-01-01", until: "2024-12-01" },
      ],
      "2024-09-15",
      true,
    ],
    ["lifted entries are not facts: none left", [], "2024-09-15", false],
  ])("R5.5 an entry that %s → refused %s", (_case, blacklist, today, refused) => {
    const failure = blacklistBarsRound(blacklist, today, LAST_DAY, config);
    expect(failure === undefined ? "may start" : [failure.rule, failure.code]).toEqual(
      refused ? ["R5.5", "BLACKLISTED"] : "may start",
    );
  });

  it("R5.5 the answer says that the application was cancelled for fraud, and until when", () => {
    const failure = blacklistBarsRound(
      [{ from: "2024-10-10", ground: "fraud_in_application", cancelledInRound: "2024" }],
      "2024-10-12",
      LAST_DAY,
      config,
    );
    expect(failure?.message).toBe(
      "您在“2024”轮次的申报因弄虚作假已于2024年10月10日被取消申报资格，并被列入职称申报“黑名单”，2027年10月10日前不得申报职称。",
    );
  });
});

describe("R2.4 and R2.5: channels that need an approval", () => {
  it.each([
    [true, false, ["CENTRAL_UNIT_NOT_ENTRUSTED"]],
    [true, true, []],
    [false, false, []],
  ])("R2.4 central unit %s with entrustment approved %s", (central, entrustmentApproved, expected) => {
    const unit = { kind: "enterprise_staff_training" as const, inGansu: true, central, entrustmentApproved };
    expect(codes(facts({ unit, underPostManagement: false, employment: "enterprise" }))).toEqual(expected);
  });

  it.each([
    [{ approved: false }, ["DISPATCHED_WITHOUT_APPROVAL"]],
    [{ approved: true }, []],
    [null, []],
  ])("R2.5 dispatched staff %j", (dispatch, expected) => {
    expect(codes(facts({ dispatch }))).toEqual(expected);
  });
});

describe("R1.2: the rule set of the scope, level and method", () => {
  it("R1.2 a combination the configuration does not offer is refused, and its conditions are not checked", () => {
    const config = { ...DEFAULT_ELIGIBILITY_CONFIG, requirements: [] };
    const failures = evaluateEligibility(facts({ achievements: [] }), ROUND, TODAY, config);
    expect(failures.map((f) => f.code)).toEqual(["QUALIFICATION_NOT_OFFERED"]);
    expect(failures[0]?.message).toContain("全省有效");
  });

  it("R1.2 the default offers both scopes, both senior levels and both methods", () => {
    for (const scope of ["province", "grassroots"] as const) {
      for (const level of ["associate_senior", "senior"] as const) {
        for (const method of ["regular", "exceptional"] as const) {
          expect(requirementFor(DEFAULT_ELIGIBILITY_CONFIG, scope, level, method)).toMatchObject({
            scope,
            level,
            method,
            minPapers: 2,
          });
        }
      }
    }
  });

  it("R1.2 the current title must be at least the level below", () => {
    expect(codes(facts({ currentTitle: null }))).toEqual(["CURRENT_TITLE_MISSING"]);
    expect(codes(facts({ currentTitle: title({ level: "junior" }) }))).toEqual(["CURRENT_TITLE_TOO_LOW"]);
    expect(codes(facts({ level: "senior", currentTitle: title({ level: "intermediate" }) }))).toEqual([
      "CURRENT_TITLE_TOO_LOW",
    ]);
    expect(codes(facts({ currentTitle: title({ level: "associate_senior" }) }))).toEqual([]);
  });

  it("R1.2 a grassroots-scope application uses its own rule set", () => {
    const config: EligibilityConfig = {
      ...DEFAULT_ELIGIBILITY_CONFIG,
      requirements: DEFAULT_ELIGIBILITY_CONFIG.requirements.map((r) =>
        r.scope === "grassroots" ? { ...r, minPapers: 3 } : r,
      ),
    };
    expect(codes(facts({ scope: "grassroots" }), TODAY, config)).toEqual(["PAPERS_INSUFFICIENT"]);
    expect(codes(facts({ scope: "province" }), TODAY, config)).toEqual([]);
  });
});

describe("R6.2: seniority counted to the reference date", () => {
  it.each([
    ["2020-01", []],
    ["2020-02", ["TITLE_YEARS_INSUFFICIENT"]],
  ])("R6.2 under post management, appointed in %s (obtained long before)", (appointedIn, expected) => {
    expect(codes(facts({ currentTitle: title({ obtainedIn: "2010-01", appointedIn }) }))).toEqual(expected);
  });

  it.each([
    ["2020-01", []],
    ["2020-02", ["TITLE_YEARS_INSUFFICIENT"]],
  ])("R6.2 outside post management, title obtained in %s (appointed earlier)", (obtainedIn, expected) => {
    const applicant = facts({
      underPostManagement: false,
      currentTitle: title({ obtainedIn, appointedIn: "2010-01" }),
    });
    expect(codes(applicant)).toEqual(expected);
  });

  it("R6.2 under post management the appointment month must be known", () => {
    expect(codes(facts({ currentTitle: title({ appointedIn: null }) }))).toEqual([
      "APPOINTMENT_MONTH_MISSING",
    ]);
    expect(codes(facts({ underPostManagement: false, currentTitle: title({ appointedIn: null }) }))).toEqual(
      [],
    );
  });

  it("R6.2 the message states the years served and how they were counted", () => {
    const [failure] = evaluateEligibility(
      facts({ currentTitle: title({ appointedIn: "2021-03" }) }),
      ROUND,
      TODAY,
    );
    expect(failure?.message).toContain("自聘用当月起计算");
    expect(failure?.message).toContain("3年10个月");
    expect(failure?.message).toContain("满5年");
  });

  it("R6.2 exceptional promotion waives the seniority check by default", () => {
    expect(codes(facts({ method: "exceptional", currentTitle: title({ appointedIn: "2024-06" }) }))).toEqual(
      [],
    );
  });

  it("R6.2 the configured years are what is checked", () => {
    const applicant = facts({ currentTitle: title({ appointedIn: "2022-01" }) });
    expect(codes(applicant, TODAY, withRequirement({ minYearsInCurrentTitle: 3 }))).toEqual([]);
    expect(codes(applicant, TODAY, withRequirement({ minYearsInCurrentTitle: 4 }))).toEqual([
      "TITLE_YEARS_INSUFFICIENT",
    ]);
  });

  it.each([
    ["2015-01", []],
    ["2015-02", ["PROFESSIONAL_YEARS_INSUFFICIENT"]],
    [null, ["PROFESSIONAL_YEARS_INSUFFICIENT"]],
  ])("R6.2 total professional years from %s, ten required", (since, expected) => {
    const config = withRequirement({ minProfessionalYears: 10 });
    expect(codes(facts({ professionalWorkSince: since }), TODAY, config)).toEqual(expected);
  });
});

describe("R6.4: series change", () => {
  const changed = (change: Partial<NonNullable<EligibilityFacts["seriesChange"]>>) => ({
    changedOn: "2022-06-15",
    unitAssessmentPassed: true,
    newSeriesSince: "2022-07",
    ...change,
  });

  it("R6.4 a completed change more than a year ago is fine", () => {
    expect(codes(facts({ seriesChange: changed({}) }))).toEqual([]);
  });

  it("R6.4 without a passed unit assessment the change does not count", () => {
    expect(codes(facts({ seriesChange: changed({ unitAssessmentPassed: false }) }))).toEqual([
      "SERIES_CHANGE_NOT_ASSESSED",
    ]);
  });

  it.each([
    ["2024-01-01", ["SERIES_CHANGE_SAME_YEAR"]],
    ["2023-12-31", []],
  ])("R6.4 changed on %s: not in the year of the change", (changedOn, expected) => {
    expect(codes(facts({ seriesChange: changed({ changedOn, newSeriesSince: "2023-01" }) }))).toEqual(
      expected,
    );
  });

  it.each([
    ["2024-01", []],
    ["2024-02", ["SERIES_CHANGE_TOO_RECENT"]],
    ["2025-01", ["SERIES_CHANGE_TOO_RECENT"]],
  ])(
    "R6.4 employed in the new series since %s: at least one year by the reference date",
    (since, expected) => {
      expect(
        codes(facts({ seriesChange: changed({ changedOn: "2023-12-20", newSeriesSince: since }) })),
      ).toEqual(expected);
    },
  );

  it("R6.4 the one-year message says how long the applicant has served", () => {
    const applicant = facts({
      seriesChange: changed({ changedOn: "2023-12-20", newSeriesSince: "2024-02" }),
    });
    expect(evaluateEligibility(applicant, ROUND, TODAY)[0]?.message).toContain("11个月");
    const notYet = facts({ seriesChange: changed({ changedOn: "2023-12-20", newSeriesSince: "2025-01" }) });
    expect(evaluateEligibility(notYet, ROUND, TODAY)[0]?.message).toContain("尚未聘任");
  });

  it("R6.4 the year and service limits apply only to a higher title", () => {
    const sameLevel = facts({
      currentTitle: title({ level: "associate_senior" }),
      seriesChange: changed({ changedOn: "2024-03-01", newSeriesSince: "2024-04" }),
    });
    expect(codes(sameLevel)).toEqual([]);
  });

  it("R6.4 without a change no cross-series application for a higher title", () => {
    expect(codes(facts({ currentTitle: title({ inHrTrainingSeries: false }) }))).toEqual([
      "CROSS_SERIES_WITHOUT_CHANGE",
    ]);
    expect(
      codes(facts({ currentTitle: title({ inHrTrainingSeries: false }), seriesChange: changed({}) })),
    ).toEqual([]);
    expect(
      codes(facts({ currentTitle: title({ level: "associate_senior", inHrTrainingSeries: false }) })),
    ).toEqual([]);
  });
});

describe("R6.1: achievements after the cutoff do not count", () => {
  it.each([
    ["2024-09-30", []],
    ["2024-10-01", ["PAPERS_INSUFFICIENT"]],
  ])("R6.1 a second paper obtained on %s", (obtainedOn, expected) => {
    const achievements = [
      { kind: "paper" as const, obtainedOn: "2022-03-01" },
      { kind: "paper" as const, obtainedOn },
    ];
    expect(codes(facts({ achievements }))).toEqual(expected);
  });

  it("R6.1 other kinds of achievement are not papers", () => {
    const achievements = [
      { kind: "paper" as const, obtainedOn: "2022-03-01" },
      { kind: "monograph" as const, obtainedOn: "2022-03-01" },
    ];
    expect(codes(facts({ achievements }))).toEqual(["PAPERS_INSUFFICIENT"]);
  });

  it("R6.1 the message counts what was excluded and why", () => {
    const achievements = [{ kind: "paper" as const, obtainedOn: "2024-10-01" }];
    const [failure] = evaluateEligibility(facts({ achievements }), ROUND, TODAY);
    expect(failure?.message).toContain("论文为0篇");
    expect(failure?.message).toContain("另有1篇在2024年9月30日之后取得");
    const none = evaluateEligibility(facts({ achievements: [] }), ROUND, TODAY)[0]?.message;
    expect(none).not.toContain("另有");
  });
});

describe("R7.6: continuing education and grassroots service", () => {
  const hours = (byYear: Record<number, number>) =>
    Object.entries(byYear).map(([year, h]) => ({ year: Number(year), hours: h }));

  it.each([
    [{ 2019: 90, 2020: 90, 2021: 90, 2022: 90, 2023: 90 }, []],
    [{ 2019: 90, 2020: 90, 2021: 89.5, 2022: 90, 2023: 90 }, ["CONTINUING_EDUCATION_INSUFFICIENT"]],
    [{ 2019: 90, 2020: 90, 2021: 90, 2022: 90 }, ["CONTINUING_EDUCATION_INSUFFICIENT"]],
    [{ 2018: 90, 2020: 90, 2021: 90, 2022: 90, 2023: 90 }, ["CONTINUING_EDUCATION_INSUFFICIENT"]],
    [{ 2020: 90, 2021: 90, 2022: 90, 2023: 90, 2024: 90 }, ["CONTINUING_EDUCATION_INSUFFICIENT"]],
  ])("R7.6 below 90 hours in any of 2019–2023 the applicant cannot apply: %j", (byYear, expected) => {
    expect(codes(facts({ continuingEducation: hours(byYear) }))).toEqual(expected);
  });

  it("R7.6 hours of the same year add up, and the message lists the short years", () => {
    const split = hours({ 2019: 90, 2020: 90, 2021: 90, 2022: 90 }).concat([
      { year: 2023, hours: 45 },
      { year: 2023, hours: 45 },
    ]);
    expect(codes(facts({ continuingEducation: split }))).toEqual([]);
    const [failure] = evaluateEligibility(
      facts({ continuingEducation: hours({ 2019: 90, 2020: 60, 2021: 90, 2022: 90 }) }),
      ROUND,
      TODAY,
    );
    expect(failure?.message).toContain("2020年60学时、2023年0学时");
  });

  it("R7.6 the configured hours and years are what is checked", () => {
    const config = { ...DEFAULT_ELIGIBILITY_CONFIG, continuingEducation: { minHoursPerYear: 60, years: 2 } };
    expect(codes(facts({ continuingEducation: hours({ 2022: 60, 2023: 60 }) }), TODAY, config)).toEqual([]);
    expect(codes(facts({ continuingEducation: hours({ 2022: 59, 2023: 60 }) }), TODAY, config)).toEqual([
      "CONTINUING_EDUCATION_INSUFFICIENT",
    ]);
  });

  it.each([
    [12, []],
    [11, ["GRASSROOTS_SERVICE_INSUFFICIENT"]],
  ])("R7.6 where the rule set asks for a year of grassroots service, %i months", (months, expected) => {
    const config = withRequirement({ minGrassrootsServiceMonths: 12 });
    expect(codes(facts({ grassrootsServiceMonths: months }), TODAY, config)).toEqual(expected);
  });

  it("R7.6 grassroots service is not asked for by default", () => {
    expect(DEFAULT_ELIGIBILITY_CONFIG.requirements.every((r) => r.minGrassrootsServiceMonths === null)).toBe(
      true,
    );
  });
});
