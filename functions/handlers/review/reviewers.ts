import { reviewerRepository } from "../../adapters/dynamodb/reviewer-repository";
import { type BoundRoute, route } from "../../http/handler-group";
import { roundInScope } from "../../http/round-in-scope";
import { listReviewers, setReviewerProfile } from "../../http/routes/appraisal";
import { toReviewerProfileView } from "../../http/views/appraisal-view";
import { saveReviewerProfile } from "../../services/appraisal-reviewers";

export const reviewerRoutes: BoundRoute[] = [
  route(setReviewerProfile, async ({ actor, params, body, subject: { account }, now }) => {
    const { scope } = await roundInScope(params.roundId);
    const profile = await saveReviewerProfile({
      scope,
      account,
      expectedVersion: body.expectedVersion,
      title: body.title,
      fullSenior: body.fullSenior,
      workUnitId: body.workUnitId,
      workUnitName: body.workUnitName,
      declaredConflicts: body.declaredConflicts,
      audit: { action: "set_reviewer_profile", actor: actor.account.accountId, at: now, detail: {} },
    });
    return toReviewerProfileView(profile);
  }),

  route(listReviewers, async ({ params, query }) => {
    const { scope } = await roundInScope(params.roundId);
    const page = await reviewerRepository.list(scope, query.cursor);
    return {
      reviewers: page.items.map(toReviewerProfileView),
      ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
    };
  }),
];
