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
import { sampleBasic, samplePaper } from "../../../support/sample-application";

const basic = sampleBasic();

const paper = samplePaper();

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
    [" 13900000000 ", true],
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
      papers: [{ ...paper, cnkiIndexed: false, duplicateRatio }],
    });
    expect(result.success).toBe(valid);
  });

  it.each([0, 8.5, 15])(
    "R7.7 the applicant cannot enter the ratio of a paper CNKI indexes (%d%%): the office runs that check",
    (duplicateRatio) => {
      const declared = { ...achievements, papers: [{ ...paper, cnkiIndexed: true, duplicateRatio }] };
      expect(issuesOf(achievementsSectionSchema.safeParse(declared))).toEqual([
        [
          "papers.0.duplicateRatio",
          "中国知网收录的论文由省职改办统一查重，复制比由省职改办记录，申报人不填写（请留空），也不上传查重报告单",
        ],
      ]);
      const left = { ...achievements, papers: [{ ...paper, cnkiIndexed: true, duplicateRatio: null }] };
      expect(achievementsSectionSchema.safeParse(left).success).toBe(true);
    },
  );

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

describe("R7.2 every field of every section is named in its message", () => {
  it.each([
    [
      "basic",
      basicSectionSchema,
      {},
      [
        ["residentId", "请填写身份证号码"],
        ["phone", "请填写手机号码"],
        ["unitKind", "请选择单位类别"],
        ["employmentKind", "请选择人员类别"],
        ["underPostManagement", "请填写是否纳入事业单位岗位管理"],
        ["outOfProvinceBranch", "请填写单位是否为经委托核准的外省民营企业在甘分支机构"],
        ["socialInsurance", "请选择社会保险证明方式"],
        ["professionalWorkSince", "请填写从事专业技术工作起始年月"],
        ["education", "请填写学习经历"],
        ["workHistory", "请填写工作履历"],
        ["currentTitle", "请填写现专业技术资格"],
        ["seriesChange", "请填写转系列信息"],
      ],
    ],
    [
      "basic, nested",
      basicSectionSchema,
      { ...basic, education: [{}], workHistory: [{}], currentTitle: {}, seriesChange: {} },
      [
        ["education.0.origin", "请选择学历类别"],
        ["education.0.school", "请填写毕业院校"],
        ["education.0.major", "请填写所学专业"],
        ["education.0.graduatedOn", "请填写毕业时间"],
        ["education.0.certificateNumber", "请填写学历证书编号"],
        ["education.0.degreeCertificateNumber", "请填写学位证书编号"],
        ["workHistory.0.from", "请填写起始年月"],
        ["workHistory.0.to", "请填写截止年月"],
        ["workHistory.0.unit", "请填写工作单位"],
        ["workHistory.0.post", "请填写岗位（职务）"],
        ["currentTitle.name", "请填写现职称名称"],
        ["currentTitle.level", "请选择现职称级别"],
        ["currentTitle.inHrTrainingSeries", "请填写现职称是否属于人力资源培训专业"],
        ["currentTitle.obtainedIn", "请填写取得现职称资格年月"],
        ["currentTitle.appointedIn", "请填写现职称聘用年月"],
        ["seriesChange.previousSeries", "请填写原系列（专业）"],
        ["seriesChange.changedOn", "请填写转系列日期"],
        ["seriesChange.unitAssessmentPassed", "请填写单位考核是否合格"],
        ["seriesChange.newSeriesSince", "请填写新系列聘任（用）起始年月"],
      ],
    ],
    [
      "moral",
      moralSectionSchema,
      { honours: [{}] },
      [
        ["assessment", "请填写品德考核情况"],
        ["honours.0.title", "请填写荣誉名称"],
        ["honours.0.issuer", "请填写授予单位"],
        ["honours.0.awardedOn", "请填写获得日期"],
      ],
    ],
    [
      "moral honours",
      moralSectionSchema,
      { assessment: "合格", honours: ["x"] },
      [["honours.0", "荣誉应为一组信息"]],
    ],
    [
      "moral honours list",
      moralSectionSchema,
      { assessment: "合格" },
      [["honours", "请填写荣誉（优秀共产党员、优秀党务工作者、道德模范等）"]],
    ],
    [
      "ability",
      abilitySectionSchema,
      {},
      [
        ["workExperience", "请填写专业技术工作经历"],
        ["annualAssessments", "请填写年度考核情况"],
        ["continuingEducation", "请填写继续教育学时"],
        ["grassrootsService", "请填写帮扶基层经历"],
      ],
    ],
    [
      "ability, nested",
      abilitySectionSchema,
      { workExperience: [{}], annualAssessments: [{}], continuingEducation: [{}], grassrootsService: {} },
      [
        ["workExperience.0.category", "请填写工作经历类别"],
        ["workExperience.0.from", "请填写起始年月"],
        ["workExperience.0.to", "请填写截止年月"],
        ["workExperience.0.content", "请填写工作内容"],
        ["annualAssessments.0.year", "请填写考核年度"],
        ["annualAssessments.0.result", "请选择考核结果"],
        ["continuingEducation.0.year", "请填写继续教育年度"],
        ["continuingEducation.0.hours", "请填写学时"],
        ["grassrootsService.months", "请填写在基层专业技术岗位累计服务月数"],
        ["grassrootsService.description", "请填写帮扶基层经历"],
      ],
    ],
    [
      "ability, lists that are not lists of groups",
      abilitySectionSchema,
      { workExperience: [], annualAssessments: ["x"], continuingEducation: ["x"], grassrootsService: null },
      [
        ["workExperience", "请至少填写1条专业技术工作经历"],
        ["annualAssessments.0", "年度考核应为一组信息"],
        ["continuingEducation.0", "继续教育应为一组信息"],
      ],
    ],
    [
      "achievements",
      achievementsSectionSchema,
      {},
      [
        ["papers", "请填写论文"],
        ["monographs", "请填写论著"],
        ["projects", "请填写课题（项目）"],
        ["awards", "请填写奖励和荣誉"],
        ["thinkTank", "请填写智库研究成果"],
        ["others", "请填写其他业绩"],
      ],
    ],
    [
      "achievements, nested",
      achievementsSectionSchema,
      { papers: [{}], monographs: [{}], projects: [{}], awards: [{}], thinkTank: [{}], others: [{}] },
      [
        ["papers.0.title", "请填写论文题目"],
        ["papers.0.journal", "请填写刊物名称"],
        ["papers.0.journalLevel", "请选择刊物级别"],
        ["papers.0.publishedOn", "请填写发表日期"],
        ["papers.0.language", "请选择论文语种"],
        ["papers.0.cnkiIndexed", "请填写是否被中国知网收录"],
        ["papers.0.duplicateRatio", "请填写去除引用文献复制比（%）"],
        ["monographs.0.title", "请填写论著名称"],
        ["monographs.0.publisher", "请填写出版社"],
        ["monographs.0.publishedOn", "请填写出版日期"],
        ["monographs.0.wordCountThousands", "请填写著作字数（千字）"],
        ["monographs.0.role", "请填写本人承担部分"],
        ["projects.0.title", "请填写课题（项目）名称"],
        ["projects.0.source", "请填写立项单位"],
        ["projects.0.approvedOn", "请填写立项日期"],
        ["projects.0.completedOn", "请填写结题（验收、鉴定）日期"],
        ["projects.0.rank", "请填写本人排名"],
        ["awards.0.title", "请填写奖励和荣誉名称"],
        ["awards.0.issuer", "请填写授予单位"],
        ["awards.0.awardedOn", "请填写获奖日期"],
        ["awards.0.standardClause", "请填写符合的业绩条件标准条款"],
        ["thinkTank.0.title", "请填写成果名称"],
        ["thinkTank.0.kind", "请选择成果类型"],
        ["thinkTank.0.level", "请选择成果级别"],
        ["thinkTank.0.channel", "请填写成果报送渠道"],
        ["thinkTank.0.obtainedOn", "请填写批示或采纳日期"],
        ["thinkTank.0.instructionWording", "请填写批示内容"],
        ["others.0.title", "请填写业绩名称"],
        ["others.0.standardClause", "请填写对应的资格条件条款"],
        ["others.0.obtainedOn", "请填写取得日期"],
      ],
    ],
    [
      "achievements, monographs, awards and others that are not groups",
      achievementsSectionSchema,
      { ...achievements, monographs: ["x"], awards: ["x"], others: ["x"] },
      [
        ["monographs.0", "论著应为一组信息"],
        ["awards.0", "奖励和荣誉应为一组信息"],
        ["others.0", "其他业绩应为一组信息"],
      ],
    ],
  ] as const)("R7.2 %s", (_case, schema, input, expected) => {
    expect(issuesOf(schema.safeParse(input))).toEqual(expected.map(([path, message]) => [path, message]));
  });

  it.each([
    [basicSectionSchema, "请填写基本信息"],
    [moralSectionSchema, "请填写品德相关信息"],
    [abilitySectionSchema, "请填写能力相关信息"],
    [achievementsSectionSchema, "请填写业绩成果"],
    [SECTION_SCHEMAS.summary, "请填写小结"],
  ])("R7.2 a section that is not a group of fields: %s", (schema, message) => {
    expect(issuesOf(schema.safeParse("x"))).toEqual([["", message]]);
  });

  it.each([
    [
      basicSectionSchema,
      { ...basic, education: [{ ...basic.education[0], origin: "x" }] },
      "education.0.origin",
      "学历类别只能选择：国内高等教育（higher_education）、国外学历学位（foreign）、港澳台地区学历学位（hk_macau_taiwan）、党校学历（party_school）、中专学历（secondary_school）、技工院校（technical_school）",
    ],
    [
      basicSectionSchema,
      { ...basic, socialInsurance: "x" },
      "socialInsurance",
      "社会保险证明方式只能选择：6个月社保参保缴费证明（payments）、企业总部所在地社保经办机构出具的6个月缴费证明（headquarters_payments）、身份情况说明、劳动合同、银行工资流水及签字盖章的花名册（alternative）",
    ],
    [
      basicSectionSchema,
      { ...basic, employmentKind: "x" },
      "employmentKind",
      "人员类别只能选择：事业单位在编人员（establishment）、编外聘用人员（contract）、企业人员（enterprise）、灵活就业人员（flexible）",
    ],
    [basicSectionSchema, { ...basic, phone: 13900000000 }, "phone", "请填写手机号码"],
    [basicSectionSchema, { ...basic, phone: "139000000001" }, "phone", "手机号码应为11位数字，以1开头"],
    [basicSectionSchema, { ...basic, phone: "013900000000" }, "phone", "手机号码应为11位数字，以1开头"],
    [
      achievementsSectionSchema,
      { ...achievements, papers: [{ ...paper, journalLevel: "x" }] },
      "papers.0.journalLevel",
      "刊物级别只能选择：核心期刊（core）、省级期刊（provincial）",
    ],
    [
      achievementsSectionSchema,
      { ...achievements, papers: [{ ...paper, language: "x" }] },
      "papers.0.language",
      "论文语种只能选择：中文（chinese）、外文（foreign）",
    ],
    [
      abilitySectionSchema,
      {
        workExperience: [{ category: "教学", from: "2019-01", to: null, content: "主讲" }],
        annualAssessments: [{ year: 2023, result: "x" }],
        continuingEducation: [],
        grassrootsService: null,
      },
      "annualAssessments.0.result",
      "考核结果只能选择：优秀（excellent）、合格（称职）（competent）、基本合格（基本称职）（basically_competent）、不合格（不称职）（incompetent）",
    ],
  ] as const)("R7.2 a choice outside its options lists them (%#)", (schema, input, path, message) => {
    expect(issuesOf(schema.safeParse(input))).toEqual([[path, message]]);
  });

  it("R7.7 a think-tank kind outside its options lists them", () => {
    const result = achievementsSectionSchema.safeParse({
      ...achievements,
      thinkTank: [
        {
          title: "t",
          kind: "x",
          level: "national",
          channel: "c",
          obtainedOn: "2023-01-01",
          instructionWording: null,
        },
      ],
    });
    expect(issuesOf(result)).toEqual([
      ["thinkTank.0.kind", "成果类型只能选择：批示类（instruction）、采纳类（adoption）"],
    ]);
  });

  it.each([
    ["2019-01", "2019-01", []],
    ["2019-02", "2019-01", [["workExperience.0.to", "截止年月不能早于起始年月"]]],
  ])("R7.6 work experience from %s to %s", (from, to, expected) => {
    const result = abilitySectionSchema.safeParse({
      workExperience: [{ category: "教学", from, to, content: "主讲" }],
      annualAssessments: [],
      continuingEducation: [],
      grassrootsService: null,
    });
    expect(issuesOf(result)).toEqual(expected);
  });

  it("R7.4 the work-history date message", () => {
    const result = basicSectionSchema.safeParse({
      ...basic,
      workHistory: [{ ...basic.workHistory[0], to: "2005-06" }],
    });
    expect(issuesOf(result)).toEqual([["workHistory.0.to", "截止年月不能早于起始年月"]]);
  });

  it("R7.4 contract staff without a social insurance choice are told to make one", () => {
    const result = basicSectionSchema.safeParse({
      ...basic,
      employmentKind: "contract",
      underPostManagement: false,
    });
    expect(issuesOf(result)).toEqual([["socialInsurance", "编外聘用人员和企业人员须选择社会保险证明方式"]]);
  });

  it("R7.6 continuing-education hours of a year are entered once, summed", () => {
    const result = abilitySectionSchema.safeParse({
      workExperience: [{ category: "教学", from: "2019-01", to: null, content: "主讲" }],
      annualAssessments: [],
      continuingEducation: [
        { year: 2023, hours: 1 },
        { year: 2023, hours: 2 },
      ],
      grassrootsService: null,
    });
    expect(issuesOf(result)).toEqual([
      ["continuingEducation", "同一年度的继续教育学时只能填写一次，请合计后填写"],
    ]);
  });
});
