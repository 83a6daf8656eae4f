import type { PlainDate } from "../calendar/plain-date";
import {
  type AbilitySection,
  type AchievementsSection,
  achievementEntries,
  annualAssessmentYears,
  DUPLICATE_RATIO_LIMITS,
  exceedsDuplicateLimit,
  isNeutralInstruction,
  JOURNAL_LEVEL_LABELS,
} from "../forms";
import type { ChecklistItem } from "./checklist";

/** R7.6: a result for each of the last five years. */
export function abilityContent(section: AbilitySection, roundYear: number): ChecklistItem[] {
  const filled = new Set(section.annualAssessments.map((assessment) => assessment.year));
  return annualAssessmentYears(roundYear)
    .filter((year) => !filled.has(year))
    .map((year) => ({
      rule: "R7.6",
      code: "ANNUAL_ASSESSMENT_NOT_FILLED",
      message: `请填写${year}年度的考核结果（须逐一填写近五年每年的考核结果）`,
      field: "ability.annualAssessments",
      year,
    }));
}

/** R6.1 and R7.7: achievements that would not count must not be submitted as if they did. */
export function achievementsContent(section: AchievementsSection, cutoff: PlainDate): ChecklistItem[] {
  const late = achievementEntries(section)
    .filter((entry) => entry.obtainedOn > cutoff)
    .map(
      (entry): ChecklistItem => ({
        rule: "R6.1",
        code: "ACHIEVEMENT_AFTER_CUTOFF",
        message: `${entry.label}取得于${entry.obtainedOn}，晚于业绩截止日期${cutoff}，本次不能使用，请删除（可在下次申报时使用）`,
        field: `achievements.${entry.dateField}`,
      }),
    );
  const copied = section.papers.flatMap((paper, index): ChecklistItem[] =>
    exceedsDuplicateLimit(paper)
      ? [
          {
            rule: "R7.7",
            code: "PAPER_DUPLICATE_RATIO_EXCEEDED",
            message: `论文${index + 1}《${paper.title}》的去除引用文献复制比为${paper.duplicateRatio}%，${JOURNAL_LEVEL_LABELS[paper.journalLevel]}论文不得超过${DUPLICATE_RATIO_LIMITS[paper.journalLevel]}%，该论文不能使用`,
            field: `achievements.papers.${index}.duplicateRatio`,
          },
        ]
      : [],
  );
  const neutral = section.thinkTank.flatMap((result, index): ChecklistItem[] =>
    result.kind === "instruction" &&
    result.instructionWording !== null &&
    isNeutralInstruction(result.instructionWording)
      ? [
          {
            rule: "R7.7",
            code: "THINK_TANK_NEUTRAL_INSTRUCTION",
            message: `智库成果${index + 1}《${result.title}》的批示“${result.instructionWording}”为中性用语，不认定为肯定性批示，该成果不能使用`,
            field: `achievements.thinkTank.${index}.instructionWording`,
          },
        ]
      : [],
  );
  return [...late, ...copied, ...neutral];
}
