export const THINK_TANK_KINDS = ["instruction", "adoption"] as const;
export type ThinkTankKind = (typeof THINK_TANK_KINDS)[number];
export const THINK_TANK_KIND_LABELS: Record<ThinkTankKind, string> = {
  instruction: "批示类",
  adoption: "采纳类",
};

/** R7.7: a result's level comes from the instructing official's rank or from the body that adopted it. */
export const THINK_TANK_LEVELS = ["national", "provincial", "municipal"] as const;
export type ThinkTankLevel = (typeof THINK_TANK_LEVELS)[number];
export const THINK_TANK_LEVEL_LABELS: Record<ThinkTankLevel, string> = {
  national: "国家级",
  provincial: "省级",
  municipal: "市级",
};

export const THINK_TANK_LEVEL_CRITERIA: readonly string[] = [
  "批示类：按批示人批示时的行政级别确认等级。",
  "国家级：被中央办公厅、国务院采用，或被有关部委、全国性法律法规、规划或政策制定部门采纳并产生重要影响。",
  "省级：被省级党委政府采用，出台文件、政策或措施等并产生重大影响。",
  "市级：被市级党委政府、省厅（局）采用，出台文件、政策或措施等并产生重要影响。",
];

// The notice names 阅 and 批阅 "等"; 已阅 and 圈阅 are the other neutral forms in common use.
const NEUTRAL_INSTRUCTIONS: ReadonlySet<string> = new Set(["阅", "已阅", "批阅", "圈阅"]);

/** An instruction that is only a neutral acknowledgement is not an affirmative one and does not count. */
export function isNeutralInstruction(wording: string): boolean {
  return NEUTRAL_INSTRUCTIONS.has(wording.replace(/[\s\p{P}]/gu, ""));
}
