import { objectionRepository } from "../../adapters/dynamodb/objection-repository";
import { assertWindowOpen } from "../../core/calendar";
import { DomainError } from "../../core/errors";
import { type BoundRoute, route } from "../../http/handler-group";
import { roundInScope } from "../../http/round-in-scope";
import { resolveObjection } from "../../http/routes/unit-review";
import { toReviewResult } from "../../http/views/review-view";
import { answerObjection } from "../../services/objection-resolution";
import { staffRef, unitActionContext } from "./review-context";

export const objectionResolutionRoutes: BoundRoute[] = [
  /**
   * §7: the handler answers every objection. Upheld, the application goes back to the applicant or is
   * cancelled (R5.5) in the same transaction; dismissed, the reason is recorded in the application's trail.
   */
  route(resolveObjection, async ({ actor, params, body, subject: { application, org: unit }, now }) => {
    const inScope = await roundInScope(params.roundId);
    const { scope } = inScope;
    const objection = await objectionRepository.get(scope, application.applicationId, params.objectionId);
    if (!objection) {
      throw new DomainError("OBJECTION_NOT_FOUND", "未找到该异议，请刷新后从异议列表中选择。");
    }
    const context = await unitActionContext(inScope, unit, now, body.reason);
    const handler = staffRef(actor, "unit_handler", unit.orgId);
    if (body.followUp === undefined) {
      assertWindowOpen("unit_review", context.calendar, context.openedPhases, now);
    }
    const updated = await answerObjection({
      application,
      objection,
      answer: body,
      actor: handler,
      now,
      expectedVersion: body.expectedVersion,
      ...(body.followUp === undefined
        ? {}
        : {
            followUp: {
              action: body.followUp === "cancel" ? "cancel_by_unit" : "return_by_unit",
              context,
            },
          }),
    });
    return { objectionId: objection.objectionId, status: body.outcome, application: toReviewResult(updated) };
  }),
];
