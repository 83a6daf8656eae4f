import { describe, expect, it } from "vitest";
import { feedbackText, placeFeedback } from "../../../functions/services/review-feedback";

describe("a return's consolidated feedback (R4.3, R7.9)", () => {
  it("places every point on its section and slot, and reads as one text", () => {
    const items = placeFeedback([
      { section: "summary", comment: "请补充近五年业绩" },
      { slotId: "annual_assessment", year: 2021, comment: "缺少单位盖章" },
      { slotId: "paper_cover", index: 1, comment: "封面不清晰" },
    ]);
    expect(items.map((item) => [item.section, item.place])).toEqual([
      ["summary", "小结"],
      ["ability", expect.stringMatching(/^能力相关信息 \/ .+ \/ 2021年度$/)],
      ["achievements", expect.stringMatching(/^业绩成果 \/ .+ \/ 第2项$/)],
    ]);
    const text = feedbackText("  请一并修改  ", items);
    expect(text.split("\n")).toEqual([
      "请一并修改",
      "1.【小结】请补充近五年业绩",
      expect.stringMatching(/^2\.【能力相关信息 \/ .+ \/ 2021年度】缺少单位盖章$/),
      expect.stringMatching(/^3\.【业绩成果 \/ .+ \/ 第2项】封面不清晰$/),
    ]);
  });
});
