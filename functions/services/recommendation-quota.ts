import type { UnitRecord } from "../adapters/dynamodb/org-record";
import type { QuotaPool } from "../adapters/dynamodb/review-keys";
import { type DomainError, ruleViolation } from "../core/errors";
import type { ApplicationSnapshot } from "../core/lifecycle";

/** R6.3: grassroots-scope senior posts are at most this share of the unit's professional technical posts. */
export const GRASSROOTS_SENIOR_PERCENT = 10;

/** The cap a recommendation counts against: senior posts in the pool, the holders already in them. */
export interface Quota {
  pool: QuotaPool;
  rule: "R5.2" | "R6.3";
  posts: number;
  holders: number;
  /** How many of this round's recommendations fit: posts less holders. */
  slots: number;
}

/**
 * Which unit cap binds the recommendation of this applicant, if any:
 * - grassroots scope (基层有效, R6.3): total control, senior posts at most 10% of the professional
 *   technical posts, holders and recommendations, normal and exceptional together, counted apart;
 * - exceptional promotion to a province-wide title (R6.3): not bound by the unit's ratio;
 * - a public institution under post management (R5.2): within the approved senior posts (评聘一致);
 * - any other unit: no post ratio binds it.
 * Every title this committee reviews is senior, so every recommendation takes a senior post.
 */
export function quotaFor(
  unit: UnitRecord,
  application: Pick<ApplicationSnapshot, "senior" | "exceptionalPromotion" | "grassrootsScope">,
): Quota | undefined {
  if (!application.senior) return undefined;
  const holders = unit.seniorTitleHolders;
  if (application.grassrootsScope) {
    const posts = Math.floor((unit.professionalPosts * GRASSROOTS_SENIOR_PERCENT) / 100);
    return { pool: "grassroots", rule: "R6.3", posts, holders, slots: posts - holders };
  }
  if (application.exceptionalPromotion || !unit.underPostManagement) return undefined;
  if (unit.seniorPosts === undefined) {
    throw ruleViolation(
      "R5.2",
      "POST_STRUCTURE_UNKNOWN",
      "本单位实行岗位管理，但单位信息中尚未登记核定的高级专业技术岗位数，无法核对岗位结构比例；请联系省职改办补充后再推荐",
    );
  }
  const posts = unit.seniorPosts;
  return { pool: "post_structure", rule: "R5.2", posts, holders, slots: posts - holders };
}

/** 422 naming the rule, with the numbers the leader needs to see why. */
export function quotaFull(quota: Quota, unit: UnitRecord, recommended: number): DomainError {
  if (quota.rule === "R6.3") {
    return ruleViolation(
      "R6.3",
      "GRASSROOTS_SENIOR_QUOTA_FULL",
      `基层有效高级职称实行总量控制：高级岗位不超过专业技术岗位总数（${unit.professionalPosts}个）的` +
        `${GRASSROOTS_SENIOR_PERCENT}%，即${quota.posts}个；本单位现有高级职称${quota.holders}人，` +
        `本轮已推荐基层有效人员${recommended}人，已无空余岗位，不能再推荐`,
    );
  }
  return ruleViolation(
    "R5.2",
    "POST_RATIO_FULL",
    `本单位实行岗位管理，核定高级岗位${quota.posts}个，现有高级职称${quota.holders}人，本轮已推荐${recommended}人，` +
      "已无空余高级岗位，须在岗位结构比例内推荐（评聘一致）；破格申报全省有效的不受此限",
  );
}
