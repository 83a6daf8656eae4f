import {
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminSetUserPasswordCommand,
  AdminUserGlobalSignOutCommand,
  CognitoIdentityProviderClient,
  InvalidPasswordException,
  UserNotFoundException,
  UsernameExistsException,
} from "@aws-sdk/client-cognito-identity-provider";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { cognitoIdentityProvider } from "../../../functions/adapters/identity/cognito-identity-provider";
import { identityProvider } from "../../../functions/adapters/identity/current-identity-provider";
import { localIdentityProvider } from "../../../functions/adapters/identity/local-identity-provider";
import { DomainError } from "../../../functions/core/errors";

type Sent = { name: string; input: Record<string, unknown> };

describe("Cognito identity provider adapter", () => {
  let sent: Sent[];
  let answer: (command: Sent) => unknown;
  beforeEach(() => {
    sent = [];
    answer = () => ({});
    process.env.USER_POOL_ID = "cn-northwest-1_pool";
    vi.spyOn(CognitoIdentityProviderClient.prototype, "send").mockImplementation(async (command: unknown) => {
      const entry = {
        name: (command as object).constructor.name,
        input: (command as { input: Record<string, unknown> }).input,
      };
      sent.push(entry);
      return answer(entry) as never;
    });
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("creates an admin-made user with a temporary password and nothing else: no message, no personal data", async () => {
    answer = () => ({ User: { Attributes: [{ Name: "sub", Value: "sub-123" }] } });
    const created = await cognitoIdentityProvider.createUser({
      username: "xq-admin",
      password: "Temp#12345aB",
      temporary: true,
    });
    expect(created).toEqual({ sub: "sub-123" });
    expect(sent).toEqual([
      {
        name: AdminCreateUserCommand.name,
        input: {
          UserPoolId: "cn-northwest-1_pool",
          Username: "xq-admin",
          TemporaryPassword: "Temp#12345aB",
          MessageAction: "SUPPRESS",
        },
      },
    ]);
  });

  it("makes a self-registered applicant's own password permanent", async () => {
    answer = (command) =>
      command.name === AdminCreateUserCommand.name
        ? { User: { Attributes: [{ Name: "sub", Value: "sub-9" }] } }
        : {};
    await cognitoIdentityProvider.createUser({
      username: "applicant",
      password: "Apply#2024ok",
      temporary: false,
    });
    expect(sent.map((command) => command.name)).toEqual([
      AdminCreateUserCommand.name,
      AdminSetUserPasswordCommand.name,
    ]);
    expect(sent[1]?.input).toMatchObject({
      Username: "applicant",
      Password: "Apply#2024ok",
      Permanent: true,
    });
  });

  it("takes the user back when the applicant's password cannot be set, answering 400", async () => {
    answer = (command) => {
      if (command.name === AdminSetUserPasswordCommand.name) {
        throw new InvalidPasswordException({ message: "weak", $metadata: {} });
      }
      return { User: { Attributes: [{ Name: "sub", Value: "sub-9" }] } };
    };
    await expect(
      cognitoIdentityProvider.createUser({ username: "applicant", password: "x", temporary: false }),
    ).rejects.toSatisfy((error) => error instanceof DomainError && error.code === "PASSWORD_TOO_WEAK");
    expect(sent.map((command) => command.name)).toEqual([
      AdminCreateUserCommand.name,
      AdminSetUserPasswordCommand.name,
      AdminDeleteUserCommand.name,
    ]);
  });

  it("answers a taken username with 409 and a rejected password with 400, in the table's words", async () => {
    answer = () => {
      throw new UsernameExistsException({ message: "exists", $metadata: {} });
    };
    await expect(
      cognitoIdentityProvider.createUser({ username: "u", password: "p", temporary: true }),
    ).rejects.toSatisfy((error) => error instanceof DomainError && error.code === "USERNAME_TAKEN");
    answer = () => {
      throw new InvalidPasswordException({ message: "weak", $metadata: {} });
    };
    await expect(
      cognitoIdentityProvider.createUser({ username: "u", password: "p", temporary: true }),
    ).rejects.toSatisfy((error) => error instanceof DomainError && error.code === "PASSWORD_TOO_WEAK");
  });

  it("disables and signs out everywhere; deleting a user that is gone is not an error", async () => {
    await cognitoIdentityProvider.disableUser("xq-handler");
    expect(sent.map((command) => command.name)).toEqual([
      AdminDisableUserCommand.name,
      AdminUserGlobalSignOutCommand.name,
    ]);
    answer = () => {
      throw new UserNotFoundException({ message: "gone", $metadata: {} });
    };
    await expect(cognitoIdentityProvider.deleteUser("gone")).resolves.toBeUndefined();
    expect(sent.at(-1)?.name).toBe(AdminDeleteUserCommand.name);
  });
});

describe("identity provider selection", () => {
  const saved = process.env.IDENTITY_PROVIDER;
  afterEach(() => {
    process.env.IDENTITY_PROVIDER = saved;
  });

  it("follows IDENTITY_PROVIDER and refuses to guess when it is unset", () => {
    process.env.IDENTITY_PROVIDER = "cognito";
    expect(identityProvider()).toBe(cognitoIdentityProvider);
    process.env.IDENTITY_PROVIDER = "local";
    expect(identityProvider()).toBe(localIdentityProvider);
    delete process.env.IDENTITY_PROVIDER;
    expect(() => identityProvider()).toThrow(/IDENTITY_PROVIDER/);
  });
});
