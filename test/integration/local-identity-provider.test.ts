import { beforeAll, describe, expect, it } from "vitest";
import {
  authenticateLocally,
  localIdentityProvider,
} from "../../functions/adapters/identity/local-identity-provider";
import { DomainError } from "../../functions/core/errors";
import { useFreshTable } from "../support/table";

describe("the local identity provider, in the table (Cognito's stand-in)", () => {
  beforeAll(async () => {
    await useFreshTable();
  });

  it("creates a user once, in any letter case, and signs them in with the right password only", async () => {
    const { sub } = await localIdentityProvider.createUser({
      username: "Xq-Admin",
      password: "Temp#12345aB",
      temporary: true,
    });
    await expect(
      localIdentityProvider.createUser({ username: "xq-admin", password: "Other#12345aB", temporary: false }),
    ).rejects.toSatisfy((error) => error instanceof DomainError && error.code === "USERNAME_TAKEN");
    expect(await authenticateLocally("XQ-ADMIN", "Temp#12345aB")).toEqual({ sub, username: "xq-admin" });
    expect(await authenticateLocally("xq-admin", "temp#12345ab")).toBeUndefined();
  });

  it("refuses a disabled user's sign-in until enabled, and forgets a deleted one", async () => {
    await localIdentityProvider.disableUser("xq-admin");
    expect(await authenticateLocally("xq-admin", "Temp#12345aB")).toBeUndefined();
    await localIdentityProvider.enableUser("xq-admin");
    expect(await authenticateLocally("xq-admin", "Temp#12345aB")).toBeDefined();
    await localIdentityProvider.deleteUser("xq-admin");
    expect(await authenticateLocally("xq-admin", "Temp#12345aB")).toBeUndefined();
    await expect(localIdentityProvider.deleteUser("xq-admin")).resolves.toBeUndefined();
  });
});
