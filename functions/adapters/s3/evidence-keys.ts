import type { EvidenceContentType } from "../../core/forms";
import type { GenerationScope } from "../dynamodb/keys";

/**
 * Two areas of the bucket (DESIGN.md §6). A presigned POST can write only under `incoming/`; the
 * service alone writes `verified/` (in AWS the bucket policy denies everyone else), and everything
 * that shows or uses evidence reads `verified/` only. Whatever lands in `incoming/` later — a re-post
 * of an old upload ticket — is an orphan nobody reads, removed by the bucket's lifecycle rule and the
 * reset's purge.
 */
export const INCOMING_PREFIX = "incoming/";
export const VERIFIED_PREFIX = "verified/";

/** Where a generation's objects live in each area: `<area>rounds/<round>/g<generation>/`. */
const generationPath = (scope: GenerationScope) => `rounds/${scope.roundId}/g${scope.generation}/`;

/**
 * Every evidence object lives under its round and generation, so the purge after a reset deletes a
 * generation by prefix and can never touch the next one's objects (DESIGN.md §8).
 */
export function generationObjectPrefixes(scope: GenerationScope): [incoming: string, verified: string] {
  return [`${INCOMING_PREFIX}${generationPath(scope)}`, `${VERIFIED_PREFIX}${generationPath(scope)}`];
}

const EXTENSIONS: Record<EvidenceContentType, string> = {
  "application/pdf": "pdf",
  "image/jpeg": "jpg",
  "image/png": "png",
};

export interface EvidencePlacement {
  scope: GenerationScope;
  applicationId: string;
  slotId: string;
  place: { index?: number; year?: number };
  evidenceId: string;
}

/** Round, generation, application, slot, place in the slot and the upload's own id. */
function placementPath({ scope, applicationId, slotId, place, evidenceId }: EvidencePlacement): string {
  const where =
    place.year !== undefined ? `y${place.year}` : place.index !== undefined ? `i${place.index}` : "a";
  return `${generationPath(scope)}applications/${applicationId}/${slotId}/${where}/${evidenceId}`;
}

/** The one key a presigned POST may write; nobody chooses it but the server. */
export function incomingObjectKey(placement: EvidencePlacement, contentType: EvidenceContentType): string {
  return `${INCOMING_PREFIX}${placementPath(placement)}.${EXTENSIONS[contentType]}`;
}

/**
 * The verified copy is named by the SHA-256 of its bytes: two completions racing with different bytes
 * write two keys, never one key twice, so a recorded hash always names the bytes stored under it.
 */
export function verifiedObjectKey(
  placement: EvidencePlacement,
  contentType: EvidenceContentType,
  sha256: string,
): string {
  return `${VERIFIED_PREFIX}${placementPath(placement)}/${sha256}.${EXTENSIONS[contentType]}`;
}

export function isVerifiedKey(key: string): boolean {
  return key.startsWith(VERIFIED_PREFIX);
}
