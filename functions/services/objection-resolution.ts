import { eventWrite } from "../adapters/dynamodb/application-events";
import type { ActorRef, ApplicationRecord } from "../adapters/dynamodb/application-record";
import { applicationRepository, versionCheck } from "../adapters/dynamodb/application-repository";
import {
  type ObjectionOutcome,
  type ObjectionRecord,
  type ObjectionResolution,
  objectionRepository,
} from "../adapters/dynamodb/objection-repository";
import { writeTogether } from "../adapters/dynamodb/transactions";
import type { Action, LifecycleContext } from "../core/lifecycle";

export interface ObjectionAnswer {
  outcome: ObjectionOutcome;
  followUp?: ObjectionResolution["followUp"];
  reason: string;
}

/**
 * §7: whoever holds the notice answers every objection, and the answer with its reason goes into the
 * applicant's trail. An upheld objection's follow-up (return, cancellation) moves the application in
 * the same transaction as the answer; every answer, a dismissal too, is guarded by the version the
 * resolver read.
 */
export async function answerObjection(input: {
  application: ApplicationRecord;
  objection: ObjectionRecord;
  answer: ObjectionAnswer;
  actor: ActorRef;
  now: Date;
  /** The application's version the resolver read: every answer, a dismissal too, is given on it. */
  expectedVersion: number;
  followUp?: { action: Action; context: LifecycleContext };
}): Promise<ApplicationRecord> {
  const { application, objection, answer, actor, now, followUp, expectedVersion } = input;
  const { scope } = application;
  const resolution: ObjectionResolution = {
    outcome: answer.outcome,
    ...(answer.followUp ? { followUp: answer.followUp } : {}),
    reason: answer.reason,
    resolvedBy: actor.id,
    resolvedAt: now.toISOString(),
  };
  const resolved = objectionRepository.resolutionWrites(scope, objection, resolution);
  const detail = { objectionId: objection.objectionId, outcome: answer.outcome };
  if (followUp === undefined) {
    await writeTogether([
      versionCheck(application, expectedVersion),
      ...resolved,
      eventWrite(scope, application.applicationId, application.version, {
        at: now.toISOString(),
        action: "resolve_objection",
        actor: actor.id,
        role: actor.role,
        ...(actor.orgId ? { org: actor.orgId } : {}),
        reason: answer.reason,
        detail,
      }),
    ]);
    return application;
  }
  return applicationRepository.transition({
    application,
    action: followUp.action,
    actor,
    context: followUp.context,
    expectedVersion,
    together: resolved,
    detail,
  });
}
