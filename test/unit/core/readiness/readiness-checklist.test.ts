import { describe, expect, it } from "vitest";
import { DomainError } from "../../../../functions/core/errors";
import {
  type ApplicationDraft,
  assertReady,
  type Checklist,
  type EvidenceRecord,
  isReady,
  type ReadinessContext,
  readinessChecklist,
} from "../../../../functions/core/readiness";
import { SAMPLE_BASE_INFO, samplePaper, sampleSections } from "../../../support/sample-application";

const CONTEXT: ReadinessContext = {
  roundYear: 2024,
  achievementCutoff: "2024-09-30",
  grassrootsServiceRequired: false,
  registryMatches: [],
};

function application(change: Partial<ApplicationDraft> = {}): ApplicationDraft {
  return {
    baseInfo: SAMPLE_BASE_INFO,
    sections: sampleSections(),
    confirmedSections: ["basic", "moral", "ability", "achievements", "summary"],
    pledgeSigned: true,
    representativePapers: ["paper-body-0", "paper-body-1"],
    ...change,
  };
}

const pdf = (
  slotId: EvidenceRecord["slotId"],
  place: { index?: number; year?: number } = {},
): EvidenceRecord => ({
  slotId,
  status: "verified",
  contentType: "application/pdf",
  ...place,
});

function evidence(): EvidenceRecord[] {
  return [
    { slotId: "id_photo", status: "verified", contentType: "image/jpeg" },
    pdf("recommendation_report"),
    pdf("education_evidence", { index: 0 }),
    pdf("title_certificate"),
    pdf("appointment_proof"),
    pdf("post_usage"),
    pdf("moral_assessment"),
    pdf("integrity_report"),
    pdf("publicity_report"),
    pdf("work_experience_evidence", { index: 0 }),
    ...[2019, 2020, 2021, 2022, 2023].map((year) => pdf("annual_assessment", { year })),
    pdf("continuing_education"),
    ...[0, 1].flatMap((index) =>
      (["paper_cover", "paper_sponsor_page", "paper_contents_page", "paper_body"] as const).map((slot) =>
        slot === "paper_body"
          ? { ...pdf(slot, { index }), evidenceId: `paper-body-${index}` }
          : pdf(slot, { index }),
      ),
    ),
  ];
}

/** Every item as [section, slot or "", code], in checklist order. */
function items(checklist: Checklist): [string, string, string][] {
  return checklist.sections.flatMap((group) => [
    ...group.items.map((item): [string, string, string] => [group.section, "", item.code]),
    ...group.slots.flatMap((slot) =>
      slot.items.map((item): [string, string, string] => [group.section, slot.slotId, item.code]),
    ),
  ]);
}

function check(draft = application(), records = evidence(), context = CONTEXT) {
  return readinessChecklist(draft, records, context);
}

function allItems(checklist: Checklist) {
  return checklist.sections.flatMap((group) => [
    ...group.items,
    ...group.slots.flatMap((slot) => slot.items),
  ]);
}

describe("readiness checklist", () => {
  it("R7.3 a complete, confirmed, pledged application with all its evidence is ready", () => {
    const checklist = check();
    expect(checklist).toEqual({ sections: [] });
    expect(isReady(checklist)).toBe(true);
    expect(() => assertReady(checklist)).not.toThrow();
  });

  it("R7.3 anything on the list blocks submission with a 422 naming every item", () => {
    const checklist = check(
      application({
        pledgeSigned: false,
        confirmedSections: ["basic", "ability", "achievements", "summary"],
      }),
      evidence().slice(1),
    );
    expect(isReady(checklist)).toBe(false);
    try {
      assertReady(checklist);
      expect.unreachable();
    } catch (domain) {
      if (!(domain instanceof DomainError)) throw domain;
      expect(domain.kind).toBe("rule_violation");
      expect(domain.code).toBe("APPLICATION_NOT_READY");
      expect(domain.details.rule).toBe("R7.3");
      expect(domain.details.fields).toEqual([
        { path: "evidence.id_photo", message: "缺少证件照片", rule: "R7.4", code: "EVIDENCE_MISSING" },
        {
          path: "moral",
          message: "请核对“品德相关信息”的信息，确认无误后点击确认",
          rule: expect.any(String),
          code: "SECTION_NOT_CONFIRMED",
        },
        {
          path: "pledge",
          message: expect.stringContaining("诚信承诺书"),
          rule: "R4.1",
          code: "PLEDGE_NOT_SIGNED",
        },
      ]);
      expect(domain.message).toBe("申报材料还有3处需要补充或修改，请按检查清单逐项处理后再提交。");
    }
  });
});

describe("R7.1, R7.2 and R4.1: the form itself", () => {
  it("R7.1 the base information must be filled in", () => {
    expect(check(application({ baseInfo: null }))).toStrictEqual({
      sections: [
        {
          section: "base_info",
          title: "基础信息",
          items: [
            {
              rule: "R7.1",
              code: "BASE_INFO_MISSING",
              message: "请先填写基础信息（姓名、单位名称、申报方式、申报系列、申报资格、申报专业、有效范围）",
            },
          ],
          slots: [],
        },
      ],
    });
    expect(items(check(application({ baseInfo: undefined })))).toEqual([
      ["base_info", "", "BASE_INFO_MISSING"],
    ]);
  });

  it("R7.1 invalid base information is reported field by field", () => {
    const draft = application({ baseInfo: { ...SAMPLE_BASE_INFO, applicationMethod: "考核认定" } });
    expect(check(draft).sections).toStrictEqual([
      {
        section: "base_info",
        title: "基础信息",
        items: [
          {
            rule: "R7.1",
            code: "FIELD_INVALID",
            message: "申报方式只能选择正常申报（regular）或破格申报（exceptional），不得选择“考核认定”",
            field: "base_info.applicationMethod",
          },
        ],
        slots: [],
      },
    ]);
  });

  it.each(["basic", "moral", "ability", "achievements", "summary"] as const)(
    "R7.2 the %s section must be filled in, and its evidence is not judged until it is",
    (section) => {
      const { [section]: _dropped, ...rest } = sampleSections();
      const checklist = check(application({ sections: rest }));
      expect(items(checklist)).toEqual([[section, "", "SECTION_MISSING"]]);
      expect(allItems(checklist)[0]).toStrictEqual({
        rule: "R7.2",
        code: "SECTION_MISSING",
        message: `“${checklist.sections[0]?.title}”尚未填写，请填写并确认`,
        field: section,
      });
    },
  );

  it("R7.2 a section stored as null counts as not filled in", () => {
    expect(items(check(application({ sections: { ...sampleSections(), moral: null } })))).toEqual([
      ["moral", "", "SECTION_MISSING"],
    ]);
  });

  it("R7.2 an invalid section that is not confirmed shows both", () => {
    const draft = application({
      sections: { ...sampleSections(), summary: { text: "" } },
      confirmedSections: ["basic", "moral", "ability", "achievements"],
    });
    expect(items(check(draft))).toEqual([
      ["summary", "", "FIELD_INVALID"],
      ["summary", "", "SECTION_NOT_CONFIRMED"],
    ]);
  });

  it("R7.2 each section must be confirmed by the applicant", () => {
    const checklist = check(application({ confirmedSections: ["basic", "ability", "summary"] }));
    expect(items(checklist)).toEqual([
      ["moral", "", "SECTION_NOT_CONFIRMED"],
      ["achievements", "", "SECTION_NOT_CONFIRMED"],
    ]);
    expect(checklist.sections.map((group) => group.title)).toEqual(["品德相关信息", "业绩成果"]);
    expect(allItems(checklist)[0]).toStrictEqual({
      rule: "R7.2",
      code: "SECTION_NOT_CONFIRMED",
      message: "请核对“品德相关信息”的信息，确认无误后点击确认",
      field: "moral",
    });
  });

  it("R4.1 the integrity pledge must be signed", () => {
    const checklist = check(application({ pledgeSigned: false }));
    expect(items(checklist)).toEqual([["pledge", "", "PLEDGE_NOT_SIGNED"]]);
    expect(checklist.sections[0]?.title).toBe("诚信承诺书");
    expect(allItems(checklist)[0]?.rule).toBe("R4.1");
  });

  it("R7.8 a summary over 800 characters is reported at its field, with the section's rule", () => {
    const draft = application({ sections: { ...sampleSections(), summary: { text: "𠀀".repeat(801) } } });
    expect(allItems(check(draft))).toEqual([
      {
        rule: "R7.8",
        code: "FIELD_INVALID",
        message: "专业技术工作小结不得超过800个字",
        field: "summary.text",
      },
    ]);
  });

  it("R7.4 an invalid section is reported field by field, and its uploads wait for the fix", () => {
    const basic = { ...sampleSections().basic, residentId: "123" };
    const checklist = check(application({ sections: { ...sampleSections(), basic } }), evidence().slice(1));
    expect(items(checklist)).toEqual([["basic", "", "FIELD_INVALID"]]);
    expect(allItems(checklist)[0]).toMatchObject({ rule: "R7.4", field: "basic.residentId" });
  });

  it.each([
    ["moral", { assessment: "" }, "R7.5", "moral.assessment"],
    ["ability", { ...sampleSections().ability, workExperience: [] }, "R7.6", "ability.workExperience"],
    ["achievements", { ...sampleSections().achievements, papers: "none" }, "R7.7", "achievements.papers"],
  ])("R7.2 an invalid %s section names the section's rule and the field", (section, data, rule, field) => {
    const [item] = allItems(check(application({ sections: { ...sampleSections(), [section]: data } })));
    expect(item).toMatchObject({ rule, code: "FIELD_INVALID", field });
  });

  it("R7.2 groups come in the order of the form, each section's content before its uploads", () => {
    const draft = application({
      pledgeSigned: false,
      confirmedSections: ["basic", "moral", "ability", "summary"],
    });
    const records = evidence().filter((r) => r.slotId !== "paper_body" && r.slotId !== "post_usage");
    expect(items(check(draft, records))).toEqual([
      ["basic", "post_usage", "EVIDENCE_MISSING"],
      ["achievements", "", "SECTION_NOT_CONFIRMED"],
      ["achievements", "paper_body", "EVIDENCE_MISSING"],
      ["achievements", "paper_body", "EVIDENCE_MISSING"],
      ["pledge", "", "PLEDGE_NOT_SIGNED"],
    ]);
  });
});

describe("R7.3–R7.7: uploads", () => {
  it("R7.4 a missing upload is named with its slot and what to upload", () => {
    const checklist = check(
      application(),
      evidence().filter((r) => r.slotId !== "appointment_proof"),
    );
    expect(checklist.sections).toEqual([
      {
        section: "basic",
        title: "基本信息",
        items: [],
        slots: [
          {
            slotId: "appointment_proof",
            title: "专业技术职务聘用证明",
            items: [
              {
                rule: "R7.4",
                code: "EVIDENCE_MISSING",
                message:
                  "缺少专业技术职务聘用证明，请上传连续的《事业单位岗位聘用人员备案表》或《工资变动审批表》",
              },
            ],
          },
        ],
      },
    ]);
  });

  it("R7.6 each of the five annual assessments is required, by year", () => {
    const records = evidence().filter((r) => !(r.slotId === "annual_assessment" && r.year === 2021));
    expect(allItems(check(application(), records))).toStrictEqual([
      { rule: "R7.6", code: "EVIDENCE_MISSING", message: "2021年度：缺少年度考核结果", year: 2021 },
    ]);
  });

  it("R7.7 per-item uploads name the item", () => {
    const records = evidence().filter((r) => !(r.slotId === "paper_cover" && r.index === 1));
    expect(allItems(check(application(), records))).toStrictEqual([
      {
        rule: "R7.7",
        code: "EVIDENCE_MISSING",
        message: "论文2《培训评估方法》：缺少论文刊物封面",
        index: 1,
      },
    ]);
  });

  it("R7.3 an upload still being checked is pending, not missing", () => {
    const records = evidence().map(
      (r): EvidenceRecord => (r.slotId === "post_usage" ? { ...r, status: "pending" } : r),
    );
    expect(allItems(check(application(), records))).toStrictEqual([
      {
        rule: "R7.3",
        code: "EVIDENCE_PENDING",
        message:
          "岗位使用情况有1个文件尚未确认上传完成，请上传文件后点击“完成上传”由系统校验，或删除后重新上传",
      },
    ]);
  });

  const refused = (slotId: EvidenceRecord["slotId"], place: { index?: number; year?: number } = {}) => ({
    ...pdf(slotId, place),
    status: "refused" as const,
    fileName: "岗位使用情况.pdf",
    refusal: "文件实际为PNG格式，与申请上传时声明的PDF格式不一致，请按实际格式重新申请上传。",
  });

  it("R7.3 a place whose only upload was refused is still missing, and the checklist says why", () => {
    const records = [...evidence().filter((r) => r.slotId !== "post_usage"), refused("post_usage")];
    expect(allItems(check(application(), records))).toStrictEqual([
      {
        rule: "R7.4",
        code: "EVIDENCE_MISSING",
        message:
          "缺少岗位使用情况。上传的文件“岗位使用情况.pdf”未通过校验：文件实际为PNG格式，与申请上传时声明的PDF格式不一致，请按实际格式重新申请上传。请在此处重新上传，未通过的记录会自动清除",
      },
    ]);
  });

  it("R7.3 a refused upload never blocks: beside a verified one, or at a place no longer asked for", () => {
    const records = [
      ...evidence(),
      refused("post_usage"),
      refused("annual_assessment", { year: 2018 }),
      refused("paper_body", { index: 7 }),
    ];
    expect(allItems(check(application(), records))).toStrictEqual([]);
    expect(isReady(check(application(), records))).toBe(true);
  });

  it("R7.3 a slot whose only upload is pending is not ready, and shows as pending rather than missing", () => {
    const records = [
      ...evidence().filter((r) => r.slotId !== "post_usage"),
      { ...pdf("post_usage"), status: "pending" as const },
    ];
    expect(items(check(application(), records))).toEqual([["basic", "post_usage", "EVIDENCE_PENDING"]]);
    expect(isReady(check(application(), records))).toBe(false);
  });

  it("R7.3 a file of a type the slot does not accept is reported and does not count", () => {
    const records = evidence().map(
      (r): EvidenceRecord => (r.slotId === "id_photo" ? { ...r, contentType: "application/pdf" } : r),
    );
    expect(allItems(check(application(), records))).toEqual([
      {
        rule: "R7.3",
        code: "EVIDENCE_TYPE_NOT_ACCEPTED",
        message: "证件照片只接受JPG、PNG格式，有1个文件格式不符，请删除后重新上传",
      },
      { rule: "R7.4", code: "EVIDENCE_MISSING", message: "缺少证件照片" },
    ]);
  });

  it("R7.6 an annual assessment must be a PDF", () => {
    const records = evidence().map(
      (r): EvidenceRecord =>
        r.slotId === "annual_assessment" && r.year === 2019 ? { ...r, contentType: "image/png" } : r,
    );
    expect(allItems(check(application(), records))[0]).toStrictEqual({
      rule: "R7.3",
      code: "EVIDENCE_TYPE_NOT_ACCEPTED",
      message: "2019年度：年度考核结果只接受PDF格式，有1个文件格式不符，请删除后重新上传",
      year: 2019,
    });
  });

  it("R7.3 a Word document is refused even next to a valid file", () => {
    const records = [...evidence(), { ...pdf("post_usage"), contentType: "application/msword" }];
    expect(items(check(application(), records))).toEqual([
      ["basic", "post_usage", "EVIDENCE_TYPE_NOT_ACCEPTED"],
    ]);
  });

  it("R7.3 more files than a slot takes are reported", () => {
    const photo: EvidenceRecord = { slotId: "id_photo", status: "verified", contentType: "image/png" };
    const twoPhotos = [...evidence(), photo];
    expect(allItems(check(application(), twoPhotos))).toEqual([
      {
        rule: "R7.4",
        code: "EVIDENCE_TOO_MANY",
        message: "证件照片最多上传1个文件，现有2个；请删除多余的文件，或将有序的图片合并为一个PDF",
      },
    ]);
    const twentyPages = Array.from({ length: 19 }, () => pdf("post_usage"));
    expect(isReady(check(application(), [...evidence(), ...twentyPages]))).toBe(true);
    expect(items(check(application(), [...evidence(), ...twentyPages, pdf("post_usage")]))).toEqual([
      ["basic", "post_usage", "EVIDENCE_TOO_MANY"],
    ]);
  });

  it.each([
    ["a translation of a Chinese paper", pdf("paper_translation", { index: 0 }), "论文中文译文（第1项）"],
    [
      "a duplicate report for a paper CNKI indexes",
      pdf("paper_duplicate_report", { index: 1 }),
      "中国知网查重报告单（第2项）",
    ],
    ["social insurance for establishment staff", pdf("social_insurance"), "近6个月社保参保缴费证明"],
    ["an annual assessment of 2018", pdf("annual_assessment", { year: 2018 }), "年度考核结果（2018年度）"],
    [
      "an annual assessment of the round's own year",
      pdf("annual_assessment", { year: 2024 }),
      "年度考核结果（2024年度）",
    ],
    ["a third paper's cover when there are two", pdf("paper_cover", { index: 2 }), "论文刊物封面（第3项）"],
    ["an annual assessment without a year", pdf("annual_assessment"), "年度考核结果不属于"],
    [
      "a photo with an index",
      { ...pdf("id_photo", { index: 0 }), contentType: "image/png" },
      "证件照片（第1项）",
    ],
  ])("R7.3 %s is misplaced", (_case, record, where) => {
    const found = allItems(check(application(), [...evidence(), record]));
    expect(found).toEqual([
      {
        rule: "R7.3",
        code: "EVIDENCE_NOT_EXPECTED",
        message: expect.stringContaining(where),
        ...(record.index === undefined ? {} : { index: record.index }),
        ...(record.year === undefined ? {} : { year: record.year }),
      },
    ]);
    expect(found[0]?.message).toContain("请删除，或上传到正确的位置");
  });

  it("R7.3 misplaced files in different places are one item each", () => {
    const records = [
      ...evidence(),
      pdf("paper_translation", { index: 0 }),
      pdf("paper_translation", { index: 1 }),
    ];
    expect(allItems(check(application(), records)).map((i) => [i.code, i.index])).toEqual([
      ["EVIDENCE_NOT_EXPECTED", 0],
      ["EVIDENCE_NOT_EXPECTED", 1],
    ]);
  });

  it("R7.3 several misplaced files in one place are one item", () => {
    const records = [...evidence(), pdf("social_insurance"), pdf("social_insurance")];
    expect(items(check(application(), records))).toEqual([
      ["basic", "social_insurance", "EVIDENCE_NOT_EXPECTED"],
    ]);
  });

  it("R7.4 contract staff need their social insurance evidence", () => {
    const basic = {
      ...sampleSections().basic,
      employmentKind: "contract",
      socialInsurance: "alternative",
      underPostManagement: false,
    };
    const draft = application({ sections: { ...sampleSections(), basic } });
    expect(items(check(draft))).toEqual([
      ["basic", "identity_statement", "EVIDENCE_MISSING"],
      ["basic", "labour_contract", "EVIDENCE_MISSING"],
      ["basic", "salary_statement", "EVIDENCE_MISSING"],
      ["basic", "signed_roster", "EVIDENCE_MISSING"],
    ]);
  });

  it("R7.6 grassroots service evidence when the rule set requires it", () => {
    const context = { ...CONTEXT, grassrootsServiceRequired: true };
    expect(items(check(application(), evidence(), context))).toEqual([
      ["ability", "grassroots_service", "EVIDENCE_MISSING"],
    ]);
    expect(isReady(check(application(), [...evidence(), pdf("grassroots_service")], context))).toBe(true);
  });
});

describe("R6.1, R7.6 and R7.7: content that would not count", () => {
  it("R7.6 every one of the last five years needs an annual assessment result", () => {
    const ability = {
      ...sampleSections().ability,
      annualAssessments: [2018, 2019, 2021, 2023, 2024].map((year) => ({ year, result: "competent" })),
    };
    const found = allItems(check(application({ sections: { ...sampleSections(), ability } })));
    expect(found.map((i) => [i.code, i.year, i.field])).toEqual([
      ["ANNUAL_ASSESSMENT_NOT_FILLED", 2020, "ability.annualAssessments"],
      ["ANNUAL_ASSESSMENT_NOT_FILLED", 2022, "ability.annualAssessments"],
    ]);
    expect(found[0]).toMatchObject({
      rule: "R7.6",
      message: "请填写2020年度的考核结果（须逐一填写近五年每年的考核结果）",
    });
  });

  it.each([
    ["2024-09-30", []],
    ["2024-10-01", ["ACHIEVEMENT_AFTER_CUTOFF"]],
  ])("R6.1 a paper published on %s", (publishedOn, expected) => {
    const papers = [samplePaper("论干部教育培训"), { ...samplePaper("培训评估方法"), publishedOn }];
    const found = allItems(
      check(
        application({
          sections: { ...sampleSections(), achievements: { ...sampleSections().achievements, papers } },
        }),
      ),
    );
    expect(found.map((i) => i.code)).toEqual(expected);
    if (expected.length > 0) {
      expect(found[0]).toStrictEqual({
        rule: "R6.1",
        code: "ACHIEVEMENT_AFTER_CUTOFF",
        message:
          "论文2《培训评估方法》取得于2024-10-01，晚于业绩截止日期2024-09-30，本次不能使用，请删除（可在下次申报时使用）",
        field: "achievements.papers.1.publishedOn",
      });
      // Submitting anyway is refused naming R6.1 in the field, beside the refusal's R7.3.
      const refusal = (() => {
        try {
          assertReady(
            check(
              application({
                sections: { ...sampleSections(), achievements: { ...sampleSections().achievements, papers } },
              }),
            ),
          );
        } catch (error) {
          return error as DomainError;
        }
        throw new Error("expected a refusal");
      })();
      expect(refusal.details.rule).toBe("R7.3");
      expect(refusal.details.fields).toEqual([
        expect.objectContaining({
          path: "achievements.papers.1.publishedOn",
          rule: "R6.1",
          code: "ACHIEVEMENT_AFTER_CUTOFF",
        }),
      ]);
    }
  });

  it.each([
    ["core", 15, []],
    ["core", 15.01, ["PAPER_DUPLICATE_RATIO_EXCEEDED"]],
    ["provincial", 25, []],
    ["provincial", 25.01, ["PAPER_DUPLICATE_RATIO_EXCEEDED"]],
  ])("R7.7 a %s-journal paper with a ratio of %d%%", (journalLevel, duplicateRatio, expected) => {
    // The applicant's ratio, from the unit-stamped report, is for papers CNKI does not index.
    const papers = [
      { ...samplePaper("论干部教育培训"), cnkiIndexed: false, journalLevel, duplicateRatio },
      samplePaper("培训评估方法"),
    ];
    const found = allItems(
      check(
        application({
          sections: { ...sampleSections(), achievements: { ...sampleSections().achievements, papers } },
        }),
        [...evidence(), pdf("paper_duplicate_report", { index: 0 })],
      ),
    );
    expect(found.map((i) => i.code)).toEqual(expected);
    if (expected.length > 0) {
      const label = journalLevel === "core" ? "核心期刊" : "省级期刊";
      const limit = journalLevel === "core" ? 15 : 25;
      expect(found[0]).toStrictEqual({
        rule: "R7.7",
        code: "PAPER_DUPLICATE_RATIO_EXCEEDED",
        message: `论文1《论干部教育培训》的去除引用文献复制比为${duplicateRatio}%，${label}论文不得超过${limit}%，该论文不能使用`,
        field: "achievements.papers.0.duplicateRatio",
      });
    }
  });

  it.each([
    ["instruction", "阅", ["THINK_TANK_NEUTRAL_INSTRUCTION"]],
    ["instruction", "批阅。", ["THINK_TANK_NEUTRAL_INSTRUCTION"]],
    ["instruction", "很好，请认真研究", []],
    ["adoption", "阅", []],
  ])("R7.7 a %s think-tank result with the wording %j", (kind, instructionWording, expected) => {
    const result = {
      title: "关于干部培训的建议",
      kind,
      level: "provincial",
      channel: "省委办公厅《决策参考》",
      obtainedOn: "2023-05-01",
      instructionWording,
    };
    const achievements = { ...sampleSections().achievements, thinkTank: [result] };
    const records = [...evidence(), pdf("think_tank_evidence", { index: 0 })];
    const found = allItems(check(application({ sections: { ...sampleSections(), achievements } }), records));
    expect(found.map((i) => i.code)).toEqual(expected);
    if (expected.length > 0) {
      expect(found[0]).toStrictEqual({
        rule: "R7.7",
        code: "THINK_TANK_NEUTRAL_INSTRUCTION",
        message: `智库成果1《关于干部培训的建议》的批示“${instructionWording}”为中性用语，不认定为肯定性批示，该成果不能使用`,
        field: "achievements.thinkTank.0.instructionWording",
      });
    }
  });
});
