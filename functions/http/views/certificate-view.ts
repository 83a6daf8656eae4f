import { z } from "zod";
import type { CertificateRecord } from "../../adapters/dynamodb/certificate-repository";
import type { IssuanceOutcome } from "../../services/certificate-issuance";

export const issuanceView = z
  .object({
    document: z.object({
      roundId: z.string(),
      documentNumber: z.string(),
      issuedOn: z.string(),
      recordedBy: z.string(),
      recordedAt: z.iso.datetime(),
      certificatesIssued: z.number().int().describe("Certificates issued under the document so far"),
    }),
    certified: z
      .array(z.object({ applicationId: z.string(), holderName: z.string(), certificateNumber: z.string() }))
      .describe("Certified by this request"),
    pending: z
      .array(
        z.object({
          applicationId: z.string(),
          holderName: z.string(),
          code: z.string(),
          rule: z.string().optional(),
          message: z.string(),
        }),
      )
      .describe("Still on the result notice, with the rule that holds each back (R4.5)"),
    complete: z.boolean().describe("False while more can be certified now: call again to continue"),
  })
  .meta({ id: "CertificateIssuance" });

export function toIssuanceView(outcome: IssuanceOutcome): z.input<typeof issuanceView> {
  return outcome;
}

export const certificateVerificationView = z
  .object({
    certificateNumber: z.string(),
    holderName: z.string(),
    series: z.string(),
    qualification: z.string(),
    validityScope: z.string(),
    issuedOn: z.string(),
    issuer: z.string(),
    status: z
      .enum(["valid", "revoked"])
      .describe("revoked: cancelled for fraud after it was issued (R5.5); the certificate has no effect"),
    revokedAt: z.iso.datetime().optional(),
  })
  .meta({ id: "CertificateVerification" });

/** Only what is printed on the certificate, and whether it still stands; never the application behind it. */
export function toCertificateVerificationView(
  certificate: CertificateRecord,
): z.input<typeof certificateVerificationView> {
  return {
    certificateNumber: certificate.certificateNumber,
    holderName: certificate.holderName,
    series: certificate.series,
    qualification: certificate.qualification,
    validityScope: certificate.validityScope,
    issuedOn: certificate.issuedOn,
    issuer: certificate.issuer,
    ...(certificate.revokedAt
      ? { status: "revoked" as const, revokedAt: certificate.revokedAt }
      : { status: "valid" as const }),
  };
}
