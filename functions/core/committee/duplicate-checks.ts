import type { FieldIssue } from "../errors";
import { DUPLICATE_RATIO_LIMITS, JOURNAL_LEVEL_LABELS, type Paper } from "../forms";

/** The office's 中国知网 check of one indexed paper (R7.7): its 去除引用文献复制比, in percent. */
export interface DuplicateCheck {
  paperIndex: number;
  duplicateRatio: number;
}

/** As recorded with the qualification review: whether the paper stays within its journal level's limit. */
export interface RecordedDuplicateCheck extends DuplicateCheck {
  limit: number;
  withinLimit: boolean;
}

const label = (paper: Paper, index: number) => `论文${index + 1}《${paper.title}》`;

/**
 * R7.7: the title office runs the 中国知网 check of every paper CNKI indexes (it accepts no reports), so
 * those ratios are the office's to record, with its qualification review; a paper CNKI does not index
 * is judged by the applicant's unit-stamped report. A review that passes must have checked every
 * indexed paper, and a representative paper over its limit cannot go to the appraisal (R4.4).
 * Answers what is wrong, field by field, or nothing.
 */
export function duplicateCheckProblems(
  papers: readonly Paper[],
  checks: readonly DuplicateCheck[],
  representative: readonly number[],
  outcome: "passed" | "failed",
): FieldIssue[] {
  const problems: FieldIssue[] = [];
  const seen = new Set<number>();
  for (const [position, check] of checks.entries()) {
    const path = `body.duplicateChecks.${position}.paperIndex`;
    const paper = papers[check.paperIndex];
    if (!paper) problems.push({ path, message: `申报人未填报第${check.paperIndex + 1}篇论文` });
    else if (!paper.cnkiIndexed) {
      problems.push({
        path,
        message: `${label(paper, check.paperIndex)}未被中国知网收录，以申报人上传的单位盖章查重报告单为准，不由省职改办记录`,
      });
    } else if (seen.has(check.paperIndex)) {
      problems.push({ path, message: `${label(paper, check.paperIndex)}的复制比重复填写` });
    }
    seen.add(check.paperIndex);
  }
  if (outcome === "failed") return problems;
  for (const [index, paper] of papers.entries()) {
    if (paper.cnkiIndexed && !seen.has(index)) {
      problems.push({
        path: "body.duplicateChecks",
        message: `请记录${label(paper, index)}的中国知网查重结果（去除引用文献复制比）`,
      });
    }
  }
  for (const check of checks) {
    const paper = papers[check.paperIndex];
    if (!paper?.cnkiIndexed || !representative.includes(check.paperIndex)) continue;
    const limit = DUPLICATE_RATIO_LIMITS[paper.journalLevel];
    if (check.duplicateRatio > limit) {
      problems.push({
        path: "body.outcome",
        message: `代表作${label(paper, check.paperIndex)}的去除引用文献复制比为${check.duplicateRatio}%，${JOURNAL_LEVEL_LABELS[paper.journalLevel]}论文不得超过${limit}%，不能送论文鉴定；请作资格初审不通过处理并写明R7.7`,
      });
    }
  }
  return problems;
}

export function recordedDuplicateChecks(
  papers: readonly Paper[],
  checks: readonly DuplicateCheck[],
): RecordedDuplicateCheck[] {
  return checks.flatMap((check) => {
    const paper = papers[check.paperIndex];
    if (!paper) return [];
    const limit = DUPLICATE_RATIO_LIMITS[paper.journalLevel];
    return [{ ...check, limit, withinLimit: check.duplicateRatio <= limit }];
  });
}
