import { describe, expect, it } from "vitest";
import {
  DUPLICATE_RATIO_LIMITS,
  exceedsDuplicateLimit,
  isNeutralInstruction,
  THINK_TANK_LEVEL_LABELS,
  THINK_TANK_LEVELS,
} from "../../../../functions/core/forms";

describe("R7.7 duplicate-check ratio (去除引用文献复制比)", () => {
  it("R7.7 the limits are 15% for core journals and 25% for provincial journals", () => {
    expect(DUPLICATE_RATIO_LIMITS).toEqual({ core: 15, provincial: 25 });
  });

  it.each([
    ["core", 15, false],
    ["core", 15.01, true],
    ["core", 0, false],
    ["provincial", 25, false],
    ["provincial", 25.01, true],
    ["provincial", 15.01, false],
  ] as const)(
    "R7.7 a %s-journal paper at %d%% exceeds the limit → %s",
    (journalLevel, duplicateRatio, exceeds) => {
      expect(exceedsDuplicateLimit({ journalLevel, duplicateRatio })).toBe(exceeds);
    },
  );

  it("R7.7 a ratio not yet known exceeds nothing", () => {
    expect(exceedsDuplicateLimit({ journalLevel: "core", duplicateRatio: null })).toBe(false);
  });
});

describe("R7.7 think-tank results", () => {
  it("R7.7 the levels are national, provincial and municipal", () => {
    expect(THINK_TANK_LEVELS.map((level) => THINK_TANK_LEVEL_LABELS[level])).toEqual([
      "国家级",
      "省级",
      "市级",
    ]);
  });

  it.each(["阅", "批阅", "已阅", "圈阅", " 阅。", "批阅！", "阅\n"])(
    "R7.7 %j is a neutral instruction",
    (wording) => {
      expect(isNeutralInstruction(wording)).toBe(true);
    },
  );

  it.each(["同意", "阅，同意", "很好，请认真研究落实", "批阅并转发各地参照执行", "阅读"])(
    "R7.7 %j is not merely neutral",
    (wording) => {
      expect(isNeutralInstruction(wording)).toBe(false);
    },
  );
});
