import { noticeRepository } from "../../adapters/dynamodb/notice-repository";
import { objectionRepository } from "../../adapters/dynamodb/objection-repository";
import { DomainError } from "../../core/errors";
import { type BoundRoute, route } from "../../http/handler-group";
import { lifecycleContext, roundInScope } from "../../http/round-in-scope";
import {
  listApplicationObjections,
  publishResultNotice,
  resolveResultObjection,
} from "../../http/routes/result-notice";
import { toOfficeObjectionView, toPublishedResultsView } from "../../http/views/result-notice-view";
import { toReviewResult } from "../../http/views/review-view";
import { answerObjection } from "../../services/objection-resolution";
import { publishResults } from "../../services/result-notice";
import { actingAs } from "../review/desk";

export const resultNoticeRoutes: BoundRoute[] = [
  route(publishResultNotice, async ({ actor, params, body, now }) => {
    const inScope = await roundInScope(params.roundId);
    const published = await publishResults({
      scope: inScope.scope,
      context: lifecycleContext(inScope, now),
      office: actingAs(actor, "office_admin"),
      title: body.title,
      publicityScope: body.publicityScope,
    });
    return toPublishedResultsView(published, now);
  }),

  route(listApplicationObjections, async ({ params, subject: { application } }) => {
    const { scope } = await roundInScope(params.roundId);
    const [objections, unresolvedObjections] = await Promise.all([
      objectionRepository.list(scope, application.applicationId),
      objectionRepository.unresolved(scope, application.applicationId),
    ]);
    const resultNoticeId = noticeRepository.resultNoticeId(scope);
    return {
      applicationId: application.applicationId,
      state: application.state,
      version: application.version,
      unresolvedObjections,
      objections: objections.map((objection) => toOfficeObjectionView(objection, resultNoticeId)),
    };
  }),

  /**
   * §7: the office answers every objection against the result notice. Upheld with cancellation, the
   * application is cancelled (R5.5) in the resolution's transaction; otherwise the resolution and its
   * reason go into the application's trail and the result stands.
   */
  route(resolveResultObjection, async ({ actor, params, body, subject: { application }, now }) => {
    const inScope = await roundInScope(params.roundId);
    const { scope } = inScope;
    const objection = await objectionRepository.get(scope, application.applicationId, params.objectionId);
    // The unit resolves objections against its own publicity; the office only those against the results.
    if (!objection || objection.noticeId !== noticeRepository.resultNoticeId(scope)) {
      throw new DomainError("OBJECTION_NOT_FOUND", "未找到该异议，请刷新后从异议列表中选择。");
    }
    const updated = await answerObjection({
      application,
      objection,
      answer: body,
      actor: actingAs(actor, "office_admin"),
      now,
      expectedVersion: body.expectedVersion,
      ...(body.followUp === undefined
        ? {}
        : {
            followUp: {
              action: "cancel",
              context: lifecycleContext(inScope, now, body.reason),
            },
          }),
    });
    return { objectionId: objection.objectionId, status: body.outcome, application: toReviewResult(updated) };
  }),
];
