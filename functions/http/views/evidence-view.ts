import { z } from "zod";
import type { EvidenceItem } from "../../adapters/dynamodb/application-record";
import { EVIDENCE_CONTENT_TYPES, evidenceSlot } from "../../core/forms";

export const evidenceView = z
  .object({
    evidenceId: z.string(),
    slotId: z.string(),
    slotTitle: z.string(),
    index: z.number().int().optional().describe("Position of the item in the section's list (0-based)"),
    year: z.number().int().optional(),
    status: z
      .enum(["pending", "verified", "refused"])
      .describe(
        "pending: not yet checked, cannot be used; verified: checked by its bytes and copied where only the " +
          "service writes (DESIGN.md §6); refused: the check failed, `refusal` says why — it blocks nothing, " +
          "and a new upload to the same place clears it",
      ),
    contentType: z.enum(EVIDENCE_CONTENT_TYPES),
    fileName: z.string(),
    size: z.number().int().optional(),
    sha256: z.string().optional(),
    versionId: z
      .string()
      .optional()
      .describe("S3 object version; absent where the bucket keeps no versions (the local S3 server)"),
    pageCount: z.number().int().optional(),
    requestedAt: z.iso.datetime(),
    uploadExpiresAt: z.iso.datetime(),
    completeBy: z.iso.datetime(),
    verifiedAt: z.iso.datetime().optional(),
    mergedFrom: z.array(z.string()).optional(),
    refusal: z
      .object({
        code: z.string(),
        message: z.string().describe("What was wrong with the file and what to do"),
        rule: z.string().optional(),
        refusedAt: z.iso.datetime(),
      })
      .optional(),
  })
  .meta({ id: "Evidence" });

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
