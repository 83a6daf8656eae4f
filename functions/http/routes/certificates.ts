import * as z from "zod/mini";
import { defineRoute } from "../route-spec";
import { certificateVerificationView } from "../views/certificate-view";
import { applicationParams } from "./applications";

const TAG = "评审结果公示与证书";

export const downloadCertificate = defineRoute({
  operationId: "downloadCertificate",
  method: "GET",
  path: "/rounds/{roundId}/applications/{applicationId}/certificate",
  group: "certificate",
  access: "authenticated",
  summary:
    "The holder downloads their electronic certificate as a PDF to print (R4.6): name, ID photo, series, " +
    "qualification, validity scope, number, issue date and verification code; only once certified",
  tag: TAG,
  params: applicationParams,
  rawContentType: "application/pdf",
  errors: ["CERTIFICATE_GLYPH_MISSING", "CERTIFICATE_NOT_ISSUED", "CERTIFICATE_REVOKED"],
});

export const verifyCertificate = defineRoute({
  operationId: "verifyCertificate",
  method: "GET",
  path: "/certificates/{certificateNumber}",
  group: "certificate",
  access: "public",
  summary:
    "Anyone verifies a certificate by its number and the verification code printed on it (the QR code on the " +
    "certificate opens this URL): the answer shows only what is printed, the holder's name masked, and " +
    "whether it is valid or was revoked, with the date (R5.5). An unknown number, a wrong or a missing code " +
    "all answer the same 404. Content negotiation: JSON unless `Accept` ranks text/html higher",
  htmlAlternative:
    "a page in Chinese for a person, e.g. a phone that scanned the QR code — the same facts; no script, " +
    "no external resource, a strict Content-Security-Policy; a 404 answers the one not-found page",
  tag: TAG,
  params: z.object({
    certificateNumber: z.string().check(z.maxLength(64)).check(z.describe("As printed, e.g. GS2024-000001")),
  }),
  query: z.object({
    code: z
      .optional(z.string().check(z.maxLength(64)))
      .check(z.describe("The verification code as printed; case, spaces and hyphens do not matter")),
  }),
  headers: z.object({
    accept: z
      .optional(z.string().check(z.maxLength(2048)))
      .check(z.describe("text/html (as browsers send it) for the page; anything else, or none, for JSON")),
  }),
  response: certificateVerificationView,
  errors: ["CERTIFICATE_NOT_FOUND"],
});
