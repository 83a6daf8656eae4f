import { createHash, randomInt, timingSafeEqual } from "node:crypto";
import { accountRepository } from "../adapters/dynamodb/account-repository";
import type { ActorRef, ApplicationRecord, CertificateFacts } from "../adapters/dynamodb/application-record";
import { planTransition } from "../adapters/dynamodb/application-transition";
import { type CertificateRecord, certificateRepository } from "../adapters/dynamodb/certificate-repository";
import type { GenerationScope } from "../adapters/dynamodb/keys";
import { noticeRepository } from "../adapters/dynamodb/notice-repository";
import { objectionRepository } from "../adapters/dynamodb/objection-repository";
import {
  documentConflict,
  type QualificationDocumentRecord,
  qualificationDocumentRepository,
} from "../adapters/dynamodb/qualification-document-repository";
import { writeTogether } from "../adapters/dynamodb/transactions";
import { formatShanghai, resultNoticeLength, shanghaiDateOf } from "../core/calendar";
import { TITLE_LEVEL_LABELS, VALIDITY_SCOPE_LABELS } from "../core/eligibility";
import { DomainError, ruleViolation } from "../core/errors";
import { baseInfoSchema } from "../core/forms";
import type { LifecycleContext } from "../core/lifecycle";
import { applicationsIn, TITLE_OFFICE } from "./result-notice";

/** Certificates one request issues; the next request continues under the same document. */
const CERTIFICATES_PER_REQUEST = 100;

/** No 0/O, 1/I/L: a code read off paper and typed in cannot be mistyped between look-alikes. */
export const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const CODE_GROUP = 5;

/** `GS2024-000001`: the province, the round, and the place in the round's one sequence. */
export function certificateNumber(roundId: string, sequence: number): string {
  return `GS${roundId.toUpperCase()}-${String(sequence).padStart(6, "0")}`;
}

/** Two groups of five from a 31-letter alphabet (about 49 bits), drawn by the CSPRNG: `7Q4MK-2XDHP`. */
export function newVerificationCode(): string {
  const letters = Array.from(
    { length: 2 * CODE_GROUP },
    () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)],
  );
  return `${letters.slice(0, CODE_GROUP).join("")}-${letters.slice(CODE_GROUP).join("")}`;
}

/** Spaces, hyphens and case do not matter to a person typing the code. */
export function normaliseCode(code: string): string {
  return code.replace(/[\s-]/g, "").toUpperCase();
}

/** Compared as digests of equal length, in constant time: the answer's timing tells nothing of the code. */
export function sameCode(expected: string, given: string): boolean {
  const digest = (code: string) => createHash("sha256").update(normaliseCode(code)).digest();
  return timingSafeEqual(digest(expected), digest(given));
}

export interface QualificationDocument {
  documentNumber: string;
  issuedOn: string;
}

export interface CertificateIssuance {
  scope: GenerationScope;
  context: LifecycleContext;
  office: ActorRef;
  document: QualificationDocument;
}

export interface IssuedCertificate {
  applicationId: string;
  holderName: string;
  certificateNumber: string;
}

/** An application still on the result notice, and the rule that holds it back (R4.5). */
export interface PendingCertificate {
  applicationId: string;
  holderName: string;
  code: string;
  rule?: string;
  message: string;
}

export interface IssuanceOutcome {
  document: QualificationDocumentRecord;
  certified: IssuedCertificate[];
  pending: PendingCertificate[];
  /** False while certifiable applications remain for the next request. */
  complete: boolean;
}

function notPublished(): DomainError {
  return ruleViolation(
    "R4.5",
    "RESULT_NOT_PUBLISHED",
    "本轮评审结果尚未公示；评审结果公示期满后方可印发资格文件、发放证书。",
  );
}

function noticeRunning(endsAt: Date, workingDays: number): DomainError {
  return ruleViolation(
    "R4.5",
    "RESULT_NOTICE_NOT_FINISHED",
    `评审结果公示不少于${workingDays}个工作日，本轮公示至${formatShanghai(endsAt)}（北京时间）结束；` +
      "公示期满后方可印发资格文件、发放证书。",
  );
}

/** The count the guard read is checked again as the transaction commits, as the recommendation does (§7). */
function objectionOnResult(): DomainError {
  return ruleViolation("R4.5", "OBJECTION_UNRESOLVED", "公示期间收到的异议尚未处理完毕，请先核查并处理异议");
}

/** The lifecycle's refusal as a value: an application held back is reported, not an error of the request. */
function refusalOr<T>(plan: () => T): T | DomainError {
  try {
    return plan();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
}

/** The document follows the notice (R4.5, R4.6) and is not dated in the future. */
function assertIssuedOn(issuedOn: string, noticeEndsAt: Date, now: Date): void {
  const earliest = shanghaiDateOf(noticeEndsAt);
  const today = shanghaiDateOf(now);
  if (issuedOn < earliest || issuedOn > today) {
    throw ruleViolation(
      "R4.6",
      "ISSUE_DATE_INVALID",
      `资格文件须在评审结果公示期满后印发，发文日期应在${earliest}至${today}之间，请核对文件的发文日期。`,
      [{ path: "body.issuedOn", message: `发文日期应在${earliest}至${today}之间` }],
    );
  }
}

/** The round's document as recorded, recording it on the first request; a different one conflicts (409). */
async function recordedDocument(request: CertificateIssuance): Promise<QualificationDocumentRecord> {
  const { scope, context, office, document } = request;
  const recorded = await qualificationDocumentRepository.get(scope.roundId);
  if (recorded) {
    if (recorded.documentNumber !== document.documentNumber || recorded.issuedOn !== document.issuedOn) {
      throw documentConflict(recorded);
    }
    return recorded;
  }
  const created: QualificationDocumentRecord = {
    roundId: scope.roundId,
    documentNumber: document.documentNumber,
    issuedOn: document.issuedOn,
    recordedBy: office.id,
    recordedAt: context.now.toISOString(),
    certificatesIssued: 0,
  };
  await qualificationDocumentRepository.record(created, {
    action: "record_qualification_document",
    actor: office.id,
    at: context.now,
    detail: { documentNumber: document.documentNumber, issuedOn: document.issuedOn },
  });
  return created;
}

function printedFor(
  application: ApplicationRecord,
  holderName: string,
  number: string,
  document: QualificationDocumentRecord,
): CertificateRecord {
  const base = baseInfoSchema.parse(application.baseInfo);
  return {
    certificateNumber: number,
    holderName,
    series: base.series,
    qualification: TITLE_LEVEL_LABELS[base.qualification],
    validityScope: VALIDITY_SCOPE_LABELS[base.validityScope],
    issuedOn: document.issuedOn,
    issuer: TITLE_OFFICE,
    verificationCode: newVerificationCode(),
    applicationId: application.applicationId,
    roundId: application.scope.roundId,
    generation: application.scope.generation,
  };
}

/**
 * R4.6: records the round's qualification document once, then certifies every application on the result
 * notice that the lifecycle lets through (notice over, no objection unresolved — R4.5, §7). Each
 * certification — the state, the certificate facts on the application, the next number of the document's
 * sequence, the certificate item and the audit record — is one transaction. The answer names what is
 * still held back and why; asking again continues, and certifies nothing twice.
 */
export async function issueCertificates(
  request: CertificateIssuance,
  limit = CERTIFICATES_PER_REQUEST,
): Promise<IssuanceOutcome> {
  const { scope, context, office } = request;
  const notice = await noticeRepository.getResult(scope);
  if (!notice) throw notPublished();
  const endsAt = new Date(notice.endsAt);
  if (context.now < endsAt) {
    throw noticeRunning(endsAt, resultNoticeLength(context.calendar.notices).days);
  }
  assertIssuedOn(request.document.issuedOn, endsAt, context.now);
  const document = await recordedDocument(request);

  // Numbered in the order of the notice, so the sequence reads like the published list.
  const order = new Map(notice.entries.map((entry) => [entry.applicationId, entry.entry]));
  const candidates = (await applicationsIn(scope, "result_publicity")).sort(
    (a, b) => (order.get(a.applicationId) ?? 0) - (order.get(b.applicationId) ?? 0),
  );
  const facts = await Promise.all(
    candidates.map(async (application) => {
      const [unresolvedObjections, holder] = await Promise.all([
        objectionRepository.unresolved(scope, application.applicationId),
        accountRepository.get(application.applicantId),
      ]);
      if (!holder) throw new Error(`holder of ${application.applicationId} is missing`);
      return { application, unresolvedObjections, holderName: holder.realName };
    }),
  );

  let issued = document.certificatesIssued;
  const certified: IssuedCertificate[] = [];
  const pending: PendingCertificate[] = [];
  let deferred = 0;
  for (const { application, unresolvedObjections, holderName } of facts) {
    const printed = printedFor(
      application,
      holderName,
      certificateNumber(scope.roundId, issued + 1),
      document,
    );
    const certificate: CertificateFacts = {
      certificateNumber: printed.certificateNumber,
      verificationCode: printed.verificationCode,
      issuedOn: document.issuedOn,
      documentNumber: document.documentNumber,
    };
    const writes = refusalOr(
      () =>
        planTransition({
          application,
          action: "certify",
          actor: office,
          context: { ...context, unresolvedObjections },
          facts: { certificate },
          together: [
            {
              ...objectionRepository.noneUnresolved(scope, application.applicationId),
              conflict: objectionOnResult,
            },
            qualificationDocumentRepository.takeNumberWrite(scope.roundId, issued),
            certificateRepository.putWrite(printed),
          ],
          detail: { certificateNumber: printed.certificateNumber, documentNumber: document.documentNumber },
        }).writes,
    );
    if (writes instanceof DomainError) {
      pending.push({
        applicationId: application.applicationId,
        holderName,
        code: writes.code,
        ...(writes.details.rule ? { rule: writes.details.rule } : {}),
        message: writes.message,
      });
      continue;
    }
    // Every application is checked, so the answer names all that are held back; the rest waits for the next request.
    if (certified.length >= limit) {
      deferred += 1;
      continue;
    }
    await writeTogether(writes);
    issued += 1;
    certified.push({
      applicationId: application.applicationId,
      holderName,
      certificateNumber: printed.certificateNumber,
    });
  }
  return {
    document: { ...document, certificatesIssued: issued },
    certified,
    pending,
    complete: deferred === 0,
  };
}

/**
 * The public check of a certificate: the certificate when number and code match, undefined otherwise —
 * an unknown number, a wrong code and a missing one are told apart by nobody.
 */
export async function checkCertificate(
  number: string,
  code: string | undefined,
): Promise<CertificateRecord | undefined> {
  const wanted = number.trim().toUpperCase();
  if (!/^[A-Z0-9-]{1,40}$/.test(wanted)) return undefined;
  const certificate = await certificateRepository.get(wanted);
  const matches = sameCode(certificate?.verificationCode ?? "", code ?? "");
  return certificate && code !== undefined && matches ? certificate : undefined;
}
