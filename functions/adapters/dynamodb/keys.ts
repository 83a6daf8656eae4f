import { TABLE_DESIGN } from "./table-design";

/**
 * Key builders: the only place where key strings are spelled out, so that a typo cannot create a
 * second, invisible copy of a record. See table-design.ts for the access patterns.
 */
export const keys = {
  round: (roundId: string) => ({ PK: `ROUND#${roundId}`, SK: "ROUND" }),
  roundIndex: (roundId: string) => ({ GSI1PK: "ROUNDS", GSI1SK: `ROUND#${roundId}` }),
  account: (accountId: string) => ({ PK: `ACCOUNT#${accountId}`, SK: "PROFILE" }),
  org: (orgId: string) => ({ PK: `ORG#${orgId}`, SK: "PROFILE" }),
  /** Organisations of one kind, for the office's lists and the public unit directory. */
  orgIndex: (kind: string, orgId: string) => ({ GSI1PK: `ORGS#${kind}`, GSI1SK: `ORG#${orgId}` }),
  /** A department's units (R4.3: the department reviews what its units recommend). */
  departmentUnitIndex: (departmentId: string, unitId: string) => ({
    GSI2PK: `DEPT#${departmentId}#UNITS`,
    GSI2SK: `ORG#${unitId}`,
  }),
  /** An organisation's staff accounts, or the applicants who apply through a unit. */
  orgAccountIndex: (orgId: string, kind: "staff" | "applicant", accountId: string) => ({
    GSI2PK: `ORG#${orgId}#${kind === "staff" ? "STAFF" : "APPLICANTS"}`,
    GSI2SK: `ACCOUNT#${accountId}`,
  }),
  /** Claims a username for one account; usernames are compared in lower case. */
  usernameClaim: (username: string) => ({ PK: `USERNAME#${username.toLowerCase()}`, SK: "CLAIM" }),
  /**
   * Claims a person (by the keyed hash of their resident ID) for one account: one applicant account
   * per person, and one staff account per person and organisation.
   */
  residentIdClaim: (hash: string, holder: { kind: "applicant" } | { kind: "staff"; orgId: string }) => ({
    PK: `RESIDENTID#${hash}`,
    SK: holder.kind === "applicant" ? "APPLICANT" : `STAFF#${holder.orgId}`,
  }),
  /** The local identity provider's user directory (Cognito's, in AWS). */
  localCredential: (username: string) => ({ PK: `LOCALIDP#${username.toLowerCase()}`, SK: "CREDENTIAL" }),
  /** R2.4: one entrustment letter per central unit and round. */
  entrustment: (unitId: string, roundId: string) => ({ PK: `ORG#${unitId}`, SK: `ENTRUSTMENT#${roundId}` }),
  /** R2.5: an approval on file for a dispatched person, found by id or by the person's ID hash. */
  dispatchApproval: (approvalId: string) => ({ PK: `DISPATCH#${approvalId}`, SK: "DISPATCH" }),
  dispatchPersonIndex: (residentIdHash: string, approvalId: string) => ({
    GSI1PK: `PERSON#${residentIdHash}`,
    GSI1SK: `DISPATCH#${approvalId}`,
  }),
  /** Admin roles survive the reset (R3.2), so they are not in a generation. */
  standingRole: (orgId: string, role: string, accountId: string) => ({
    PK: `ORG#${orgId}`,
    SK: `ROLE#${role}#${accountId}`,
    GSI1PK: `ACCOUNT#${accountId}`,
    GSI1SK: `ROLE#${orgId}#${role}`,
  }),
  generationRole: (scope: GenerationScope, orgId: string, role: string, accountId: string) => ({
    PK: `${generationPrefix(scope)}#ORG#${orgId}`,
    SK: `ROLE#${role}#${accountId}`,
    GSI1PK: `ACCOUNT#${accountId}`,
    GSI1SK: `${generationPrefix(scope)}#ROLE#${orgId}#${role}`,
  }),
  /** Zero-padded so that resets sort in order of generation. */
  reset: (roundId: string, fromGeneration: number) => ({
    PK: `ROUND#${roundId}`,
    SK: `RESET#G${String(fromGeneration).padStart(4, "0")}`,
  }),
  /**
   * An issued certificate (R4.6), outside any generation: a certificate outlives its round's data and
   * is verified by its number for years. The item holds exactly what is printed, and `revokedAt` once
   * a fraud finding cancels it (R5.5).
   */
  certificate: (certificateNumber: string) => ({ PK: `CERT#${certificateNumber}`, SK: "CERTIFICATE" }),
  audit: (entity: string, at: Date, id: string) => ({
    PK: `AUDIT#${entity}`,
    SK: `${at.toISOString()}#${id}`,
  }),
};

export interface GenerationScope {
  roundId: string;
  generation: number;
}

export function generationPrefix(scope: GenerationScope): string {
  return `ROUND#${scope.roundId}#G${scope.generation}`;
}

/** FNV-1a: a cheap, stable spread of keys over shards (the purge index, the state tallies). */
export function shardOf(text: string, shards: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % shards;
}

/**
 * Every item of a generation carries these, so the purge after a reset finds all of it by query on
 * the ByGeneration index, never by scan (DESIGN.md §8).
 */
export function purgeIndexKeys(scope: GenerationScope, item: { PK: string; SK: string }) {
  const shard = shardOf(item.PK, TABLE_DESIGN.generationShards);
  return { GENPK: `GEN#${scope.roundId}#G${scope.generation}#${shard}`, GENSK: `${item.PK}|${item.SK}` };
}
