import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "../../../functions/adapters/identity/password-hash";
import { LocalIdentityProvider } from "../../../infra/local/identity-provider";

describe("local identity provider", () => {
  const now = new Date("2024-09-11T00:00:00Z");

  it("issues access tokens with Cognito's claims that it then accepts", async () => {
    const idp = await LocalIdentityProvider.create("local-idp");
    const { accessToken, expiresIn } = await idp.issue("sub-1", "unit-admin", now);
    const claims = await idp.verify(accessToken, now);
    expect(expiresIn).toBe(3600);
    expect(claims).toMatchObject({
      sub: "sub-1",
      "cognito:username": "unit-admin",
      token_use: "access",
      client_id: "local-portal",
    });
  });

  it("refuses an expired token by the virtual clock, a token of another key and garbage", async () => {
    const idp = await LocalIdentityProvider.create("local-idp");
    const other = await LocalIdentityProvider.create("local-idp");
    const { accessToken } = await idp.issue("sub-1", "u", now);
    expect(await idp.verify(accessToken, new Date(now.getTime() + 3601_000))).toBeUndefined();
    expect(await idp.verify(accessToken, new Date(now.getTime() + 3599_000))).toBeDefined();
    expect(await other.verify(accessToken, now)).toBeUndefined();
    expect(await idp.verify("not.a.jwt", now)).toBeUndefined();
    const [header, , signature] = accessToken.split(".");
    const forged = Buffer.from(
      JSON.stringify({ sub: "admin", token_use: "access", client_id: "local-portal" }),
    ).toString("base64url");
    expect(await idp.verify(`${header}.${forged}.${signature}`, now)).toBeUndefined();
  });

  it("refuses an unsigned (alg none) token", async () => {
    const idp = await LocalIdentityProvider.create("local-idp");
    const payload = Buffer.from(
      JSON.stringify({ sub: "x", token_use: "access", client_id: "local-portal", iss: "local-idp" }),
    ).toString("base64url");
    const header = Buffer.from(JSON.stringify({ alg: "none" })).toString("base64url");
    expect(await idp.verify(`${header}.${payload}.`, now)).toBeUndefined();
  });

  it("hashes passwords with a salt and verifies only the right one", async () => {
    const a = await hashPassword("Gansu#2024demo");
    const b = await hashPassword("Gansu#2024demo");
    expect(a).not.toBe(b);
    expect(await verifyPassword("Gansu#2024demo", a)).toBe(true);
    expect(await verifyPassword("gansu#2024demo", a)).toBe(false);
    expect(await verifyPassword("Gansu#2024demo", "plain")).toBe(false);
  });
});
