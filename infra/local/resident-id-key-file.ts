import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The local runtime's resident-ID key (Secrets Manager's, in AWS), kept beside the data it protects:
 * with another key the stored hashes would no longer find anyone.
 */
export function localResidentIdKey(dataDir: string): string {
  const file = join(dataDir, "resident-id-key.txt");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const key = randomBytes(48).toString("base64url");
  writeFileSync(file, key, { mode: 0o600 });
  return key;
}
