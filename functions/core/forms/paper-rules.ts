export const JOURNAL_LEVELS = ["core", "provincial"] as const;
export type JournalLevel = (typeof JOURNAL_LEVELS)[number];
export const JOURNAL_LEVEL_LABELS: Record<JournalLevel, string> = {
  core: "核心期刊",
  provincial: "省级期刊",
};

/** R7.7: the highest 去除引用文献复制比 a paper may have, in percent. */
export const DUPLICATE_RATIO_LIMITS: Record<JournalLevel, number> = { core: 15, provincial: 25 };

/** A ratio not yet known (the office checks papers CNKI indexes itself) cannot exceed anything. */
export function exceedsDuplicateLimit(paper: {
  journalLevel: JournalLevel;
  duplicateRatio: number | null;
}): boolean {
  return paper.duplicateRatio !== null && paper.duplicateRatio > DUPLICATE_RATIO_LIMITS[paper.journalLevel];
}
