import type {
  ActorRef,
  ApplicationRecord,
  AppraisalAssignment,
} from "../adapters/dynamodb/application-record";
import { snapshotOf } from "../adapters/dynamodb/application-transition";
import {
  type AppraisalAssignmentRecord,
  appraisalRepository,
} from "../adapters/dynamodb/appraisal-repository";
import { expertOf, type ReviewerProfile } from "../adapters/dynamodb/reviewer-repository";
import { staleVersion } from "../adapters/dynamodb/round-repository";
import { type Appraisee, assignExperts, checkManualAssignment } from "../core/committee";
import { baseInfoSchema } from "../core/forms";
import { applyAction, type LifecycleContext } from "../core/lifecycle";
import { expertPool } from "./appraisal-reviewers";

export interface AssignmentInput {
  application: ApplicationRecord;
  organiser: ActorRef;
  context: LifecycleContext;
  expectedVersion: number;
  /** The organiser's choice; absent, the least-loaded eligible experts are taken. */
  experts?: readonly string[] | undefined;
  anonymised: boolean;
}

export interface AssignmentResult {
  application: ApplicationRecord;
  appraisal: AppraisalAssignment;
  /** The pool the assignment was made from, to name the experts and those excluded. */
  pool: ReadonlyMap<string, ReviewerProfile>;
}

/** What the experts call an application: stable, and telling nothing of the applicant. */
function appraisalReference(application: ApplicationRecord): string {
  return `LW${application.scope.roundId}-${application.applicationId.slice(0, 8).toUpperCase()}`;
}

/**
 * R4.4 and R8.2: the organiser assigns full-senior experts to an application, automatically or by
 * hand, never one with a conflict of interest; every excluded expert is recorded with the kind of
 * conflict. The state, the assignments and the experts' loads are one transaction.
 */
export async function assignAppraisalExperts(input: AssignmentInput): Promise<AssignmentResult> {
  const { application, organiser, context } = input;
  // The state and the version answer first: a wrong state is not a problem of the pool.
  if (input.expectedVersion !== application.version) throw staleVersion();
  applyAction(snapshotOf(application), "start_appraisal", organiser, context);

  const [settings, profiles] = await Promise.all([
    appraisalRepository.settings(application.scope.roundId),
    expertPool(application.scope),
  ]);
  const pool = profiles.map(expertOf);
  const appraisee: Appraisee = {
    applicationId: application.applicationId,
    applicantId: application.applicantId,
    unitId: application.unitId,
  };
  const count = settings.expertsPerApplication;
  const chosen = input.experts
    ? checkManualAssignment(pool, appraisee, input.experts, count)
    : assignExperts(pool, appraisee, count);

  const assignedAt = context.now.toISOString();
  const appraisal: AppraisalAssignment = {
    experts: chosen.experts,
    excluded: chosen.excluded,
    mode: input.experts ? "manual" : "automatic",
    anonymised: input.anonymised,
    passRule: settings.passRule,
    assignedBy: organiser.id,
    assignedAt,
  };
  const base = baseInfoSchema.safeParse(application.baseInfo);
  const assignments = chosen.experts.map(
    (expertId): AppraisalAssignmentRecord => ({
      applicationId: application.applicationId,
      expertId,
      assignedAt,
      reference: appraisalReference(application),
      anonymised: input.anonymised,
      ...(base.success
        ? {
            qualification: base.data.qualification,
            specialty: base.data.specialty,
            ...(input.anonymised ? {} : { applicantName: base.data.name }),
          }
        : {}),
    }),
  );
  const updated = await appraisalRepository.assign(
    {
      application,
      action: "start_appraisal",
      actor: organiser,
      context,
      expectedVersion: input.expectedVersion,
      facts: { appraisal },
      detail: { mode: appraisal.mode, experts: appraisal.experts, excluded: appraisal.excluded },
    },
    assignments,
  );
  return {
    application: updated,
    appraisal,
    pool: new Map(profiles.map((profile) => [profile.accountId, profile])),
  };
}
