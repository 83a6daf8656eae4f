import { EVIDENCE_CONTENT_TYPES, type EvidenceContentType, type SlotId } from "../../core/forms";
import { verifiedObjectKey } from "../s3/evidence-keys";
import type { PinnedEvidence } from "./application-record";
import type { GenerationScope } from "./keys";

/**
 * A pin as the submission record stores it: one short tuple, no attribute names and no object key, for
 * the key is rebuilt from the rest exactly as completion built it. A submission pins every upload of
 * the application and is written inside the state change's transaction, where each KB costs two write
 * units: [evidence id, slot, place (`i<index>`, `y<year>` or ""), SHA-256, size, content type (its
 * position in EVIDENCE_CONTENT_TYPES), page count, version id or ""].
 */
export type StoredPin = [string, string, string, string, number, number, number, string];

function placeText(pin: Pick<PinnedEvidence, "index" | "year">): string {
  if (pin.year !== undefined) return `y${pin.year}`;
  return pin.index === undefined ? "" : `i${pin.index}`;
}

export function storedPins(pins: readonly PinnedEvidence[]): StoredPin[] {
  return pins.map((pin) => [
    pin.evidenceId,
    pin.slotId,
    placeText(pin),
    pin.sha256,
    pin.size,
    EVIDENCE_CONTENT_TYPES.indexOf(pin.contentType),
    pin.pageCount,
    pin.versionId ?? "",
  ]);
}

export function pinsOf(
  stored: readonly StoredPin[],
  scope: GenerationScope,
  applicationId: string,
): PinnedEvidence[] {
  return stored.map(([evidenceId, slotId, placed, sha256, size, type, pageCount, versionId]) => {
    const contentType = EVIDENCE_CONTENT_TYPES[type] as EvidenceContentType;
    const place = placed.startsWith("y")
      ? { year: Number(placed.slice(1)) }
      : placed.startsWith("i")
        ? { index: Number(placed.slice(1)) }
        : {};
    return {
      evidenceId,
      slotId: slotId as SlotId,
      ...place,
      objectKey: verifiedObjectKey({ scope, applicationId, slotId, place, evidenceId }, contentType, sha256),
      ...(versionId ? { versionId } : {}),
      sha256,
      size,
      contentType,
      pageCount,
    };
  });
}
