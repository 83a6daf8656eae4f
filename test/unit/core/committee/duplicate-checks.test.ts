import { describe, expect, it } from "vitest";
import { duplicateCheckProblems, recordedDuplicateChecks } from "../../../../functions/core/committee";
import { samplePaper } from "../../../support/sample-application";

const papers = [
  samplePaper("论干部教育培训"),
  { ...samplePaper("培训评估方法"), journalLevel: "provincial" as const },
  { ...samplePaper("未收录的论文"), cnkiIndexed: false, duplicateRatio: 9 },
];
/** Papers 1 and 2 (0-based 0 and 1) are the representative papers. */
const representative = [0, 1];

describe("R7.7 the office's 中国知网 check of indexed papers, recorded with the qualification review", () => {
  it.each<[string, { paperIndex: number; duplicateRatio: number }[], "passed" | "failed", string[]]>([
    [
      "every indexed paper checked, within its limit",
      [
        { paperIndex: 0, duplicateRatio: 15 },
        { paperIndex: 1, duplicateRatio: 25 },
      ],
      "passed",
      [],
    ],
    [
      "an indexed paper not checked",
      [{ paperIndex: 0, duplicateRatio: 3 }],
      "passed",
      ["body.duplicateChecks: 请记录论文2《培训评估方法》的中国知网查重结果（去除引用文献复制比）"],
    ],
    [
      "a ratio for a paper CNKI does not index",
      [
        { paperIndex: 0, duplicateRatio: 3 },
        { paperIndex: 1, duplicateRatio: 3 },
        { paperIndex: 2, duplicateRatio: 3 },
      ],
      "passed",
      [
        "body.duplicateChecks.2.paperIndex: 论文3《未收录的论文》未被中国知网收录，以申报人上传的单位盖章查重报告单为准，不由省职改办记录",
      ],
    ],
    [
      "a paper the form does not list",
      [
        { paperIndex: 0, duplicateRatio: 3 },
        { paperIndex: 1, duplicateRatio: 3 },
        { paperIndex: 5, duplicateRatio: 3 },
      ],
      "passed",
      ["body.duplicateChecks.2.paperIndex: 申报人未填报第6篇论文"],
    ],
    [
      "the same paper twice",
      [
        { paperIndex: 0, duplicateRatio: 3 },
        { paperIndex: 1, duplicateRatio: 3 },
        { paperIndex: 0, duplicateRatio: 4 },
      ],
      "passed",
      ["body.duplicateChecks.2.paperIndex: 论文1《论干部教育培训》的复制比重复填写"],
    ],
    [
      "a representative core-journal paper at 15.01%",
      [
        { paperIndex: 0, duplicateRatio: 15.01 },
        { paperIndex: 1, duplicateRatio: 3 },
      ],
      "passed",
      [
        "body.outcome: 代表作论文1《论干部教育培训》的去除引用文献复制比为15.01%，核心期刊论文不得超过15%，不能送论文鉴定；请作资格初审不通过处理并写明R7.7",
      ],
    ],
    ["nothing checked, when the review fails anyway", [], "failed", []],
    [
      "a representative paper over its limit, when the review fails",
      [{ paperIndex: 1, duplicateRatio: 40 }],
      "failed",
      [],
    ],
  ])("R7.7 %s", (_, checks, outcome, expected) => {
    const problems = duplicateCheckProblems(papers, checks, representative, outcome);
    expect(problems.map((problem) => `${problem.path}: ${problem.message}`)).toEqual(expected);
  });

  it("R7.7 a paper that is not representative may exceed its limit: it just does not count", () => {
    expect(
      duplicateCheckProblems(
        papers,
        [
          { paperIndex: 0, duplicateRatio: 20 },
          { paperIndex: 1, duplicateRatio: 3 },
        ],
        [1],
        "passed",
      ),
    ).toEqual([]);
    expect(
      recordedDuplicateChecks(papers, [
        { paperIndex: 0, duplicateRatio: 20 },
        { paperIndex: 1, duplicateRatio: 25 },
      ]),
    ).toEqual([
      { paperIndex: 0, duplicateRatio: 20, limit: 15, withinLimit: false },
      { paperIndex: 1, duplicateRatio: 25, limit: 25, withinLimit: true },
    ]);
  });
});
