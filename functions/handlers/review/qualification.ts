import type { QualificationReview } from "../../adapters/dynamodb/application-record";
import { applicationRepository } from "../../adapters/dynamodb/application-repository";
import { type BoundRoute, route } from "../../http/handler-group";
import { lifecycleContext, roundInScope } from "../../http/round-in-scope";
import { decideQualification } from "../../http/routes/committee";
import { toReviewResult } from "../../http/views/review-view";
import { actingAs } from "./desk";

export const qualificationRoutes: BoundRoute[] = [
  /**
   * R4.4: the title office's qualification review; a failure names each rule and is the applicant's to
   * read in their timeline (R5.1). The lifecycle refuses it outside `received`.
   */
  route(decideQualification, async ({ actor, params, body, subject: { application }, now }) => {
    const inScope = await roundInScope(params.roundId);
    const office = actingAs(actor, "office_admin");
    const review: QualificationReview = {
      outcome: body.outcome,
      reasons: body.reasons,
      decidedBy: office.id,
      decidedAt: now.toISOString(),
    };
    const reason = body.reasons.map(({ rule, message }) => `${rule}：${message}`).join("；");
    const decided = await applicationRepository.transition({
      application,
      action: body.outcome === "passed" ? "pass_qualification" : "fail_qualification",
      actor: office,
      context: lifecycleContext(inScope, now, reason),
      expectedVersion: body.expectedVersion,
      facts: { qualificationReview: review },
      detail: { reasons: body.reasons },
    });
    return toReviewResult(decided);
  }),
];
