import * as z from "zod/mini";
import type { EvidenceItem } from "../../adapters/dynamodb/application-record";
import { EVIDENCE_CONTENT_TYPES, evidenceSlot } from "../../core/forms";

export const evidenceView = z
  .object({
    evidenceId: z.string(),
    slotId: z.string(),
    slotTitle: z.string(),
    index: z.optional(z.int()).check(z.describe("Position of the item in the section's list (0-based)")),
    year: z.optional(z.int()),
    status: z
      .enum(["pending", "verified", "refused"])
      .check(
        z.describe(
          "pending: not yet checked, cannot be used; verified: checked by its bytes and copied where only the " +
            "service writes (DESIGN.md §6); refused: the check failed, `refusal` says why — it blocks nothing, " +
            "and a new upload to the same place clears it",
        ),
      ),
    contentType: z.enum(EVIDENCE_CONTENT_TYPES),
    fileName: z.string(),
    size: z.optional(z.int()),
    sha256: z.optional(z.string()),
    versionId: z
      .optional(z.string())
      .check(
        z.describe("S3 object version; absent where the bucket keeps no versions (the local S3 server)"),
      ),
    pageCount: z.optional(z.int()),
    requestedAt: z.iso.datetime(),
    uploadExpiresAt: z.iso.datetime(),
    completeBy: z.iso.datetime(),
    verifiedAt: z.optional(z.iso.datetime()),
    mergedFrom: z.optional(z.array(z.string())),
    refusal: z.optional(
      z.object({
        code: z.string(),
        message: z.string().check(z.describe("What was wrong with the file and what to do")),
        rule: z.optional(z.string()),
        refusedAt: z.iso.datetime(),
      }),
    ),
  })
  .register(z.globalRegistry, { id: "Evidence" });

export function toEvidenceView(item: EvidenceItem): z.input<typeof evidenceView> {
  const { objectKey: _key, incomingKey: _incoming, declaredSize: _declared, refusal, ...shown } = item;
  return {
    ...shown,
    slotTitle: evidenceSlot(item.slotId)?.title ?? item.slotId,
    ...(refusal
      ? {
          refusal: {
            code: refusal.code,
            message: refusal.message,
            ...(refusal.rule ? { rule: refusal.rule } : {}),
            refusedAt: refusal.refusedAt,
          },
        }
      : {}),
  };
}
