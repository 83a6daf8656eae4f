import { planTransition, snapshotOf } from "../../adapters/dynamodb/application-transition";
import { noticeRepository } from "../../adapters/dynamodb/notice-repository";
import { objectionRepository } from "../../adapters/dynamodb/objection-repository";
import { quotaRepository } from "../../adapters/dynamodb/quota-repository";
import { reviewLists } from "../../adapters/dynamodb/review-lists";
import { type GuardedWrite, writeTogether } from "../../adapters/dynamodb/transactions";
import { formatShanghai } from "../../core/calendar";
import { ruleViolation } from "../../core/errors";
import { type BoundRoute, route } from "../../http/handler-group";
import { roundInScope } from "../../http/round-in-scope";
import { recommendApplication } from "../../http/routes/unit-review";
import { toReviewResult } from "../../http/views/review-view";
import { quotaFor, quotaFull } from "../../services/recommendation-quota";
import { staffRef, unitActionContext } from "./review-context";

export const recommendationRoutes: BoundRoute[] = [
  /**
   * R4.2, R5.2, R6.3: the lifecycle decides who and when (leader, not the maker; notice over; no
   * objection open); then the quota. The quota slot, the state change, the objection check, the
   * department's list entry and the audit record are ONE transaction: of two leaders recommending for
   * the last slot at once, exactly one commits.
   */
  route(recommendApplication, async ({ actor, params, body, subject: { application, org: unit }, now }) => {
    const inScope = await roundInScope(params.roundId);
    const { scope } = inScope;
    const { applicationId } = application;
    const [context, unresolvedObjections] = await Promise.all([
      unitActionContext(inScope, unit, now, body.opinion),
      objectionRepository.unresolved(scope, applicationId),
    ]);
    const quota = quotaFor(unit, snapshotOf(application));
    const recommendedAt = application.recommendedAt ?? now.toISOString();
    const together: GuardedWrite[] = [
      objectionRepository.noneUnresolved(scope, applicationId),
      reviewLists.departmentEntryWrite(unit.departmentId, application, recommendedAt),
    ];
    if (application.quotaPool && application.quotaPool !== quota?.pool) {
      together.push(quotaRepository.releaseWrite(scope, unit.orgId, application.quotaPool, applicationId));
    }
    const holders = quota ? await quotaRepository.holders(scope, unit.orgId, quota.pool) : [];
    if (quota) {
      const full = () => quotaFull(quota, unit, Math.max(holders.length, quota.slots));
      together.push(
        quotaRepository.takeWrite(scope, unit.orgId, quota.pool, applicationId, quota.slots, full),
      );
    }
    const plan = planTransition({
      application,
      action: "recommend",
      actor: staffRef(actor, "unit_leader", unit.orgId),
      context: { ...context, unresolvedObjections },
      expectedVersion: body.expectedVersion,
      facts: { recommendedAt, ...(quota ? { quotaPool: quota.pool } : {}) },
      together,
      detail: quota
        ? { quota: { pool: quota.pool, rule: quota.rule, posts: quota.posts, holders: quota.holders } }
        : {},
    });
    // The notice as posted may run longer than the minimum the lifecycle checks: it must have ended (R4.2).
    const notice =
      application.state === "unit_publicity" && application.noticeId
        ? await noticeRepository.get(scope, application.noticeId)
        : undefined;
    if (notice && now < new Date(notice.endsAt)) {
      throw ruleViolation(
        "R4.2",
        "PUBLICITY_NOT_FINISHED",
        `本单位公示至${formatShanghai(new Date(notice.endsAt))}（北京时间）结束，公示期满后方可推荐`,
      );
    }
    if (quota && !holders.includes(applicationId) && holders.length >= quota.slots) {
      throw quotaFull(quota, unit, holders.length);
    }
    await writeTogether(plan.writes);
    return {
      ...toReviewResult(plan.updated),
      ...(quota
        ? { quota: { pool: quota.pool, rule: quota.rule, posts: quota.posts, holders: quota.holders } }
        : {}),
    };
  }),
];
