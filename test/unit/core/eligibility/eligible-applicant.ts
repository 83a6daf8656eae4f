import type { EligibilityFacts, EligibilityRound } from "../../../../functions/core/eligibility";

export const ROUND: EligibilityRound = {
  year: 2024,
  achievementCutoff: "2024-09-30",
  seniorityReferenceDate: "2024-12-31",
};

/** A man on the establishment of a party school, eligible for 副高级 on every rule; each test changes one fact. */
export function facts(overrides: Partial<EligibilityFacts> = {}): EligibilityFacts {
  return {
    scope: "province",
    level: "associate_senior",
    method: "regular",
    unit: { kind: "party_school", inGansu: true, central: false, entrustmentApproved: false },
    employment: "establishment",
    underPostManagement: true,
    civilServant: false,
    civilServantManaged: false,
    retired: false,
    birthDate: "1980-05-10",
    gender: "male",
    retirementPostType: "cadre",
    sanctions: [],
    blacklist: [],
    dispatch: null,
    seriesChange: null,
    currentTitle: {
      level: "intermediate",
      inHrTrainingSeries: true,
      obtainedIn: "2018-06",
      appointedIn: "2019-01",
    },
    professionalWorkSince: "2005-07",
    continuingEducation: [2019, 2020, 2021, 2022, 2023].map((year) => ({ year, hours: 90 })),
    grassrootsServiceMonths: 0,
    achievements: [
      { kind: "paper", obtainedOn: "2022-03-01" },
      { kind: "paper", obtainedOn: "2023-11-20" },
    ],
    ...overrides,
  };
}
