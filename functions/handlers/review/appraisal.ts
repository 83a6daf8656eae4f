import { applicationRepository } from "../../adapters/dynamodb/application-repository";
import { appraisalRepository } from "../../adapters/dynamodb/appraisal-repository";
import { httpErrors } from "../../http/errors";
import { type BoundRoute, route } from "../../http/handler-group";
import { lifecycleContext, roundInScope } from "../../http/round-in-scope";
import {
  assignAppraisalExperts,
  getAppraisal,
  getAppraisalPaper,
  listMyAppraisals,
  recordAppraisalVerdict,
} from "../../http/routes/appraisal";
import {
  toAppraisalAssignmentView,
  toExpertAppraisalSummary,
  toExpertAppraisalView,
  toVerdictResult,
} from "../../http/views/appraisal-view";
import { assignAppraisalExperts as assignExperts } from "../../services/appraisal-assignment";
import { recordAppraisalVerdict as recordVerdict } from "../../services/appraisal-verdicts";
import { designatedPaper, paperDownload, submittedPapers } from "../../services/representative-papers";
import { actingAs } from "./desk";

async function loadedSubmission(roundId: string, applicationId: string) {
  const { scope } = await roundInScope(roundId);
  const loaded = await applicationRepository.load(scope, applicationId);
  if (!loaded) throw httpErrors.notFound();
  return { scope, loaded };
}

export const appraisalRoutes: BoundRoute[] = [
  route(assignAppraisalExperts, async ({ actor, params, body, subject: { application }, now }) => {
    const inScope = await roundInScope(params.roundId);
    const assigned = await assignExperts({
      application,
      organiser: actingAs(actor, "organiser"),
      context: lifecycleContext(inScope, now),
      expectedVersion: body.expectedVersion,
      experts: body.experts,
      anonymised: body.anonymised,
    });
    return toAppraisalAssignmentView(assigned.application, assigned.appraisal, assigned.pool);
  }),

  route(listMyAppraisals, async ({ actor, params, query }) => {
    const { scope } = await roundInScope(params.roundId);
    const page = await appraisalRepository.ofExpert(scope, actor.account.accountId, query.cursor);
    return {
      appraisals: page.items.map(toExpertAppraisalSummary),
      ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
    };
  }),

  /** Only an assigned expert gets here (the access policy's `assigned` reach); the rest is 404. */
  route(getAppraisal, async ({ actor, params, now }) => {
    const { scope, loaded } = await loadedSubmission(params.roundId, params.applicationId);
    const assignment = (await appraisalRepository.assignments(scope, params.applicationId)).find(
      (candidate) => candidate.expertId === actor.account.accountId,
    );
    if (!assignment) throw httpErrors.notFound();
    const papers = await Promise.all(
      submittedPapers(loaded).map(async (paper) => ({
        ...paper,
        download: await paperDownload(paper, now),
      })),
    );
    return toExpertAppraisalView({ application: loaded.application, assignment, papers });
  }),

  route(getAppraisalPaper, async ({ params, now }) => {
    const { loaded } = await loadedSubmission(params.roundId, params.applicationId);
    return paperDownload(designatedPaper(submittedPapers(loaded), params.evidenceId), now);
  }),

  route(recordAppraisalVerdict, async ({ actor, params, body, now }) => {
    const inScope = await roundInScope(params.roundId);
    const { application, assignment } = await recordVerdict({
      scope: inScope.scope,
      applicationId: params.applicationId,
      expert: actingAs(actor, "expert"),
      verdict: body.verdict,
      comments: body.comments,
      context: lifecycleContext(inScope, now),
    });
    return toVerdictResult(application, assignment);
  }),
];
