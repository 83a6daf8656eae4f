import { describe, expect, it } from "vitest";
import { assignExperts, checkManualAssignment, type Expert } from "../../../../functions/core/committee";
import { refusal } from "../../../support/domain-refusal";

const expert = (expertId: string, change: Partial<Expert> = {}): Expert => ({
  expertId,
  fullSenior: true,
  unitId: `unit-of-${expertId}`,
  declaredConflicts: [],
  load: 0,
  ...change,
});

const appraisee = { applicationId: "app-1", applicantId: "applicant-1", unitId: "unit-a" };

describe("R8.2 expert assignment with conflicts of interest excluded", () => {
  const pool = [
    expert("e1", { unitId: "unit-a" }),
    expert("e2", { declaredConflicts: ["applicant-1"] }),
    expert("applicant-1"),
    expert("e4", { fullSenior: false }),
    expert("e5", { load: 2 }),
    expert("e6", { load: 0 }),
    expert("e7", { load: 1 }),
    expert("e8", { load: 0 }),
  ];

  it("R8.2 leaves out the same unit, a declared conflict and the applicant, recording why; R4.4 full senior only", () => {
    const assignment = assignExperts(pool, appraisee, 3);
    expect(assignment.experts).toEqual(["e6", "e8", "e7"]);
    expect(assignment.excluded).toEqual([
      { expertId: "e1", conflict: "same_unit" },
      { expertId: "e2", conflict: "declared" },
      { expertId: "applicant-1", conflict: "self" },
      { expertId: "e4", conflict: "not_full_senior" },
    ]);
  });

  it("R8.2 refuses when too few experts remain after exclusions, and accepts exactly enough", () => {
    const error = refusal(() => assignExperts(pool.slice(0, 6), appraisee, 3));
    expect(error).toMatchObject({ code: "NOT_ENOUGH_ELIGIBLE_EXPERTS", details: { rule: "R8.2" } });
    expect(error.message).toBe(
      "可回避后符合条件（正高级、无利害关系）的鉴定专家只有 2 名，少于所需的 3 名，请补充专家库后再分配。",
    );
    expect(assignExperts(pool.slice(0, 7), appraisee, 3).experts).toEqual(["e6", "e7", "e5"]);
  });

  it.each([
    ["e2", "专家已申报与该申报人存在利害关系，须回避"],
    ["applicant-1", "专家本人即申报人，须回避"],
    ["e4", "鉴定专家须具有正高级职称"],
  ])("R8.2 a manual choice of %s is refused with its reason", (expertId, message) => {
    const error = refusal(() => checkManualAssignment(pool, appraisee, ["e5", "e6", expertId], 3));
    expect(error.details.fields).toEqual([{ path: "body.experts.2", message }]);
  });

  it("R8.2 a manual choice with a conflicted expert is refused naming that expert's place", () => {
    const error = refusal(() => checkManualAssignment(pool, appraisee, ["e5", "e1", "e6"], 3));
    expect(error).toMatchObject({ code: "EXPERT_NOT_ELIGIBLE", details: { rule: "R8.2" } });
    expect(error.message).toBe("所选专家中有须回避或不符合条件的，请更换后重新分配。");
    expect(error.details.fields).toEqual([
      { path: "body.experts.1", message: "专家与申报人同一单位，须回避" },
    ]);
  });

  it("R4.4 a manual choice needs the configured number of distinct experts from the pool", () => {
    const duplicate = refusal(() => checkManualAssignment(pool, appraisee, ["e5", "e5", "e6"], 3));
    expect(duplicate).toMatchObject({ code: "WRONG_EXPERT_COUNT", details: { rule: "R4.4" } });
    expect(duplicate.message).toBe("每份申报须分配 3 名不同的鉴定专家，现选择了 2 名。");
    const unknown = refusal(() => checkManualAssignment(pool, appraisee, ["e5", "e6", "nobody"], 3));
    expect(unknown.details.fields).toEqual([{ path: "body.experts.2", message: "专家不在本轮专家库中" }]);
    expect(checkManualAssignment(pool, appraisee, ["e5", "e6", "e7"], 3)).toEqual({
      experts: ["e5", "e6", "e7"],
      excluded: [
        { expertId: "e1", conflict: "same_unit" },
        { expertId: "e2", conflict: "declared" },
        { expertId: "applicant-1", conflict: "self" },
        { expertId: "e4", conflict: "not_full_senior" },
      ],
    });
  });
});
