import { accountRepository } from "../../adapters/dynamodb/account-repository";
import { applicationRepository } from "../../adapters/dynamodb/application-repository";
import { noticeRepository } from "../../adapters/dynamodb/notice-repository";
import { objectionRepository } from "../../adapters/dynamodb/objection-repository";
import { reviewLists } from "../../adapters/dynamodb/review-lists";
import { presignDownload } from "../../adapters/s3/evidence-objects";
import { httpErrors } from "../../http/errors";
import { type BoundRoute, route } from "../../http/handler-group";
import { roundInScope } from "../../http/round-in-scope";
import {
  getApplicationForReview,
  listUnitApplications,
  returnApplicationByUnit,
} from "../../http/routes/unit-review";
import { toReviewApplicationView, toReviewResult, toReviewSummary } from "../../http/views/review-view";
import { feedbackText, placeFeedback } from "../../services/review-feedback";
import { reviewActionsFor, staffRef, unitActionContext } from "./review-context";

/** Reviewers' downloads are as short-lived as the applicant's (DESIGN.md §6). */
const DOWNLOAD_SECONDS = 300;

export const unitReviewRoutes: BoundRoute[] = [
  route(listUnitApplications, async ({ params, query, subject: { org: unit } }) => {
    const { scope } = await roundInScope(params.roundId);
    const page = await reviewLists.ofUnit(scope, unit.orgId, query.state, query.cursor);
    return {
      applications: page.items.map(toReviewSummary),
      ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
    };
  }),

  route(getApplicationForReview, async ({ actor, params, subject: { application, org: unit }, now }) => {
    const { scope } = await roundInScope(params.roundId);
    const { applicationId } = application;
    const [loaded, applicant, objections, unresolvedObjections, events, notice] = await Promise.all([
      applicationRepository.load(scope, applicationId),
      accountRepository.get(application.applicantId),
      objectionRepository.list(scope, applicationId),
      objectionRepository.unresolved(scope, applicationId),
      applicationRepository.events(scope, applicationId),
      application.noticeId ? noticeRepository.get(scope, application.noticeId) : undefined,
    ]);
    if (!loaded || !applicant) throw httpErrors.notFound();
    // Reviewers see what the latest submission pinned, never what the applicant uploaded since (DESIGN.md §6).
    const submission = loaded.submissions.at(-1);
    const evidence = await Promise.all(
      (submission?.evidence ?? []).map(async (pinned) => ({
        pinned,
        ...(await presignDownload(pinned, DOWNLOAD_SECONDS, now)),
      })),
    );
    return toReviewApplicationView({
      application: loaded.application,
      sections: loaded.sections,
      maskedResidentId: applicant.residentId.masked,
      submission: submission?.number ?? 0,
      evidence,
      ...(notice
        ? {
            notice: {
              noticeId: notice.noticeId,
              startsAt: notice.startsAt,
              endsAt: notice.endsAt,
              lastDay: notice.lastDay,
            },
          }
        : {}),
      unresolvedObjections,
      objections,
      events,
      availableActions: reviewActionsFor(actor, loaded.application, unit),
    });
  }),

  route(
    returnApplicationByUnit,
    async ({ actor, params, body, subject: { application, org: unit }, now }) => {
      const inScope = await roundInScope(params.roundId);
      const items = placeFeedback(body.items);
      const returned = await applicationRepository.transition({
        application,
        action: "return_by_unit",
        actor: staffRef(actor, "unit_handler", unit.orgId),
        context: await unitActionContext(inScope, unit, now, feedbackText(body.reason, items)),
        expectedVersion: body.expectedVersion,
        detail: { items },
      });
      return toReviewResult(returned);
    },
  ),
];
