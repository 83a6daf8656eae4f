import {
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminSetUserPasswordCommand,
  AdminUserGlobalSignOutCommand,
  CognitoIdentityProviderClient,
  InvalidPasswordException,
  UserNotFoundException,
  UsernameExistsException,
} from "@aws-sdk/client-cognito-identity-provider";
import { clientSettings } from "../aws-clients";
import { identityErrors } from "./identity-errors";
import type { IdentityProvider } from "./identity-provider";

const cognito = new CognitoIdentityProviderClient(clientSettings("cognito"));

function userPoolId(): string {
  const id = process.env.USER_POOL_ID;
  if (!id) throw new Error("USER_POOL_ID is not set");
  return id;
}

/**
 * Cognito keeps the username and password only: no name, phone or ID number is copied into the user
 * pool, so personal data has one home (the table) and one deletion path.
 */
export const cognitoIdentityProvider: IdentityProvider = {
  async createUser({ username, password, temporary }) {
    const UserPoolId = userPoolId();
    let sub: string | undefined;
    try {
      const created = await cognito.send(
        new AdminCreateUserCommand({
          UserPoolId,
          Username: username,
          TemporaryPassword: password,
          // The admin hands the temporary password over in person; Cognito sends nothing.
          MessageAction: "SUPPRESS",
        }),
      );
      sub = created.User?.Attributes?.find((attribute) => attribute.Name === "sub")?.Value;
    } catch (error) {
      if (error instanceof UsernameExistsException) throw identityErrors.usernameTaken();
      if (error instanceof InvalidPasswordException) throw identityErrors.weakPassword();
      throw error;
    }
    if (!sub) throw new Error("Cognito created a user without a sub");
    if (!temporary) {
      try {
        await cognito.send(
          new AdminSetUserPasswordCommand({
            UserPoolId,
            Username: username,
            Password: password,
            Permanent: true,
          }),
        );
      } catch (error) {
        // A user whose password could not be set is no account yet: take the half-made user back.
        await cognito.send(new AdminDeleteUserCommand({ UserPoolId, Username: username }));
        if (error instanceof InvalidPasswordException) throw identityErrors.weakPassword();
        throw error;
      }
    }
    return { sub };
  },

  async deleteUser(username) {
    try {
      await cognito.send(new AdminDeleteUserCommand({ UserPoolId: userPoolId(), Username: username }));
    } catch (error) {
      if (!(error instanceof UserNotFoundException)) throw error;
    }
  },

  async disableUser(username) {
    const UserPoolId = userPoolId();
    await cognito.send(new AdminDisableUserCommand({ UserPoolId, Username: username }));
    // Revokes refresh tokens; access tokens already issued stay valid until they expire, which is
    // why every request reads the account from the table.
    await cognito.send(new AdminUserGlobalSignOutCommand({ UserPoolId, Username: username }));
  },

  async enableUser(username) {
    await cognito.send(new AdminEnableUserCommand({ UserPoolId: userPoolId(), Username: username }));
  },
};
