import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";
import { maskResidentId } from "../../core/identity";
import { residentIdKeyMaterial } from "./resident-id-key";

/**
 * How a resident ID number is stored (issue #4 §6). The ID has little entropy (region, birth date,
 * sequence), so a plain hash could be reversed by trying every number; a keyed hash cannot without
 * the key.
 * - `hash`: HMAC-SHA256, the lookup and uniqueness key (duplicates, dispatch approvals, later the
 *   blacklist) — equal numbers give equal hashes, nothing else can be learned from it.
 * - `sealed`: the number itself under AES-256-GCM, bound to its hash, opened only by the route that
 *   shows it to an authorised reviewer, which audits every opening.
 * - `masked`: what every other answer and every notice shows (DESIGN.md §7).
 * Both keys derive from one secret with HKDF, so one secret is kept, never two that could drift.
 */
export interface ProtectedResidentId {
  hash: string;
  sealed: string;
  masked: string;
}

const SEAL_VERSION = "v1";

interface DerivedKeys {
  lookup: Buffer;
  seal: Buffer;
}

let derived: Promise<DerivedKeys> | undefined;

function derive(material: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync("sha256", material, "gansu-title-review", `resident-id/${purpose}`, 32));
}

function derivedKeys(): Promise<DerivedKeys> {
  derived ??= residentIdKeyMaterial().then(
    (material) => ({ lookup: derive(material, "lookup"), seal: derive(material, "seal") }),
    (error: unknown) => {
      derived = undefined;
      throw error;
    },
  );
  return derived;
}

/** The lookup hash of a canonical (validated, upper-case) resident ID number. */
export async function residentIdHash(number: string): Promise<string> {
  const { lookup } = await derivedKeys();
  return createHmac("sha256", lookup).update(number, "utf8").digest("base64url");
}

export async function protectResidentId(number: string): Promise<ProtectedResidentId> {
  const { seal } = await derivedKeys();
  const hash = await residentIdHash(number);
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", seal, iv);
  cipher.setAAD(Buffer.from(hash, "utf8"));
  const body = Buffer.concat([cipher.update(number, "utf8"), cipher.final()]);
  const parts = [iv, body, cipher.getAuthTag()].map((part) => part.toString("base64url"));
  return { hash, sealed: [SEAL_VERSION, ...parts].join("."), masked: maskResidentId(number) };
}

/** The clear number; fails if the sealed value was altered or moved to another person's record. */
export async function openResidentId(stored: ProtectedResidentId): Promise<string> {
  const { seal } = await derivedKeys();
  const [version, iv, body, tag] = stored.sealed.split(".");
  if (version !== SEAL_VERSION || !iv || !body || !tag) throw new Error("unknown sealed resident ID format");
  const decipher = createDecipheriv("aes-256-gcm", seal, Buffer.from(iv, "base64url"));
  decipher.setAAD(Buffer.from(stored.hash, "utf8"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}
