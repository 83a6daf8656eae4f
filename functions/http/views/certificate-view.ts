import * as z from "zod/mini";
import type { CertificateRecord } from "../../adapters/dynamodb/certificate-repository";
import { shanghaiDateOf } from "../../core/calendar";
import { maskPersonName } from "../../core/identity";
import type { IssuanceOutcome } from "../../services/certificate-issuance";

export const issuanceView = z
  .object({
    document: z.object({
      roundId: z.string(),
      documentNumber: z.string(),
      issuedOn: z.iso.date(),
      recordedBy: z.string(),
      recordedAt: z.iso.datetime(),
      certificatesIssued: z.int().check(z.describe("Certificates issued under the document so far")),
    }),
    certified: z
      .array(z.object({ applicationId: z.string(), holderName: z.string(), certificateNumber: z.string() }))
      .check(z.describe("Certified by this request")),
    pending: z
      .array(
        z.object({
          applicationId: z.string(),
          holderName: z.string(),
          code: z.string(),
          rule: z.optional(z.string()),
          message: z.string(),
        }),
      )
      .check(z.describe("Still on the result notice, with the rule that holds each back (R4.5)")),
    complete: z.boolean().check(z.describe("False while more can be certified now: call again to continue")),
  })
  .register(z.globalRegistry, { id: "CertificateIssuance" });

export function toIssuanceView(outcome: IssuanceOutcome): z.input<typeof issuanceView> {
  return outcome;
}

export const certificateVerificationView = z
  .object({
    certificateNumber: z.string(),
    maskedHolderName: z
      .string()
      .check(
        z.describe("The holder's name with the characters between the first and the last masked: 李*燕, 王*"),
      ),
    series: z.string(),
    qualification: z.string(),
    validityScope: z.string(),
    issuedOn: z.iso.date().check(z.describe("Issue date as printed, YYYY-MM-DD")),
    issuer: z.string(),
    status: z
      .enum(["valid", "revoked"])
      .check(
        z.describe("revoked: cancelled for fraud after it was issued (R5.5); the certificate has no effect"),
      ),
    statusLabel: z.enum(["有效", "已撤销"]).check(z.describe("The status as the verification page shows it")),
    revokedAt: z.optional(z.iso.datetime()),
    revokedOn: z.optional(z.iso.date()).check(z.describe("Beijing date of the revocation, YYYY-MM-DD")),
  })
  .register(z.globalRegistry, { id: "CertificateVerification" });

export type CertificateVerification = z.input<typeof certificateVerificationView>;

/**
 * What is printed on the certificate, the holder's name masked, and whether it still stands; never the
 * application behind it, the verification code or why it was revoked.
 */
export function toCertificateVerificationView(certificate: CertificateRecord): CertificateVerification {
  return {
    certificateNumber: certificate.certificateNumber,
    maskedHolderName: maskPersonName(certificate.holderName),
    series: certificate.series,
    qualification: certificate.qualification,
    validityScope: certificate.validityScope,
    issuedOn: certificate.issuedOn,
    issuer: certificate.issuer,
    ...(certificate.revokedAt
      ? {
          status: "revoked" as const,
          statusLabel: "已撤销" as const,
          revokedAt: certificate.revokedAt,
          revokedOn: shanghaiDateOf(new Date(certificate.revokedAt)),
        }
      : { status: "valid" as const, statusLabel: "有效" as const }),
  };
}
