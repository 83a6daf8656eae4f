import { describe, expect, it } from "vitest";
import { maskPersonName } from "../../../../functions/core/identity";

describe("the holder's name on the public verification (R4.6)", () => {
  it.each([
    ["王甲", "王*"],
    ["李晓燕", "李*燕"],
    ["欧阳娜娜", "欧**娜"],
    ["买买提·艾力", "买****力"],
    [" 张三 ", "张*"],
    ["𪚥", "*"],
  ])("R4.6 masks %s as %s", (name, masked) => {
    expect(maskPersonName(name)).toBe(masked);
  });

  it("R4.6 counts characters, not UTF-16 units: a name with a supplementary-plane character keeps its shape", () => {
    expect(maskPersonName("王𪚥明")).toBe("王*明");
  });
});
