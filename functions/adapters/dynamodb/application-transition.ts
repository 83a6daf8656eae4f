import { SOUGHT_LEVELS } from "../../core/eligibility";
import { baseInfoSchema } from "../../core/forms";
import {
  type Action,
  type ApplicationSnapshot,
  type ApplicationState,
  applyAction,
  assertActionInTime,
  type LifecycleContext,
} from "../../core/lifecycle";
import { notificationsFor } from "../../core/notifications";
import { eventWrite } from "./application-events";
import { applicationKeys } from "./application-keys";
import type { ActorRef, ApplicationRecord, PinnedEvidence } from "./application-record";
import { tableName } from "./client";
import { purgeIndexKeys } from "./keys";
import { outbox } from "./outbox";
import { quotaRepository } from "./quota-repository";
import { staleVersion } from "./round-repository";
import { transitionTally } from "./state-tallies";
import { storedPins } from "./submission-pins";
import { type GuardedWrite, writeTogether } from "./transactions";

/** States in which the person no longer holds an application in the round, so may start another. */
const RELEASES_CLAIM: readonly ApplicationState[] = ["withdrawn", "expired"];

/** Out of the round: a quota slot the application held goes back to its unit (R5.2, R6.3). */
const RELEASES_QUOTA: readonly ApplicationState[] = ["withdrawn", "expired", "cancelled"];

/** What the lifecycle reads from a stored application. */
export function snapshotOf(application: ApplicationRecord): ApplicationSnapshot {
  const base = baseInfoSchema.safeParse(application.baseInfo);
  return {
    state: application.state,
    applicantId: application.applicantId,
    // Every level this committee reviews is a senior title (高级职称), which goes to paper appraisal (R4.4).
    senior: base.success && SOUGHT_LEVELS.includes(base.data.qualification),
    exceptionalPromotion: base.success && base.data.applicationMethod === "exceptional",
    grassrootsScope: base.success && base.data.validityScope === "grassroots",
    departmentReturns: application.departmentReturns,
    submissions: application.submissions,
    unitPublicity: application.unitPublicity
      ? {
          openedBy: application.unitPublicity.openedBy,
          startedAt: new Date(application.unitPublicity.startedAt),
        }
      : undefined,
    resultNoticeStartedAt: application.resultNoticeStartedAt
      ? new Date(application.resultNoticeStartedAt)
      : undefined,
  };
}

/** A submission's pins, and the upload revision they were read at (it must not have moved since). */
export interface SubmissionFacts {
  evidence: PinnedEvidence[];
  evidenceRevision: number;
  /** The request's Idempotency-Key, kept on the submission record. */
  requestKey?: string;
}

export interface TransitionRequest {
  application: ApplicationRecord;
  action: Action;
  actor: ActorRef;
  /** Clock, calendar and opened phases, and the reason where the action needs one (R7.9, R5.1, R5.5). */
  context: LifecycleContext;
  /** The version the caller read; defaults to the one in `application`. */
  expectedVersion?: number;
  /** For `submit` and `resubmit`: what the submission pins (DESIGN.md §6). */
  submission?: SubmissionFacts;
  /** What the action records on the head besides the state: the notice, the first recommendation, the quota slot. */
  facts?: Partial<
    Pick<
      ApplicationRecord,
      | "noticeId"
      | "recommendedAt"
      | "quotaPool"
      | "qualificationReview"
      | "appraisal"
      | "defense"
      | "committee"
      | "certificate"
      | "fraudCancellation"
    >
  >;
  /** Writes that stand or fall with the transition: the notice, a quota slot, a resolved objection. */
  together?: GuardedWrite[];
  /** What the audit record holds besides states and reason: a return's items, a department's feedback. */
  detail?: Record<string, unknown>;
}

/** A transition worked out but not yet written: the record after it, and the writes of its one transaction. */
export interface PlannedTransition {
  updated: ApplicationRecord;
  writes: GuardedWrite[];
}

/**
 * Applies a lifecycle action (the one table of DESIGN.md §5 decides) and works out the writes of ONE
 * transaction: the new state, its indexes, its audit record and the caller's own writes, guarded by the
 * version read; the unit's state tally and the notifications the change owes (the outbox) go with it.
 * Withdrawing or expiring releases the person's claim on the round; leaving the round releases the unit
 * quota slot the application held.
 */
export function planTransition(request: TransitionRequest): PlannedTransition {
  const { application, action, actor, context, submission, facts } = request;
  const expectedVersion = request.expectedVersion ?? application.version;
  const snapshot = snapshotOf(application);
  // After the deadline the deadline answers, whatever a sweep did to the version meanwhile (DESIGN §5).
  assertActionInTime(snapshot, action, actor, context);
  if (expectedVersion !== application.version) throw staleVersion();
  const next = applyAction(snapshot, action, actor, context);
  const { scope, applicationId } = application;
  const at = context.now.toISOString();

  const updated: ApplicationRecord = {
    ...application,
    ...facts,
    state: next.state,
    version: expectedVersion + 1,
    departmentReturns: next.departmentReturns,
    updatedAt: at,
  };
  if (next.unitPublicity) {
    updated.unitPublicity = {
      openedBy: next.unitPublicity.openedBy,
      startedAt: next.unitPublicity.startedAt.toISOString(),
    };
  }
  if (next.resultNoticeStartedAt) updated.resultNoticeStartedAt = next.resultNoticeStartedAt.toISOString();
  if (submission) {
    updated.submissions = application.submissions + 1;
    updated.lastSubmittedAt = at;
    updated.firstSubmittedAt = application.firstSubmittedAt ?? at;
  }

  const together: GuardedWrite[] = [...(request.together ?? [])];
  if (submission) {
    const key = applicationKeys.submission(scope, applicationId, updated.submissions);
    together.push({
      write: {
        Put: {
          TableName: tableName(),
          Item: {
            ...key,
            ...purgeIndexKeys(scope, key),
            number: updated.submissions,
            action,
            submittedAt: at,
            pins: storedPins(submission.evidence),
            ...(submission.requestKey ? { requestKey: submission.requestKey } : {}),
          },
          ConditionExpression: "attribute_not_exists(PK)",
        },
      },
      conflict: staleVersion,
    });
  }
  if (RELEASES_CLAIM.includes(next.state)) {
    together.push({
      write: {
        Delete: {
          TableName: tableName(),
          Key: applicationKeys.activeClaim(scope, application.applicantId),
          ConditionExpression: "attribute_not_exists(PK) OR applicationId = :id",
          ExpressionAttributeValues: { ":id": applicationId },
        },
      },
      conflict: staleVersion,
    });
  }
  if (RELEASES_QUOTA.includes(next.state) && application.quotaPool) {
    together.push(
      quotaRepository.releaseWrite(scope, application.unitId, application.quotaPool, applicationId),
    );
  }
  // The round's progress counts and the notifications the change owes people (DESIGN.md §7a).
  together.push(transitionTally(scope, application.unitId, application.state, next.state));
  const base = baseInfoSchema.safeParse(application.baseInfo);
  const intents = notificationsFor({
    action,
    roundId: scope.roundId,
    applicationId,
    applicantId: application.applicantId,
    unitId: application.unitId,
    applicantName: base.success ? base.data.name : undefined,
    reason: context.reason,
    reviewCutoff: context.calendar.review.to,
    departmentReturns: next.departmentReturns,
    testData: application.testData === true,
  });
  together.push(...outbox.transitionWrites(scope, applicationId, updated.version, intents, at));

  const changed: Record<string, unknown> = {
    ...facts,
    state: updated.state,
    version: updated.version,
    departmentReturns: updated.departmentReturns,
    updatedAt: at,
    ...applicationKeys.stateIndex(scope, updated.state, applicationId),
  };
  if (updated.unitPublicity) changed.unitPublicity = updated.unitPublicity;
  if (updated.resultNoticeStartedAt) changed.resultNoticeStartedAt = updated.resultNoticeStartedAt;
  if (submission && updated.firstSubmittedAt) {
    Object.assign(changed, {
      submissions: updated.submissions,
      lastSubmittedAt: at,
      firstSubmittedAt: updated.firstSubmittedAt,
      ...applicationKeys.unitIndex(scope, application.unitId, updated.firstSubmittedAt, applicationId),
    });
  }
  const names = Object.fromEntries(Object.keys(changed).map((name, index) => [`#a${index}`, name]));
  const values = Object.fromEntries(Object.values(changed).map((value, index) => [`:a${index}`, value]));
  const writes: GuardedWrite[] = [
    {
      write: {
        Update: {
          TableName: tableName(),
          Key: applicationKeys.head(scope, applicationId),
          UpdateExpression: `SET ${Object.keys(names)
            .map((name, index) => `${name} = :a${index}`)
            .join(", ")}`,
          ConditionExpression: submission
            ? "#version = :expected AND #state = :from AND evidenceRevision = :revision"
            : "#version = :expected AND #state = :from",
          ExpressionAttributeNames: { ...names, "#version": "version", "#state": "state" },
          ExpressionAttributeValues: {
            ...values,
            ":expected": expectedVersion,
            ":from": application.state,
            ...(submission ? { ":revision": submission.evidenceRevision } : {}),
          },
        },
      },
      conflict: staleVersion,
    },
    ...together,
    eventWrite(scope, applicationId, updated.version, {
      at,
      action,
      actor: actor.id,
      role: actor.role,
      ...(actor.orgId ? { org: actor.orgId } : {}),
      fromState: application.state,
      toState: next.state,
      ...(context.reason?.trim() ? { reason: context.reason.trim() } : {}),
      detail: {
        ...(submission ? { submission: updated.submissions, pinned: submission.evidence.length } : {}),
        ...request.detail,
      },
    }),
  ];
  return { updated, writes };
}

/** Plans the transition and writes it: a stale version answers 409 and changes nothing. */
export async function transitionApplication(request: TransitionRequest): Promise<ApplicationRecord> {
  const { updated, writes } = planTransition(request);
  await writeTogether(writes);
  return updated;
}
