import type {
  AbilitySection,
  AchievementsSection,
  BaseInfo,
  BasicSection,
  MoralSection,
  SummarySection,
} from "../../functions/core/forms";

/**
 * One complete, valid senior application of a party-school teacher under post management, used by
 * the core's tests and the API tests alike. Each test changes what it is about and nothing else.
 */
export const SAMPLE_BASE_INFO: BaseInfo = {
  name: "张三",
  unitName: "中共兰州市委党校",
  applicationMethod: "regular",
  series: "人力资源培训",
  qualification: "associate_senior",
  specialty: "人力资源培训",
  validityScope: "province",
};

export const samplePaper = (title = "论干部教育培训"): AchievementsSection["papers"][number] => ({
  title,
  journal: "甘肃社会科学",
  journalLevel: "core",
  publishedOn: "2022-03-01",
  language: "chinese",
  cnkiIndexed: true,
  duplicateRatio: null,
});

export function sampleBasic(): BasicSection {
  return {
    residentId: "11010519491231002X",
    phone: "13900000000",
    unitKind: "party_school",
    employmentKind: "establishment",
    underPostManagement: true,
    outOfProvinceBranch: false,
    socialInsurance: null,
    professionalWorkSince: "2005-07",
    education: [
      {
        origin: "higher_education",
        school: "兰州大学",
        major: "人力资源管理",
        graduatedOn: "2005-06-30",
        certificateNumber: "107301200505000123",
        degreeCertificateNumber: null,
      },
    ],
    workHistory: [{ from: "2005-07", to: null, unit: "中共兰州市委党校", post: "教师" }],
    currentTitle: {
      name: "讲师",
      level: "intermediate",
      inHrTrainingSeries: true,
      obtainedIn: "2018-06",
      appointedIn: "2019-01",
    },
    seriesChange: null,
  };
}

export function sampleSections(): {
  basic: BasicSection;
  moral: MoralSection;
  ability: AbilitySection;
  achievements: AchievementsSection;
  summary: SummarySection;
} {
  return {
    basic: sampleBasic(),
    moral: { assessment: "政治立场坚定，师德良好", honours: [] },
    ability: {
      workExperience: [{ category: "教学培训", from: "2019-01", to: null, content: "主讲干部培训课程" }],
      annualAssessments: [2019, 2020, 2021, 2022, 2023].map((year) => ({ year, result: "competent" })),
      continuingEducation: [2019, 2020, 2021, 2022, 2023].map((year) => ({ year, hours: 90 })),
      grassrootsService: null,
    },
    achievements: {
      papers: [samplePaper("论干部教育培训"), samplePaper("培训评估方法")],
      monographs: [],
      projects: [],
      awards: [],
      thinkTank: [],
      others: [],
    },
    summary: { text: "本人长期从事干部教育培训工作。" },
  };
}
