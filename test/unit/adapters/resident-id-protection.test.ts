import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { residentIdCheckCharacter } from "../../../functions/core/identity";

const body = "62010219800101001";
const NUMBER = `${body}${residentIdCheckCharacter(body)}`;
const OTHER_BODY = "62010219800101002";
const OTHER = `${OTHER_BODY}${residentIdCheckCharacter(OTHER_BODY)}`;

// The key is read once per module instance (a cold start); each test starts a fresh instance.
async function fresh() {
  vi.resetModules();
  return import("../../../functions/adapters/identity/resident-id-protection");
}

describe("resident ID protection (issue #4 §6)", () => {
  const saved = { ...process.env };
  beforeEach(() => {
    delete process.env.RESIDENT_ID_KEY_SECRET_ARN;
    process.env.RESIDENT_ID_KEY = "k".repeat(48);
  });
  afterEach(() => {
    process.env = { ...saved };
  });

  it("hashes the same number to the same key, other numbers and other keys to others", async () => {
    const first = await fresh();
    const hash = await first.residentIdHash(NUMBER);
    expect(await first.residentIdHash(NUMBER)).toBe(hash);
    expect(await first.residentIdHash(OTHER)).not.toBe(hash);
    expect(hash).not.toContain(NUMBER.slice(6, 14));
    process.env.RESIDENT_ID_KEY = "x".repeat(48);
    expect(await (await fresh()).residentIdHash(NUMBER)).not.toBe(hash);
  });

  it("seals the number so only the key opens it, masks it for display, and never stores it in clear", async () => {
    const { protectResidentId, openResidentId } = await fresh();
    const stored = await protectResidentId(NUMBER);
    expect(stored.masked).toBe(`6201**********${NUMBER.slice(14)}`);
    expect(JSON.stringify(stored)).not.toContain(NUMBER);
    expect(await openResidentId(stored)).toBe(NUMBER);
    const again = await protectResidentId(NUMBER);
    expect(again.sealed).not.toBe(stored.sealed);
  });

  it("refuses a sealed value that was altered or moved onto another person's hash", async () => {
    const { protectResidentId, openResidentId } = await fresh();
    const mine = await protectResidentId(NUMBER);
    const theirs = await protectResidentId(OTHER);
    await expect(openResidentId({ ...theirs, sealed: mine.sealed })).rejects.toThrow();
    const [version, iv, cipher, tag] = mine.sealed.split(".");
    const flipped = `${version}.${iv}.${cipher?.startsWith("A") ? "B" : "A"}${cipher?.slice(1)}.${tag}`;
    await expect(openResidentId({ ...mine, sealed: flipped })).rejects.toThrow();
  });

  it("refuses key material that is too short, and says which setting is missing", async () => {
    process.env.RESIDENT_ID_KEY = "short";
    await expect((await fresh()).residentIdHash(NUMBER)).rejects.toThrow(/RESIDENT_ID_KEY/);
    delete process.env.RESIDENT_ID_KEY;
    await expect((await fresh()).residentIdHash(NUMBER)).rejects.toThrow(/RESIDENT_ID_KEY_SECRET_ARN/);
  });

  describe("in AWS, through the Parameters and Secrets extension", () => {
    let server: Server;
    let requests: { url: string; token: string | undefined }[];
    beforeEach(async () => {
      requests = [];
      server = createServer((request, response) => {
        requests.push({
          url: request.url ?? "",
          token: request.headers["x-aws-parameters-secrets-token"] as string,
        });
        response.setHeader("content-type", "application/json");
        response.end(JSON.stringify({ SecretString: "s".repeat(64) }));
      });
      await new Promise<void>((resolveListen) => server.listen(0, "127.0.0.1", () => resolveListen()));
      delete process.env.RESIDENT_ID_KEY;
      process.env.RESIDENT_ID_KEY_SECRET_ARN = "arn:aws-cn:secretsmanager:cn-northwest-1:1:secret:key-AbCdEf";
      process.env.PARAMETERS_SECRETS_EXTENSION_HTTP_PORT = String((server.address() as AddressInfo).port);
      process.env.AWS_SESSION_TOKEN = "session-token";
    });
    afterEach(async () => {
      await new Promise<void>((resolveClose) => server.close(() => resolveClose()));
    });

    it("reads the secret once per cold start, with the session token, whatever the number of calls", async () => {
      const { residentIdHash, protectResidentId } = await fresh();
      await residentIdHash(NUMBER);
      await protectResidentId(OTHER);
      await residentIdHash(OTHER);
      expect(requests).toEqual([
        {
          url: `/secretsmanager/get?secretId=${encodeURIComponent(process.env.RESIDENT_ID_KEY_SECRET_ARN ?? "")}`,
          token: "session-token",
        },
      ]);
      process.env.RESIDENT_ID_KEY = "s".repeat(64);
      expect(await (await fresh()).residentIdHash(NUMBER)).toBe(await residentIdHash(NUMBER));
    });
  });
});
