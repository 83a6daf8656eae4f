import { describe, expect, it } from "vitest";
import { baseInfoSchema } from "../../../../functions/core/forms";

const valid = {
  name: "张三",
  unitName: "中共兰州市委党校",
  applicationMethod: "regular",
  series: "人力资源培训",
  qualification: "associate_senior",
  specialty: "人力资源培训",
  validityScope: "province",
};

function issues(change: Record<string, unknown>) {
  return baseInfoSchema.safeParse({ ...valid, ...change }).error?.issues ?? [];
}

describe("R7.1 base information", () => {
  it("R7.1 a complete base information passes and is trimmed", () => {
    expect(baseInfoSchema.parse({ ...valid, name: " 张三 " })).toEqual(valid);
  });

  it.each(["regular", "exceptional"])("R7.1 application method %s is allowed", (applicationMethod) => {
    expect(issues({ applicationMethod })).toEqual([]);
  });

  it.each(["assessment_recognition", "考核认定", ""])("R7.1 application method %j is refused", (method) => {
    const [issue] = issues({ applicationMethod: method });
    expect(issue?.path).toEqual(["applicationMethod"]);
    expect(issue?.message).toBe(
      "申报方式只能选择正常申报（regular）或破格申报（exceptional），不得选择“考核认定”",
    );
  });

  it("R7.1 the series is always 人力资源培训", () => {
    const [issue] = issues({ series: "经济" });
    expect(issue?.path).toEqual(["series"]);
    expect(issue?.message).toContain("人力资源培训");
  });

  it.each(["province", "grassroots"])("R1.2 validity scope %s is allowed", (validityScope) => {
    expect(issues({ validityScope })).toEqual([]);
  });

  it("R1.2 any other validity scope is refused, listing the two choices", () => {
    const [issue] = issues({ validityScope: "city" });
    expect(issue?.message).toBe("有效范围只能选择：全省有效（province）、全省基层有效（grassroots）");
  });

  it.each(["associate_senior", "senior"])("R7.1 qualification %s is allowed", (qualification) => {
    expect(issues({ qualification })).toEqual([]);
  });

  it("R7.1 a junior or intermediate qualification is not reviewed by this committee", () => {
    expect(issues({ qualification: "intermediate" })[0]?.path).toEqual(["qualification"]);
  });

  it("R7.1 every missing field is named, in Chinese", () => {
    const result = baseInfoSchema.safeParse({});
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["name", "请填写姓名"],
      ["unitName", "请填写单位名称（具体工作单位）"],
      ["applicationMethod", "请选择申报方式"],
      ["series", "申报系列只能为人力资源培训专业（人力资源培训）"],
      ["qualification", "请选择申报资格"],
      ["specialty", "请填写申报专业"],
      ["validityScope", "请选择有效范围"],
    ]);
  });

  it.each([
    ["a name of 30 characters", "名".repeat(30), []],
    ["a name of 31 characters", "名".repeat(31), ["姓名不得超过30个字"]],
    ["a name that is not text", 42, ["姓名应为文字"]],
  ])("R7.1 %s", (_case, name, messages) => {
    expect(issues({ name }).map((i) => i.message)).toEqual(messages);
  });

  it("R7.1 the base information must be an object", () => {
    expect(baseInfoSchema.safeParse("张三").error?.issues[0]?.message).toBe("请填写基础信息");
  });
});
