import { SOUGHT_LEVELS } from "../../core/eligibility";
import { baseInfoSchema } from "../../core/forms";
import {
  type Action,
  type ApplicationSnapshot,
  type ApplicationState,
  applyAction,
  type LifecycleContext,
} from "../../core/lifecycle";
import { eventWrite } from "./application-events";
import { applicationKeys } from "./application-keys";
import type { ActorRef, ApplicationRecord, PinnedEvidence } from "./application-record";
import { tableName } from "./client";
import { purgeIndexKeys } from "./keys";
import { staleVersion } from "./round-repository";
import { type GuardedWrite, writeTogether } from "./transactions";

/** States in which the person no longer holds an application in the round, so may start another. */
const RELEASES_CLAIM: readonly ApplicationState[] = ["withdrawn", "expired"];

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
}

/**
 * Applies a lifecycle action (the one table of DESIGN.md §5 decides) and writes the new state, its
 * indexes and its audit record in ONE transaction, guarded by the version read: a stale version
 * answers 409 and changes nothing. Withdrawing or expiring releases the person's claim on the round.
 */
export async function transitionApplication(request: TransitionRequest): Promise<ApplicationRecord> {
  const { application, action, actor, context, submission } = request;
  const expectedVersion = request.expectedVersion ?? application.version;
  if (expectedVersion !== application.version) throw staleVersion();
  const next = applyAction(snapshotOf(application), action, actor, context);
  const { scope, applicationId } = application;
  const at = context.now.toISOString();

  const updated: ApplicationRecord = {
    ...application,
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

  const together: GuardedWrite[] = [];
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
            evidence: submission.evidence,
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

  const changed: Record<string, unknown> = {
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
  await writeTogether([
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
      fromState: application.state,
      toState: next.state,
      ...(context.reason?.trim() ? { reason: context.reason.trim() } : {}),
      detail: submission ? { submission: updated.submissions, pinned: submission.evidence.length } : {},
    }),
  ]);
  return updated;
}
