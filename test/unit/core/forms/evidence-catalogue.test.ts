import { describe, expect, it } from "vitest";
import {
  type AbilitySection,
  type AchievementsSection,
  type BasicSection,
  EVIDENCE_CONTENT_TYPES,
  EVIDENCE_SLOTS,
  evidenceSlot,
  isSlotId,
  type MoralSection,
  SECTION_IDS,
  SLOT_CATALOGUE,
  type SlotContext,
  type SlotDefinition,
  type SlotInstance,
} from "../../../../functions/core/forms";
import { sampleBasic, samplePaper } from "../../../support/sample-application";

const CONTEXT: SlotContext = { roundYear: 2024, grassrootsServiceRequired: false, registryMatches: [] };

const basic: BasicSection = sampleBasic();

const paper = samplePaper();

const emptyAchievements: AchievementsSection = {
  papers: [],
  monographs: [],
  projects: [],
  awards: [],
  thinkTank: [],
  others: [],
};

function required<Data>(
  slots: readonly SlotDefinition<Data>[],
  data: Data,
  context: SlotContext = CONTEXT,
): Record<string, SlotInstance[]> {
  return Object.fromEntries(
    slots
      .map((slot) => [slot.id, slot.instances(data, context)] as const)
      .filter(([, found]) => found.length > 0),
  );
}

describe("R7.3–R7.7 the evidence slot catalogue", () => {
  it("R7.3 every slot has a unique id, a title, a rule, notes, and accepts only PDF, JPEG or PNG", () => {
    const ids = EVIDENCE_SLOTS.map((slot) => slot.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const slot of EVIDENCE_SLOTS) {
      expect(slot.title).toMatch(/[\u4e00-\u9fff]/);
      expect(slot.rule).toMatch(/^R7\.[4-7]$/);
      expect(slot.notes.length).toBeGreaterThan(0);
      for (const note of slot.notes) expect(note).toMatch(/[\u4e00-\u9fff]{4}/);
      expect(slot.requiredWhen).toMatch(/[\u4e00-\u9fff]{2}/);
      expect(slot.accepts.length).toBeGreaterThan(0);
      for (const type of slot.accepts) expect(EVIDENCE_CONTENT_TYPES).toContain(type);
      expect(slot.files.min).toBeGreaterThanOrEqual(1);
      expect(slot.files.max).toBeGreaterThanOrEqual(slot.files.min);
      expect(slot.per === "item").toBe(slot.items !== undefined);
    }
  });

  it("R7.3 the content types are exactly PDF, JPEG and PNG", () => {
    expect(EVIDENCE_CONTENT_TYPES).toEqual(["application/pdf", "image/jpeg", "image/png"]);
  });

  it("R7.2 slots belong to their section and come in the order of the form", () => {
    expect(EVIDENCE_SLOTS.map((slot) => slot.section)).toEqual(
      SECTION_IDS.flatMap((section) => SLOT_CATALOGUE[section].map(() => section)),
    );
    expect(SLOT_CATALOGUE.summary).toEqual([]);
  });

  it("R7.3 slots are looked up by id", () => {
    expect(evidenceSlot("id_photo")?.title).toBe("证件照片");
    expect(evidenceSlot("nope")).toBeUndefined();
    expect(isSlotId("annual_assessment")).toBe(true);
    expect(isSlotId("nope")).toBe(false);
  });

  it("R7.4 the ID photo is one JPEG or PNG image", () => {
    expect(evidenceSlot("id_photo")).toMatchObject({
      accepts: ["image/jpeg", "image/png"],
      files: { min: 1, max: 1 },
    });
  });

  it("R7.7 the think-tank slot explains how levels are recognised and that neutral wording does not count", () => {
    const notes = evidenceSlot("think_tank_evidence")?.notes.join("\n") ?? "";
    expect(notes).toContain("“阅”“批阅”等中性用语不认定为肯定性批示");
    expect(notes).toContain("国家级：被中央办公厅、国务院采用");
    expect(notes).toContain("省级：被省级党委政府采用");
    expect(notes).toContain("市级：被市级党委政府、省厅（局）采用");
  });

  it("R7.6 each annual assessment is one PDF", () => {
    expect(evidenceSlot("annual_assessment")).toMatchObject({
      accepts: ["application/pdf"],
      files: { min: 1, max: 1 },
    });
  });
});

describe("R7.4 when the basic section's slots are required", () => {
  it("R7.4 establishment staff need the photo, recommendation, education (no reviewer has checked it on 学信网 yet), title, appointment and post usage", () => {
    expect(Object.keys(required(SLOT_CATALOGUE.basic, basic))).toEqual([
      "id_photo",
      "recommendation_report",
      "education_evidence",
      "title_certificate",
      "appointment_proof",
      "post_usage",
    ]);
  });

  it.each([
    ["contract", "payments", ["social_insurance"]],
    ["enterprise", "payments", ["social_insurance"]],
    ["enterprise", "headquarters_payments", ["social_insurance_headquarters"]],
    [
      "contract",
      "alternative",
      ["identity_statement", "labour_contract", "salary_statement", "signed_roster"],
    ],
    ["establishment", "payments", []],
    ["flexible", "payments", []],
  ] as const)("R7.4 %s staff proving social insurance by %s", (employmentKind, socialInsurance, expected) => {
    const slots = Object.keys(
      required(SLOT_CATALOGUE.basic, {
        ...basic,
        employmentKind,
        socialInsurance,
        outOfProvinceBranch: true,
      }),
    );
    const insurance = [
      "social_insurance",
      "social_insurance_headquarters",
      "identity_statement",
      "labour_contract",
      "salary_statement",
      "signed_roster",
    ];
    expect(slots.filter((id) => insurance.includes(id))).toEqual(expected);
  });

  it("R7.4 the previous series' certificate only after a series change", () => {
    const change = {
      previousSeries: "经济",
      changedOn: "2022-06-15",
      unitAssessmentPassed: true,
      newSeriesSince: "2022-07",
    };
    expect(required(SLOT_CATALOGUE.basic, basic).previous_series_certificate).toBeUndefined();
    expect(
      required(SLOT_CATALOGUE.basic, { ...basic, seriesChange: change }).previous_series_certificate,
    ).toEqual([{}]);
  });

  it("R7.4 the title certificate only with a current title", () => {
    expect(
      required(SLOT_CATALOGUE.basic, { ...basic, currentTitle: null }).title_certificate,
    ).toBeUndefined();
  });

  it("R7.4 education evidence for every record no reviewer found on 学信网, with what to upload", () => {
    const record = basic.education[0];
    if (!record) throw new Error("fixture");
    const education: BasicSection["education"] = [
      record,
      { ...record, school: "莫斯科大学", origin: "foreign", certificateNumber: "F-1" },
      { ...record, school: "香港大学", origin: "hk_macau_taiwan", certificateNumber: "H-2" },
      { ...record, school: "省委党校", origin: "party_school", certificateNumber: "P-3" },
      { ...record, school: "卫校", origin: "secondary_school", certificateNumber: "S-4" },
      {
        ...record,
        school: "技校甲",
        origin: "technical_school",
        graduatedOn: "2008-01-01",
        certificateNumber: "T-5",
      },
      {
        ...record,
        school: "技校乙",
        origin: "technical_school",
        graduatedOn: "2007-12-31",
        certificateNumber: "T-6",
      },
      { ...record, school: "西北师大", certificateNumber: "N-7" },
    ];
    const checked = { ...CONTEXT, registryMatches: [record.certificateNumber] };
    expect(required(SLOT_CATALOGUE.basic, { ...basic, education }, checked).education_evidence).toEqual([
      { index: 1, label: "学习经历2（莫斯科大学）", note: "教育部留学服务中心认证的《国外学历学位认证书》" },
      { index: 2, label: "学习经历3（香港大学）", note: "教育部留学服务中心认证的《港澳台学历学位认证书》" },
      { index: 3, label: "学习经历4（省委党校）", note: "学籍卡或毕业生登记表等相关材料" },
      { index: 4, label: "学习经历5（卫校）", note: "学籍卡或毕业生登记表等相关材料" },
      { index: 5, label: "学习经历6（技校甲）", note: "网上毕业证书查询结果" },
      { index: 6, label: "学习经历7（技校乙）", note: "毕业生登记表或学籍卡" },
      { index: 7, label: "学习经历8（西北师大）", note: "毕业证书、学位证书扫描件" },
    ]);
  });

  it("R7.4 until a reviewer records the registry check, even a domestic degree needs its evidence", () => {
    expect(required(SLOT_CATALOGUE.basic, basic).education_evidence).toEqual([
      { index: 0, label: "学习经历1（兰州大学）", note: "毕业证书、学位证书扫描件" },
    ]);
    // A check binds the certificate number it was made for: an edited number is unchecked again.
    const edited = { ...basic, education: basic.education.map((r) => ({ ...r, certificateNumber: "X-1" })) };
    const checked = { ...CONTEXT, registryMatches: [basic.education[0]?.certificateNumber ?? ""] };
    expect(required(SLOT_CATALOGUE.basic, basic, checked).education_evidence).toBeUndefined();
    expect(required(SLOT_CATALOGUE.basic, edited, checked).education_evidence).toHaveLength(1);
  });

  it("R7.4 the appointment proof asked for depends on the kind of employment", () => {
    expect(required(SLOT_CATALOGUE.basic, basic).appointment_proof).toEqual([
      { note: "连续的《事业单位岗位聘用人员备案表》或《工资变动审批表》" },
    ]);
    expect(
      required(SLOT_CATALOGUE.basic, { ...basic, employmentKind: "contract", socialInsurance: "payments" })
        .appointment_proof,
    ).toEqual([{ note: "单位聘任文件或聘书" }]);
  });
});

describe("R7.5–R7.7 when the other sections' slots are required", () => {
  it("R7.5 moral assessment, integrity and publicity always; one proof per honour", () => {
    const moral: MoralSection = {
      assessment: "合格",
      honours: [{ title: "优秀共产党员", issuer: "市委", awardedOn: "2021-07-01" }],
    };
    expect(required(SLOT_CATALOGUE.moral, moral)).toEqual({
      moral_assessment: [{}],
      honour_evidence: [{ index: 0, label: "荣誉1《优秀共产党员》" }],
      integrity_report: [{}],
      publicity_report: [{}],
    });
  });

  const ability: AbilitySection = {
    workExperience: [{ category: "教学培训", from: "2019-01", to: null, content: "主讲" }],
    annualAssessments: [],
    continuingEducation: [],
    grassrootsService: null,
  };

  it("R7.6 five annual assessments, one per year, for the five years before the round", () => {
    expect(required(SLOT_CATALOGUE.ability, ability).annual_assessment).toEqual([
      { year: 2019, label: "2019年度" },
      { year: 2020, label: "2020年度" },
      { year: 2021, label: "2021年度" },
      { year: 2022, label: "2022年度" },
      { year: 2023, label: "2023年度" },
    ]);
  });

  it("R7.6 grassroots service evidence only where the rule set requires it", () => {
    expect(required(SLOT_CATALOGUE.ability, ability).grassroots_service).toBeUndefined();
    expect(
      required(SLOT_CATALOGUE.ability, ability, { ...CONTEXT, grassrootsServiceRequired: true })
        .grassroots_service,
    ).toEqual([{}]);
  });

  it("R7.6 one work-experience proof per entry, and continuing education always", () => {
    const slots = required(SLOT_CATALOGUE.ability, ability);
    expect(slots.work_experience_evidence).toEqual([{ index: 0, label: "工作经历1（教学培训）" }]);
    expect(slots.continuing_education).toEqual([{}]);
  });

  it("R7.7 each paper in parts; a translation only for foreign papers; a report only when CNKI does not index it", () => {
    const papers = [
      paper,
      { ...paper, title: "Training", language: "foreign" as const, cnkiIndexed: false, duplicateRatio: 10 },
    ];
    const slots = required(SLOT_CATALOGUE.achievements, { ...emptyAchievements, papers });
    const both = [
      { index: 0, label: "论文1《论干部教育培训》" },
      { index: 1, label: "论文2《Training》" },
    ];
    expect(slots).toEqual({
      paper_cover: both,
      paper_sponsor_page: both,
      paper_contents_page: both,
      paper_body: both,
      paper_translation: [{ index: 1, label: "论文2《Training》" }],
      paper_duplicate_report: [{ index: 1, label: "论文2《Training》" }],
    });
  });

  it("R7.7 monographs, projects, awards, think-tank results and others each have their slots", () => {
    const section: AchievementsSection = {
      papers: [],
      monographs: [
        {
          title: "论著",
          publisher: "出版社",
          publishedOn: "2021-01-01",
          wordCountThousands: 200,
          role: "主编",
        },
      ],
      projects: [
        {
          title: "课题",
          source: "省社科规划办",
          approvedOn: "2021-01-01",
          completedOn: "2022-01-01",
          rank: 1,
        },
      ],
      awards: [{ title: "奖", issuer: "省委", awardedOn: "2020-01-01", standardClause: "第三条" }],
      thinkTank: [
        {
          title: "建议",
          kind: "adoption",
          level: "municipal",
          channel: "市委",
          obtainedOn: "2022-01-01",
          instructionWording: null,
        },
      ],
      others: [{ title: "编委", standardClause: "第五条", obtainedOn: "2019-01-01" }],
    };
    expect(
      Object.entries(required(SLOT_CATALOGUE.achievements, section)).map(([id, instances]) => [
        id,
        instances,
      ]),
    ).toEqual([
      ["monograph_cover", [{ index: 0, label: "论著1《论著》" }]],
      ["monograph_copyright_page", [{ index: 0, label: "论著1《论著》" }]],
      ["monograph_contents_page", [{ index: 0, label: "论著1《论著》" }]],
      ["monograph_editorial_board", [{ index: 0, label: "论著1《论著》" }]],
      ["monograph_word_count_page", [{ index: 0, label: "论著1《论著》" }]],
      ["project_approval", [{ index: 0, label: "课题1《课题》" }]],
      ["project_completion", [{ index: 0, label: "课题1《课题》" }]],
      ["project_ranking_page", [{ index: 0, label: "课题1《课题》" }]],
      ["award_evidence", [{ index: 0, label: "奖励1《奖》" }]],
      ["think_tank_evidence", [{ index: 0, label: "智库成果1《建议》" }]],
      ["other_achievement_evidence", [{ index: 0, label: "其他业绩1《编委》" }]],
    ]);
  });
});
