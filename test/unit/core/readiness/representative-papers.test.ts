import { describe, expect, it } from "vitest";
import {
  type ApplicationDraft,
  assertReady,
  designatedPapers,
  designationProblems,
  type EvidenceRecord,
  readinessChecklist,
} from "../../../../functions/core/readiness";
import { SAMPLE_BASE_INFO, samplePaper, sampleSections } from "../../../support/sample-application";

const papers = [samplePaper("论干部教育培训"), samplePaper("培训评估方法"), samplePaper("第三篇")];

const body = (
  evidenceId: string,
  index: number,
  status: EvidenceRecord["status"] = "verified",
): EvidenceRecord => ({
  evidenceId,
  slotId: "paper_body",
  status,
  contentType: "application/pdf",
  index,
});

const UPLOADS: EvidenceRecord[] = [
  body("body-0", 0),
  body("body-1", 1),
  {
    evidenceId: "cover-0",
    slotId: "paper_cover",
    status: "verified",
    contentType: "application/pdf",
    index: 0,
  },
  body("pending-2", 2, "pending"),
  body("orphan-7", 7),
  // A refused second file of paper 1's text is no part of it: the text is still one file.
  body("refused-0", 0, "refused"),
];

describe("R4.4 the designation of two representative papers", () => {
  it.each([
    ["two texts of different papers", ["body-0", "body-1"], []],
    ["in the applicant's own order", ["body-1", "body-0"], []],
    ["none", [], [{ message: "请从已上传的论文正文中指定2篇代表作，供论文鉴定专家评审（现已指定0篇）" }]],
    [
      "only one",
      ["body-0"],
      [{ message: "请从已上传的论文正文中指定2篇代表作，供论文鉴定专家评审（现已指定1篇）" }],
    ],
    ["three", ["body-0", "body-1", "cover-0"], [{ message: expect.stringContaining("现已指定3篇") }]],
    [
      "an upload that no longer exists",
      ["body-0", "gone"],
      [{ position: 1, message: "第2篇代表作所指的文件已不存在，请重新指定" }],
    ],
    [
      "a cover page instead of the text",
      ["cover-0", "body-1"],
      [{ position: 0, message: "第1篇代表作须为“论文正文”栏目中上传的文件" }],
    ],
    [
      "a text still being checked",
      ["body-0", "pending-2"],
      [{ position: 1, message: "第2篇代表作的论文正文尚未确认上传完成，请完成上传后再指定" }],
    ],
    [
      "a text that was refused at its upload",
      ["body-0", "refused-0"],
      [{ position: 1, message: "第2篇代表作的论文正文未通过上传校验，请重新上传后再指定" }],
    ],
    [
      "a text of no paper the form lists",
      ["orphan-7", "body-1"],
      [{ position: 0, message: "第1篇代表作的文件不对应业绩成果中填报的任何一篇论文，请重新指定" }],
    ],
    [
      "the same paper twice",
      ["body-0", "body-0"],
      [
        {
          position: 1,
          message: "第2篇代表作与第1篇代表作同为论文1《论干部教育培训》，两篇代表作须为不同的论文",
        },
      ],
    ],
  ])("R4.4 %s", (_name, designated, expected) => {
    expect(designationProblems(designated, UPLOADS, papers)).toEqual(expected);
  });

  it("R4.4 R7.3 a paper whose text is several scans must be merged into one PDF before it is designated", () => {
    const uploads = [...UPLOADS, body("body-0-page-2", 0)];
    expect(designationProblems(["body-0", "body-1"], uploads, papers)).toEqual([
      {
        position: 0,
        message:
          "第1篇代表作论文1《论干部教育培训》的正文由2个文件组成，请先将其合并为一个PDF，再指定合并后的文件",
      },
    ]);
  });

  it("R4.4 the designated uploads name the papers they are the text of", () => {
    expect(designatedPapers(["body-1", "body-0", "gone"], UPLOADS)).toEqual([
      { evidenceId: "body-1", paperIndex: 1 },
      { evidenceId: "body-0", paperIndex: 0 },
    ]);
  });
});

describe("R4.4 the designation in the submission checklist", () => {
  const pdf = (slotId: EvidenceRecord["slotId"], place: { index?: number; year?: number } = {}) =>
    ({ slotId, status: "verified", contentType: "application/pdf", ...place }) as EvidenceRecord;
  const complete: EvidenceRecord[] = [
    { slotId: "id_photo", status: "verified", contentType: "image/jpeg" },
    ...(
      [
        "recommendation_report",
        "title_certificate",
        "appointment_proof",
        "post_usage",
        "moral_assessment",
        "integrity_report",
        "publicity_report",
        "continuing_education",
      ] as const
    ).map((slot) => pdf(slot)),
    pdf("work_experience_evidence", { index: 0 }),
    pdf("education_evidence", { index: 0 }),
    ...[2019, 2020, 2021, 2022, 2023].map((year) => pdf("annual_assessment", { year })),
    ...[0, 1].flatMap((index) => [
      pdf("paper_cover", { index }),
      pdf("paper_sponsor_page", { index }),
      pdf("paper_contents_page", { index }),
      body(`body-${index}`, index),
    ]),
  ];
  const draft = (representativePapers: string[]): ApplicationDraft => ({
    baseInfo: SAMPLE_BASE_INFO,
    sections: sampleSections(),
    confirmedSections: ["basic", "moral", "ability", "achievements", "summary"],
    pledgeSigned: true,
    representativePapers,
  });
  const context = {
    roundYear: 2024,
    achievementCutoff: "2024-09-30",
    grassrootsServiceRequired: false,
    registryMatches: [],
  };

  it("R4.4 without a designation the achievements list the problem, and submission is refused naming it", () => {
    const checklist = readinessChecklist(draft([]), complete, context);
    expect(checklist.sections).toEqual([
      {
        section: "achievements",
        title: "业绩成果",
        items: [
          {
            rule: "R4.4",
            code: "REPRESENTATIVE_PAPERS_NOT_DESIGNATED",
            message: "请从已上传的论文正文中指定2篇代表作，供论文鉴定专家评审（现已指定0篇）",
            field: "achievements.representativePapers",
          },
        ],
        slots: [],
      },
    ]);
    expect(() => assertReady(checklist)).toThrow(expect.objectContaining({ code: "APPLICATION_NOT_READY" }));
  });

  it("R4.4 a wrong designation is listed at the designated paper it is about", () => {
    const checklist = readinessChecklist(draft(["body-0", "gone"]), complete, context);
    expect(checklist.sections[0]?.items).toEqual([
      {
        rule: "R4.4",
        code: "REPRESENTATIVE_PAPER_INVALID",
        message: "第2篇代表作所指的文件已不存在，请重新指定",
        field: "achievements.representativePapers.1",
      },
    ]);
  });

  it("R4.4 with two valid papers designated, nothing is left to fix", () => {
    expect(readinessChecklist(draft(["body-0", "body-1"]), complete, context)).toEqual({ sections: [] });
  });

  it("R4.4 while a paper's text is missing the slot says so, and the designation waits for it", () => {
    const withoutText = complete.filter((record) => record.evidenceId !== "body-1");
    const checklist = readinessChecklist(draft(["body-0"]), withoutText, context);
    expect(checklist.sections[0]?.items).toEqual([]);
    expect(checklist.sections[0]?.slots.map((slot) => [slot.slotId, slot.items[0]?.code])).toEqual([
      ["paper_body", "EVIDENCE_MISSING"],
    ]);
  });
});
