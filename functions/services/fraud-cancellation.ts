import { randomUUID } from "node:crypto";
import { accountRepository } from "../adapters/dynamodb/account-repository";
import type { ActorRef, ApplicationRecord, FraudCancellation } from "../adapters/dynamodb/application-record";
import { applicationRepository, editApplication } from "../adapters/dynamodb/application-repository";
import { type BlacklistRecord, blacklistRepository } from "../adapters/dynamodb/blacklist-repository";
import { certificateRevocationWrite } from "../adapters/dynamodb/certificate-revocation";
import { blacklistPeriod } from "../core/blacklist";
import { shanghaiDateOf } from "../core/calendar";
import { DomainError } from "../core/errors";
import type { LifecycleContext } from "../core/lifecycle";

/** What the public verification of a revoked certificate may say; the finding itself stays in the audit. */
const REVOKED_REASON = "申报弄虚作假，已被取消申报资格（R5.5），证书作废";

export interface FraudFinding {
  finding: string;
  unitAccountability: string;
  handlerAccountability: string;
  /** The document number of the office's decision, when it has one already. */
  documentNumber?: string | undefined;
}

export interface FraudCancellationResult {
  application: ApplicationRecord;
  fraudCancellation: FraudCancellation;
  entry: BlacklistRecord;
  revokedCertificate?: string;
}

/**
 * R5.5, R7.3: the title office cancels an application for fraud at any stage from its first submission
 * on (a draft is the applicant's alone: the office records the person in the register instead), and in ONE
 * transaction records the finding and who answers for it at the unit, puts the person on the
 * blacklist for 3 years from the decision and revokes the certificate if one was issued. On an
 * application already cancelled on an upheld objection it records the finding and the blacklist
 * only. A stale version or a state the lifecycle does not cancel from writes nothing.
 */
export async function cancelApplicationForFraud(input: {
  application: ApplicationRecord;
  actor: ActorRef;
  context: Omit<LifecycleContext, "reason">;
  expectedVersion: number;
  finding: FraudFinding;
}): Promise<FraudCancellationResult> {
  const { application, actor, context, finding } = input;
  const applicant = await accountRepository.get(application.applicantId);
  if (!applicant)
    throw new Error(`applicant account ${application.applicantId} of an application is missing`);
  const decidedAt = context.now.toISOString();
  const decisionDate = shanghaiDateOf(context.now);
  const entry: BlacklistRecord = {
    entryId: randomUUID(),
    residentIdHash: applicant.residentId.hash,
    sealedResidentId: applicant.residentId.sealed,
    realName: applicant.realName,
    maskedResidentId: applicant.residentId.masked,
    ground: "fraud_in_application",
    decisionDate,
    ...(finding.documentNumber ? { documentNumber: finding.documentNumber } : {}),
    reason: finding.finding,
    ...blacklistPeriod(decisionDate),
    recordedBy: actor.id,
    recordedAt: decidedAt,
    cancellation: {
      roundId: application.scope.roundId,
      generation: application.scope.generation,
      applicationId: application.applicationId,
      unitId: application.unitId,
      applicantId: applicant.accountId,
      unitAccountability: finding.unitAccountability,
      handlerAccountability: finding.handlerAccountability,
    },
    status: "active",
    version: 1,
  };
  const fraudCancellation: FraudCancellation = {
    ...finding,
    blacklistEntryId: entry.entryId,
    decidedBy: actor.id,
    decidedAt,
  };
  const certificateNumber = application.certificate?.certificateNumber;
  const together = [
    ...blacklistRepository.listingWrites(entry),
    ...(certificateNumber
      ? [certificateRevocationWrite(certificateNumber, context.now, REVOKED_REASON)]
      : []),
  ];
  const detail = {
    unitAccountability: finding.unitAccountability,
    handlerAccountability: finding.handlerAccountability,
    blacklistEntryId: entry.entryId,
    blacklistedUntil: entry.until,
    ...(certificateNumber ? { revokedCertificate: certificateNumber } : {}),
  };
  const cancelled =
    application.state === "cancelled"
      ? await recordOnCancelled(application, input.expectedVersion, fraudCancellation, actor, context.now, {
          together,
          detail: { ...detail, finding: finding.finding },
        })
      : await applicationRepository.transition({
          application,
          action: "cancel",
          actor,
          context: { ...context, reason: finding.finding },
          expectedVersion: input.expectedVersion,
          facts: { fraudCancellation },
          together,
          detail,
        });
  return {
    application: cancelled,
    fraudCancellation,
    entry,
    ...(certificateNumber ? { revokedCertificate: certificateNumber } : {}),
  };
}

/**
 * A unit that upholds an objection as fraud (§7), or the office resolving one on the result notice,
 * cancels at once without the accountability findings; the office records them afterwards and the
 * blacklist follows (R5.5). Once recorded, a second finding on the same application is refused.
 */
async function recordOnCancelled(
  application: ApplicationRecord,
  expectedVersion: number,
  fraudCancellation: FraudCancellation,
  actor: ActorRef,
  at: Date,
  writes: { together: ReturnType<typeof blacklistRepository.listingWrites>; detail: Record<string, unknown> },
): Promise<ApplicationRecord> {
  if (application.fraudCancellation) {
    throw new DomainError(
      "FRAUD_ALREADY_RECORDED",
      "该申报已认定弄虚作假并列入黑名单，不能重复认定；如需更正，请解除原黑名单记录后说明情况。",
    );
  }
  const updated = await editApplication(
    application,
    expectedVersion,
    { set: "fraudCancellation = :fraud", values: { ":fraud": fraudCancellation } },
    { action: "record_fraud_finding", actor, at, detail: writes.detail },
    writes.together,
  );
  return { ...updated, fraudCancellation };
}
