import { certificateFont } from "../adapters/certificate-font";
import { certificateSeal, verificationBaseUrl } from "../adapters/certificate-settings";
import type { ActorRef, ApplicationRecord } from "../adapters/dynamodb/application-record";
import { applicationRepository } from "../adapters/dynamodb/application-repository";
import { auditRepository } from "../adapters/dynamodb/audit-repository";
import { type CertificateRecord, certificateRepository } from "../adapters/dynamodb/certificate-repository";
import { readVerifiedObject } from "../adapters/s3/evidence-objects";
import { shanghaiDateOf } from "../core/calendar";
import { certificateVerificationUrl } from "../core/certificates";
import { DomainError } from "../core/errors";
import { STATE_LABELS } from "../core/lifecycle";
import { type CertificateAssets, type CertificateContent, renderCertificate } from "./certificate-pdf";

function notIssued(application: ApplicationRecord): DomainError {
  return new DomainError(
    "CERTIFICATE_NOT_ISSUED",
    `电子证书在评审结果公示期满、省职改办印发资格文件后发放；您的申报当前状态为“${STATE_LABELS[application.state]}”，暂无可下载的证书。`,
    { rule: "R4.6" },
  );
}

/** R5.5: a revoked certificate is no longer handed out, and the holder is told since when. */
function revoked(revokedAt: string): DomainError {
  return new DomainError(
    "CERTIFICATE_REVOKED",
    `您的电子证书已于${shanghaiDateOf(new Date(revokedAt))}因申报弄虚作假被撤销，不能再下载；如有异议，请联系省职改办。`,
    { rule: "R5.5" },
  );
}

/** Exactly what the certificate item holds as printed; the public verification shows the same. */
function printedContent(certificate: CertificateRecord): CertificateContent {
  return {
    holderName: certificate.holderName,
    series: certificate.series,
    qualification: certificate.qualification,
    validityScope: certificate.validityScope,
    certificateNumber: certificate.certificateNumber,
    issuedOn: certificate.issuedOn,
    issuer: certificate.issuer,
    verificationCode: certificate.verificationCode,
    verificationUrl: certificateVerificationUrl(
      verificationBaseUrl(),
      certificate.certificateNumber,
      certificate.verificationCode,
    ),
  };
}

/** The ID photo the latest submission pinned (R7.4): the verified bytes the reviewers saw. */
async function idPhotoOf(application: ApplicationRecord): Promise<CertificateAssets["photo"]> {
  const loaded = await applicationRepository.load(application.scope, application.applicationId);
  const pinned = loaded?.submissions.at(-1)?.evidence.find((item) => item.slotId === "id_photo");
  if (!pinned || pinned.contentType === "application/pdf") return undefined;
  return {
    bytes: await readVerifiedObject(pinned.objectKey, pinned.versionId),
    contentType: pinned.contentType,
  };
}

/**
 * R4.6: the holder's electronic certificate as a PDF, rendered from the certificate item each time it is
 * downloaded. Only a certified application has one: earlier the answer names the rule, after a fraud
 * finding revoked it (R5.5) it says so with the date, and nothing is written. Each download is audited
 * under the certificate.
 */
export async function certificateDownload(
  application: ApplicationRecord,
  holder: ActorRef,
  now: Date,
): Promise<{ certificateNumber: string; pdf: Uint8Array }> {
  const number = application.certificate?.certificateNumber;
  const certificate = number ? await certificateRepository.get(number) : undefined;
  if (!certificate || certificate.applicationId !== application.applicationId) throw notIssued(application);
  if (certificate.revokedAt) throw revoked(certificate.revokedAt);
  if (application.state !== "certified") throw notIssued(application);
  const [font, photo, seal] = await Promise.all([
    certificateFont(),
    idPhotoOf(application),
    certificateSeal(),
  ]);
  const pdf = await renderCertificate(printedContent(certificate), {
    font,
    ...(photo ? { photo } : {}),
    ...(seal ? { seal } : {}),
  });
  await auditRepository.record({
    entity: `CERT#${certificate.certificateNumber}`,
    action: "download_certificate",
    actor: holder.id,
    at: now,
    detail: { applicationId: application.applicationId },
  });
  return { certificateNumber: certificate.certificateNumber, pdf };
}
