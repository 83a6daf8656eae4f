import type { ActorRef, OriginalsRequired } from "../../adapters/dynamodb/application-record";
import { applicationRepository, editApplication } from "../../adapters/dynamodb/application-repository";
import { reviewLists } from "../../adapters/dynamodb/review-lists";
import { assertWindowOpen } from "../../core/calendar";
import { DomainError } from "../../core/errors";
import type { Actor } from "../../http/actor";
import { type BoundRoute, route } from "../../http/handler-group";
import { lifecycleContext, roundInScope } from "../../http/round-in-scope";
import {
  approveApplicationByDepartment,
  listDepartmentApplications,
  requireOriginals,
  returnApplicationByDepartment,
} from "../../http/routes/department-review";
import { toReviewResult, toReviewSummary } from "../../http/views/review-view";
import { feedbackText, placeFeedback } from "../../services/review-feedback";
import { staffRef } from "./review-context";

function reviewerOf(actor: Actor, departmentId: string): ActorRef {
  return staffRef(actor, "department_reviewer", departmentId);
}

export const departmentReviewRoutes: BoundRoute[] = [
  route(listDepartmentApplications, async ({ params, query, subject: { org: department } }) => {
    const { scope } = await roundInScope(params.roundId);
    const page = await reviewLists.ofDepartment(scope, department.orgId, query.state, query.cursor);
    return {
      applications: page.items.map(toReviewSummary),
      ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
    };
  }),

  /** R4.3: one return carries all the department's points; the fourth is refused by the lifecycle. */
  route(
    returnApplicationByDepartment,
    async ({ actor, params, body, subject: { application, org: unit }, now }) => {
      const inScope = await roundInScope(params.roundId);
      const items = placeFeedback(body.items);
      const returned = await applicationRepository.transition({
        application,
        action: "return_by_department",
        actor: reviewerOf(actor, unit.departmentId),
        context: lifecycleContext(inScope, now, feedbackText(body.reason, items)),
        expectedVersion: body.expectedVersion,
        detail: { items },
      });
      return toReviewResult(returned);
    },
  ),

  route(
    approveApplicationByDepartment,
    async ({ actor, params, body, subject: { application, org: unit }, now }) => {
      const inScope = await roundInScope(params.roundId);
      const approved = await applicationRepository.transition({
        application,
        action: "approve_by_department",
        actor: reviewerOf(actor, unit.departmentId),
        context: lifecycleContext(inScope, now, body.opinion),
        expectedVersion: body.expectedVersion,
      });
      return toReviewResult(approved);
    },
  ),

  /** R4.3: the department may ask to see originals while it reviews, saying exactly what to bring. */
  route(requireOriginals, async ({ actor, params, body, subject: { application, org: unit }, now }) => {
    const inScope = await roundInScope(params.roundId);
    assertWindowOpen("department_review", inScope.calendar, inScope.round.openedPhases, now);
    if (application.state !== "recommended") {
      throw new DomainError(
        "NOT_UNDER_DEPARTMENT_REVIEW",
        "只能在审核部门审核期间（单位已推荐、尚未审核通过）要求查验原件",
      );
    }
    const reviewer = reviewerOf(actor, unit.departmentId);
    const originalsRequired: OriginalsRequired = {
      items: body.items,
      ...(body.note ? { note: body.note } : {}),
      requiredBy: reviewer.id,
      requiredAt: now.toISOString(),
    };
    const saved = await editApplication(
      application,
      body.expectedVersion,
      { set: "originalsRequired = :originals", values: { ":originals": originalsRequired } },
      { action: "require_originals", actor: reviewer, at: now, detail: { originalsRequired } },
    );
    return { ...toReviewResult(saved), originalsRequired };
  }),
];
