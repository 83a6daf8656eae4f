import { describe, expect, it } from "vitest";
import { SECTION_SCHEMAS } from "../../../functions/core/forms";
import { refusingUnknownKeys } from "../../../functions/http/routes/strict-form";
import { sampleSections } from "../../support/sample-application";

describe("form schemas that refuse unknown keys (issue #5: never silently stored)", () => {
  const ability = refusingUnknownKeys(SECTION_SCHEMAS.ability);

  it("accepts exactly what the core's schema accepts, with the same output", () => {
    const data = sampleSections().ability;
    expect(ability.parse(data)).toEqual(SECTION_SCHEMAS.ability.parse(data));
  });

  it("names an unknown key at any depth, in Chinese, where the core would drop it", () => {
    const data = sampleSections().ability;
    const tampered = {
      ...data,
      blacklisted: false,
      workExperience: [{ ...data.workExperience[0], state: "approved" }],
    };
    expect(SECTION_SCHEMAS.ability.safeParse(tampered).success).toBe(true);
    const issues = ability.safeParse(tampered).error?.issues ?? [];
    expect(issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["workExperience.0", "不允许提交的字段：state（请只填写表单中的字段）"],
      ["", "不允许提交的字段：blacklisted（请只填写表单中的字段）"],
    ]);
  });

  it("R7.4 refuses an applicant's declaration that an education record matched 学信网, saying who records it", () => {
    const basic = refusingUnknownKeys(SECTION_SCHEMAS.basic);
    const data = sampleSections().basic;
    const declared = {
      ...data,
      education: data.education.map((record) => ({ ...record, registryVerified: true })),
    };
    // The core drops the key; only the strict schema of the request makes it an error.
    expect(SECTION_SCHEMAS.basic.safeParse(declared).success).toBe(true);
    expect(
      basic.safeParse(declared).error?.issues.map((issue) => [issue.path.join("."), issue.message]),
    ).toEqual([
      [
        "education.0",
        "不允许提交的字段：registryVerified（学信网核验结果由单位或审核部门在学信网核对后记录，申报人不能自行填写）",
      ],
    ]);
  });

  it("keeps the core's refinements and messages", () => {
    const data = sampleSections().ability;
    const twice = { ...data, annualAssessments: [data.annualAssessments[0], data.annualAssessments[0]] };
    expect(ability.safeParse(twice).error?.issues[0]?.message).toBe("同一年度的考核结果只能填写一次");
    expect(refusingUnknownKeys(SECTION_SCHEMAS.summary).safeParse(undefined).error?.issues[0]?.message).toBe(
      "请填写小结",
    );
  });
});
