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
      .enum(["pending", "verified"])
      .describe("pending: not yet checked, cannot be used; verified: checked by its bytes (DESIGN.md §6)"),
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
  })
  .meta({ id: "Evidence" });

export function toEvidenceView(item: EvidenceItem): z.input<typeof evidenceView> {
  const { objectKey: _key, declaredSize: _declared, ...shown } = item;
  return { ...shown, slotTitle: evidenceSlot(item.slotId)?.title ?? item.slotId };
}
