import { once } from "../../adapters/dynamodb/application-idempotency";
import {
  type ApplicationRecord,
  isVerified,
  type PinnedEvidence,
  type SubmissionRecord,
} from "../../adapters/dynamodb/application-record";
import { applicationRepository } from "../../adapters/dynamodb/application-repository";
import { snapshotOf } from "../../adapters/dynamodb/application-transition";
import { orgRepository } from "../../adapters/dynamodb/org-repository";
import { staleVersion } from "../../adapters/dynamodb/round-repository";
import { eligibilityConfigOf } from "../../core/eligibility";
import { applyAction, assertActionInTime, STATE_LABELS } from "../../core/lifecycle";
import { assertReady } from "../../core/readiness";
import type { Actor } from "../../http/actor";
import { httpErrors } from "../../http/errors";
import { type BoundRoute, route } from "../../http/handler-group";
import {
  getApplicationStatus,
  resubmitApplication,
  submitApplication,
  withdrawApplication,
} from "../../http/routes/application-actions";
import { toStatusView } from "../../http/views/status-view";
import { testDataOf } from "../../http/views/test-data";
import { assertEligible } from "../../services/application-eligibility";
import { checklistOf } from "../../services/application-readiness";
import {
  applicantOf,
  lifecycleContext,
  ownApplication,
  ownLoadedApplication,
  roundInScope,
} from "./application-scope";

interface SubmitRequest {
  actor: Actor;
  params: { roundId: string; applicationId: string };
  body: { expectedVersion: number };
  headers: Record<string, string | undefined>;
  lambdaContext: Parameters<typeof once>[1];
  now: Date;
}

function submittedAnswer(application: ApplicationRecord, submission: SubmissionRecord) {
  return {
    applicationId: application.applicationId,
    state: application.state,
    stateLabel: STATE_LABELS[application.state],
    version: application.version,
    submission: submission.number,
    submittedAt: submission.submittedAt,
    pinnedEvidence: submission.evidence.length,
    ...testDataOf(application),
  };
}

/**
 * Submit and resubmit (R4.1, R7.9): the lifecycle first (the deadline by the clock whatever the state,
 * then version and state), then the checklist, then eligibility; only then ONE transaction moves the
 * state and pins every verified upload by version id and SHA-256. A retry with the same Idempotency-Key
 * gets the first answer: from the idempotency record, or — when the first attempt's write reached the
 * table but its answer was lost to a timeout — from the submission record that carries the key.
 */
function submission(action: "submit" | "resubmit") {
  return async ({ actor, params, body, headers, lambdaContext, now }: SubmitRequest) => {
    const applicant = applicantOf(actor);
    const inScope = await roundInScope(params.roundId);
    // The key belongs to this application: another person's application stays a 404, key or not.
    await ownApplication(inScope, params.applicationId, applicant);
    const key = headers["idempotency-key"] ?? "";
    return once(
      { key, applicationId: params.applicationId, callerId: applicant.id, action },
      lambdaContext,
      async () => {
        const loaded = await ownLoadedApplication(inScope, params.applicationId, applicant);
        const { application } = loaded;
        const landed = loaded.submissions.find(
          (earlier) => earlier.requestKey === key && earlier.action === action,
        );
        if (landed) return submittedAnswer(application, landed);
        const context = lifecycleContext(inScope, now);
        const snapshot = snapshotOf(application);
        // After the deadline nothing else matters (R3), not even what a sweep did to the version.
        assertActionInTime(snapshot, action, applicant, context);
        if (body.expectedVersion !== application.version) throw staleVersion();
        applyAction(snapshot, action, applicant, context);
        assertReady(await checklistOf(loaded, actor.account, inScope.calendar));
        const unit = await orgRepository.get(application.unitId);
        if (unit?.kind !== "unit") throw httpErrors.notFound();
        await assertEligible({
          loaded,
          account: actor.account,
          unit,
          roundId: inScope.scope.roundId,
          calendar: inScope.calendar,
          config: eligibilityConfigOf(inScope.round.eligibilityRuleSet),
          now,
        });
        const evidence: PinnedEvidence[] = loaded.evidence.flatMap((item) =>
          isVerified(item)
            ? [
                {
                  evidenceId: item.evidenceId,
                  slotId: item.slotId,
                  ...(item.index === undefined ? {} : { index: item.index }),
                  ...(item.year === undefined ? {} : { year: item.year }),
                  objectKey: item.objectKey,
                  ...(item.versionId ? { versionId: item.versionId } : {}),
                  sha256: item.sha256,
                  size: item.size,
                  contentType: item.contentType,
                  pageCount: item.pageCount ?? 1,
                },
              ]
            : [],
        );
        const submitted = await applicationRepository.transition({
          application,
          action,
          actor: applicant,
          context,
          expectedVersion: body.expectedVersion,
          submission: { evidence, evidenceRevision: application.evidenceRevision, requestKey: key },
        });
        return submittedAnswer(submitted, {
          number: submitted.submissions,
          action,
          submittedAt: submitted.lastSubmittedAt ?? now.toISOString(),
          evidence,
        });
      },
    );
  };
}

export const applicationActionRoutes: BoundRoute[] = [
  route(submitApplication, submission("submit")),
  route(resubmitApplication, submission("resubmit")),

  route(withdrawApplication, async ({ actor, params, body, now }) => {
    const applicant = applicantOf(actor);
    const inScope = await roundInScope(params.roundId);
    const application = await ownApplication(inScope, params.applicationId, applicant);
    const withdrawn = await applicationRepository.transition({
      application,
      action: "withdraw",
      actor: applicant,
      context: lifecycleContext(inScope, now, body.reason),
      expectedVersion: body.expectedVersion,
    });
    const events = await applicationRepository.events(inScope.scope, withdrawn.applicationId);
    return toStatusView(withdrawn, events, inScope.calendar);
  }),

  route(getApplicationStatus, async ({ actor, params }) => {
    const applicant = applicantOf(actor);
    const inScope = await roundInScope(params.roundId);
    const application = await ownApplication(inScope, params.applicationId, applicant);
    const events = await applicationRepository.events(inScope.scope, application.applicationId);
    return toStatusView(application, events, inScope.calendar);
  }),
];
