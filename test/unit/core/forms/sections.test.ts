import { describe, expect, it } from "vitest";
import {
  abilitySectionSchema,
  achievementEntries,
  achievementsSectionSchema,
  annualAssessmentYears,
  basicSectionSchema,
  moralSectionSchema,
  SECTION_IDS,
  SECTION_SCHEMAS,
  SECTION_TITLES,
} from "../../../../functions/core/forms";

const basic = {
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
      registryVerified: true,
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

const paper = {
  title: "论干部教育培训",
  journal: "甘肃社会科学",
  journalLevel: "core",
  publishedOn: "2022-03-01",
  language: "chinese",
  cnkiIndexed: true,
  duplicateRatio: null,
};

const achievements = {
  papers: [paper],
  monographs: [],
  projects: [],
  awards: [],
  thinkTank: [],
  others: [],
};

const issuesOf = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]);

describe("R7.2 the five sections", () => {
  it("R7.2 there are five sections in the order of the form", () => {
    expect(SECTION_IDS).toEqual(["basic", "moral", "ability", "achievements", "summary"]);
    expect(SECTION_IDS.map((id) => SECTION_TITLES[id])).toEqual([
      "基本信息",
      "品德相关信息",
      "能力相关信息",
      "业绩成果",
      "小结",
    ]);
    expect(Object.keys(SECTION_SCHEMAS)).toEqual([...SECTION_IDS]);
  });
});

describe("R7.4 basic section", () => {
  it("R7.4 a complete basic section passes", () => {
    expect(basicSectionSchema.safeParse(basic).success).toBe(true);
  });

  it("R7.4 an invalid resident ID is named by its path", () => {
    expect(issuesOf(basicSectionSchema.safeParse({ ...basic, residentId: "110105194912310021" }))).toEqual([
      ["residentId", "身份证号码校验位不正确，请逐位核对后重新填写"],
    ]);
  });

  it.each([
    ["contract", null, ["socialInsurance"]],
    ["enterprise", null, ["socialInsurance"]],
    ["contract", "payments", []],
    ["enterprise", "alternative", []],
    ["establishment", null, []],
    ["flexible", null, []],
  ])("R7.4 %s staff with social insurance proof %s", (employmentKind, socialInsurance, paths) => {
    const result = basicSectionSchema.safeParse({
      ...basic,
      employmentKind,
      socialInsurance,
      underPostManagement: false,
    });
    expect(issuesOf(result).map(([path]) => path)).toEqual(paths);
  });

  it("R7.4 only branches of out-of-province private enterprises may prove social insurance at headquarters", () => {
    const hq = {
      ...basic,
      employmentKind: "enterprise",
      underPostManagement: false,
      socialInsurance: "headquarters_payments",
    };
    expect(issuesOf(basicSectionSchema.safeParse(hq))).toEqual([
      [
        "socialInsurance",
        "只有经委托核准的外省民营企业在甘分支机构人员，才可提交企业总部所在地的社保缴费证明",
      ],
    ]);
    expect(basicSectionSchema.safeParse({ ...hq, outOfProvinceBranch: true }).success).toBe(true);
  });

  it("R6.2 staff under post management must give the appointment month", () => {
    const noAppointment = { ...basic, currentTitle: { ...basic.currentTitle, appointedIn: null } };
    expect(issuesOf(basicSectionSchema.safeParse(noAppointment))).toEqual([
      [
        "currentTitle.appointedIn",
        "纳入事业单位岗位管理的人员，任职年限从聘用当月起计算，请填写现职称聘用年月",
      ],
    ]);
    expect(basicSectionSchema.safeParse({ ...noAppointment, underPostManagement: false }).success).toBe(true);
    expect(basicSectionSchema.safeParse({ ...basic, currentTitle: null }).success).toBe(true);
  });

  it.each([
    ["2005-07", "2005-07", []],
    ["2005-07", "2005-06", ["workHistory.0.to"]],
  ])("R7.4 work history from %s to %s", (from, to, paths) => {
    const result = basicSectionSchema.safeParse({
      ...basic,
      workHistory: [{ ...basic.workHistory[0], from, to }],
    });
    expect(issuesOf(result).map(([path]) => path)).toEqual(paths);
  });

  it.each([
    ["13900000000", true],
    ["12900000000", false],
    ["1390000000", false],
  ])("R7.4 phone %s", (phone, valid) => {
    expect(basicSectionSchema.safeParse({ ...basic, phone }).success).toBe(valid);
  });

  it("R7.4 at least one education record, and dates that exist", () => {
    expect(issuesOf(basicSectionSchema.safeParse({ ...basic, education: [] }))).toEqual([
      ["education", "请至少填写1条学习经历"],
    ]);
    const badDate = { ...basic, education: [{ ...basic.education[0], graduatedOn: "2005-02-30" }] };
    expect(issuesOf(basicSectionSchema.safeParse(badDate))).toEqual([
      ["education.0.graduatedOn", "毕业时间应为有效日期，格式为YYYY-MM-DD"],
    ]);
    const badMonth = { ...basic, professionalWorkSince: "2005-13" };
    expect(issuesOf(basicSectionSchema.safeParse(badMonth))).toEqual([
      ["professionalWorkSince", "从事专业技术工作起始年月应为年月，格式为YYYY-MM"],
    ]);
  });
});

describe("R7.5 moral section", () => {
  it("R7.5 an assessment is required, honours are optional", () => {
    expect(moralSectionSchema.safeParse({ assessment: "合格", honours: [] }).success).toBe(true);
    expect(issuesOf(moralSectionSchema.safeParse({ assessment: " ", honours: [] }))).toEqual([
      ["assessment", "请填写品德考核情况"],
    ]);
  });
});

describe("R7.6 ability section", () => {
  const ability = {
    workExperience: [{ category: "教学培训", from: "2019-01", to: null, content: "主讲干部培训课程" }],
    annualAssessments: [{ year: 2023, result: "excellent" }],
    continuingEducation: [{ year: 2023, hours: 90.5 }],
    grassrootsService: null,
  };

  it("R7.6 a valid ability section passes", () => {
    expect(abilitySectionSchema.safeParse(ability).success).toBe(true);
  });

  it("R7.6 a year is assessed once", () => {
    const twice = {
      ...ability,
      annualAssessments: [ability.annualAssessments[0], { year: 2023, result: "competent" }],
    };
    expect(issuesOf(abilitySectionSchema.safeParse(twice))).toEqual([
      ["annualAssessments", "同一年度的考核结果只能填写一次"],
    ]);
    const twiceEducation = {
      ...ability,
      continuingEducation: [
        { year: 2023, hours: 1 },
        { year: 2023, hours: 2 },
      ],
    };
    expect(issuesOf(abilitySectionSchema.safeParse(twiceEducation)).map(([path]) => path)).toEqual([
      "continuingEducation",
    ]);
  });

  it("R7.6 the five assessment years are the five completed years before the round", () => {
    expect(annualAssessmentYears(2024)).toEqual([2019, 2020, 2021, 2022, 2023]);
  });

  it.each([
    [-1, false],
    [0, true],
    [12.5, false],
  ])("R7.6 grassroots service months %d", (months, valid) => {
    const result = abilitySectionSchema.safeParse({
      ...ability,
      grassrootsService: { months, description: "驻村" },
    });
    expect(result.success).toBe(valid);
  });
});

describe("R7.7 achievements section", () => {
  it("R7.7 a valid achievements section passes", () => {
    expect(achievementsSectionSchema.safeParse(achievements).success).toBe(true);
  });

  it("R7.7 a paper CNKI does not index needs the ratio from the unit's duplicate-check report", () => {
    const unindexed = { ...achievements, papers: [{ ...paper, cnkiIndexed: false }] };
    expect(issuesOf(achievementsSectionSchema.safeParse(unindexed))).toEqual([
      ["papers.0.duplicateRatio", "未被中国知网收录的论文，须填写查重报告单上的“去除引用文献复制比”"],
    ]);
    const withRatio = { ...achievements, papers: [{ ...paper, cnkiIndexed: false, duplicateRatio: 12.3 }] };
    expect(achievementsSectionSchema.safeParse(withRatio).success).toBe(true);
  });

  it.each([
    [0, true],
    [100, true],
    [100.01, false],
    [-0.01, false],
  ])("R7.7 a duplicate ratio of %d%% is a percentage", (duplicateRatio, valid) => {
    const result = achievementsSectionSchema.safeParse({
      ...achievements,
      papers: [{ ...paper, duplicateRatio }],
    });
    expect(result.success).toBe(valid);
  });

  const thinkTank = {
    title: "关于干部培训的建议",
    kind: "instruction",
    level: "provincial",
    channel: "省委办公厅《决策参考》",
    obtainedOn: "2023-05-01",
    instructionWording: "很好，请组织部研究落实",
  };

  it("R7.7 an instruction-type think-tank result needs the instruction's wording", () => {
    const missing = { ...achievements, thinkTank: [{ ...thinkTank, instructionWording: null }] };
    expect(issuesOf(achievementsSectionSchema.safeParse(missing))).toEqual([
      ["thinkTank.0.instructionWording", "批示类成果须填写批示内容"],
    ]);
    const adopted = {
      ...achievements,
      thinkTank: [{ ...thinkTank, kind: "adoption", instructionWording: null }],
    };
    expect(achievementsSectionSchema.safeParse(adopted).success).toBe(true);
  });

  it("R7.7 think-tank levels are national, provincial or municipal", () => {
    const county = { ...achievements, thinkTank: [{ ...thinkTank, level: "county" }] };
    expect(issuesOf(achievementsSectionSchema.safeParse(county))).toEqual([
      ["thinkTank.0.level", "成果级别只能选择：国家级（national）、省级（provincial）、市级（municipal）"],
    ]);
  });

  it("R7.7 a project cannot be completed before it was approved", () => {
    const project = {
      title: "课题",
      source: "省社科规划办",
      approvedOn: "2022-01-01",
      completedOn: "2021-12-31",
      rank: 1,
    };
    expect(issuesOf(achievementsSectionSchema.safeParse({ ...achievements, projects: [project] }))).toEqual([
      ["projects.0.completedOn", "结题（验收、鉴定）日期不能早于立项日期"],
    ]);
    const sameDay = { ...project, completedOn: "2022-01-01" };
    expect(achievementsSectionSchema.safeParse({ ...achievements, projects: [sameDay] }).success).toBe(true);
  });

  it("R7.7 an award names the clause of the standard it satisfies", () => {
    const award = { title: "优秀教学奖", issuer: "省委组织部", awardedOn: "2023-01-01" };
    expect(issuesOf(achievementsSectionSchema.safeParse({ ...achievements, awards: [award] }))).toEqual([
      ["awards.0.standardClause", "请填写符合的业绩条件标准条款"],
    ]);
  });

  it("R6.1 every achievement has the date the cutoff is measured against", () => {
    const section = achievementsSectionSchema.parse({
      ...achievements,
      projects: [
        {
          title: "课题",
          source: "省社科规划办",
          approvedOn: "2022-01-01",
          completedOn: "2024-10-01",
          rank: 1,
        },
      ],
      monographs: [
        {
          title: "论著",
          publisher: "甘肃人民出版社",
          publishedOn: "2021-01-01",
          wordCountThousands: 200,
          role: "主编",
        },
      ],
      awards: [{ title: "奖", issuer: "省委", awardedOn: "2020-01-01", standardClause: "第三条" }],
      thinkTank: [{ ...thinkTank }],
      others: [{ title: "编委", standardClause: "第五条", obtainedOn: "2019-01-01" }],
    });
    expect(achievementEntries(section)).toEqual([
      {
        kind: "paper",
        index: 0,
        label: "论文1《论干部教育培训》",
        dateField: "papers.0.publishedOn",
        obtainedOn: "2022-03-01",
      },
      {
        kind: "monograph",
        index: 0,
        label: "论著1《论著》",
        dateField: "monographs.0.publishedOn",
        obtainedOn: "2021-01-01",
      },
      {
        kind: "project",
        index: 0,
        label: "课题1《课题》",
        dateField: "projects.0.completedOn",
        obtainedOn: "2024-10-01",
      },
      {
        kind: "award",
        index: 0,
        label: "奖励1《奖》",
        dateField: "awards.0.awardedOn",
        obtainedOn: "2020-01-01",
      },
      {
        kind: "think_tank",
        index: 0,
        label: "智库成果1《关于干部培训的建议》",
        dateField: "thinkTank.0.obtainedOn",
        obtainedOn: "2023-05-01",
      },
      {
        kind: "other",
        index: 0,
        label: "其他业绩1《编委》",
        dateField: "others.0.obtainedOn",
        obtainedOn: "2019-01-01",
      },
    ]);
  });
});
