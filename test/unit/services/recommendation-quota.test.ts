import { describe, expect, it } from "vitest";
import type { UnitRecord } from "../../../functions/adapters/dynamodb/org-record";
import { quotaFor, quotaFull } from "../../../functions/services/recommendation-quota";
import { refusal } from "../../support/domain-refusal";

const unit = (changes: Partial<UnitRecord> = {}): UnitRecord => ({
  orgId: "unit-1",
  kind: "unit",
  name: "测试单位",
  unitType: "party_school",
  central: false,
  region: "兰州市",
  departmentId: "dept-1",
  underPostManagement: true,
  professionalPosts: 40,
  seniorTitleHolders: 6,
  seniorPosts: 10,
  version: 1,
  createdAt: "2024-09-01T00:00:00.000Z",
  ...changes,
});
const regular = { senior: true, exceptionalPromotion: false, grassrootsScope: false };
const exceptional = { ...regular, exceptionalPromotion: true };
const grassroots = { ...regular, grassrootsScope: true };

describe("the unit quotas a recommendation counts against (R5.2, R6.3)", () => {
  it("R5.2 a public institution under post management recommends within its approved senior posts", () => {
    expect(quotaFor(unit(), regular)).toEqual({
      pool: "post_structure",
      rule: "R5.2",
      posts: 10,
      holders: 6,
      slots: 4,
    });
  });

  it("R5.2 no post ratio binds a unit outside post management", () => {
    expect(quotaFor(unit({ underPostManagement: false }), regular)).toBeUndefined();
  });

  it("R5.2 a unit under post management without its approved senior posts cannot be checked: 422", () => {
    const error = refusal(() => quotaFor(unit({ seniorPosts: undefined }), regular));
    expect({ rule: error.details.rule, code: error.code }).toEqual({
      rule: "R5.2",
      code: "POST_STRUCTURE_UNKNOWN",
    });
  });

  it("R6.3 exceptional promotion to a province-wide title is not bound by the unit's ratio", () => {
    expect(quotaFor(unit(), exceptional)).toBeUndefined();
  });

  it.each([
    [40, 2, 4, 2],
    [45, 2, 4, 2],
    [9, 0, 0, 0],
    [40, 6, 4, -2],
  ])(
    "R6.3 grassroots scope: %i posts and %i holders → %i senior posts (10%%), %i slots, normal and exceptional alike",
    (professionalPosts, holders, posts, slots) => {
      for (const application of [grassroots, { ...grassroots, exceptionalPromotion: true }]) {
        expect(quotaFor(unit({ professionalPosts, seniorTitleHolders: holders }), application)).toEqual({
          pool: "grassroots",
          rule: "R6.3",
          posts,
          holders,
          slots,
        });
      }
    },
  );

  it("R6.3 grassroots scope is counted apart, also outside post management", () => {
    expect(quotaFor(unit({ underPostManagement: false }), grassroots)?.pool).toBe("grassroots");
  });

  it("a full quota answers 422 naming its rule and the numbers", () => {
    const post = quotaFull(
      { pool: "post_structure", rule: "R5.2", posts: 10, holders: 6, slots: 4 },
      unit(),
      4,
    );
    expect({ rule: post.details.rule, code: post.code, kind: post.kind }).toEqual({
      rule: "R5.2",
      code: "POST_RATIO_FULL",
      kind: "rule_violation",
    });
    expect(post.message).toContain("核定高级岗位10个，现有高级职称6人，本轮已推荐4人");
    const grassrootsFull = quotaFull(
      { pool: "grassroots", rule: "R6.3", posts: 4, holders: 2, slots: 2 },
      unit(),
      2,
    );
    expect(grassrootsFull.code).toBe("GRASSROOTS_SENIOR_QUOTA_FULL");
    expect(grassrootsFull.message).toContain("专业技术岗位总数（40个）的10%，即4个");
  });
});
