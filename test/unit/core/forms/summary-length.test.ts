import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  characterCount,
  SUMMARY_MAX_CHARACTERS,
  summarySectionSchema,
} from "../../../../functions/core/forms";

describe("R7.8 characters are counted as a person counts them", () => {
  it.each([
    ["plain Chinese", "人力资源培训", 6],
    ["an astral ideograph (two UTF-16 units)", "𠀀", 1],
    ["a letter with a combining accent", "e\u0301", 1],
    ["an emoji family joined with ZWJ", "👨‍👩‍👧", 1],
    ["CR LF", "\r\n", 1],
    ["empty", "", 0],
  ])("R7.8 %s", (_case, text, count) => {
    expect(characterCount(text)).toBe(count);
  });

  it("R7.8 each astral character counts once, whatever else surrounds it", () => {
    const astral = fc.integer({ min: 0x20000, max: 0x2a6df }).map((cp) => String.fromCodePoint(cp));
    const cjk = fc.integer({ min: 0x4e00, max: 0x9fff }).map((cp) => String.fromCodePoint(cp));
    fc.assert(
      fc.property(fc.array(fc.oneof(astral, cjk), { maxLength: 200 }), (characters) => {
        expect(characterCount(characters.join(""))).toBe(characters.length);
      }),
    );
  });
});

describe("R7.8 the summary is at most 800 characters", () => {
  it("the limit is 800", () => {
    expect(SUMMARY_MAX_CHARACTERS).toBe(800);
  });

  it.each([
    ["800 Chinese characters", "字".repeat(800), true],
    ["801 Chinese characters", "字".repeat(801), false],
    ["800 astral characters (1600 UTF-16 units)", "𠀀".repeat(800), true],
    ["801 astral characters", "𠀀".repeat(801), false],
    ["800 characters with surrounding spaces, which are trimmed", `  ${"字".repeat(800)}\n`, true],
    ["only spaces", "   ", false],
  ])("R7.8 %s", (_case, text, accepted) => {
    expect(summarySectionSchema.safeParse({ text }).success).toBe(accepted);
  });

  it("R7.8 a long summary is refused with the field path and a Chinese message", () => {
    const issues = summarySectionSchema.safeParse({ text: "字".repeat(801) }).error?.issues;
    expect(issues).toEqual([
      expect.objectContaining({ path: ["text"], message: "专业技术工作小结不得超过800个字" }),
    ]);
  });

  it("R7.8 an empty summary asks to be filled in", () => {
    expect(summarySectionSchema.safeParse({ text: "" }).error?.issues[0]?.message).toBe(
      "请填写专业技术工作小结",
    );
    expect(summarySectionSchema.safeParse({}).error?.issues[0]?.message).toBe("请填写专业技术工作小结");
  });
});
