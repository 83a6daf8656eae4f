import { randomUUID } from "node:crypto";
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { documentClient, tableName } from "../dynamodb/client";
import { keys } from "../dynamodb/keys";
import { identityErrors } from "./identity-errors";
import type { IdentityProvider } from "./identity-provider";
import { hashPassword, verifyPassword } from "./password-hash";

interface CredentialItem {
  sub: string;
  username: string;
  passwordHash: string;
  disabled: boolean;
}

/**
 * The local runtime's user directory, in place of Cognito: usernames and scrypt password hashes,
 * kept in the table under their own keys. Temporary passwords are accepted as they are (there is no
 * hosted sign-in page to change them on).
 */
export const localIdentityProvider: IdentityProvider = {
  async createUser({ username, password }) {
    const sub = randomUUID();
    const item: CredentialItem = {
      sub,
      username: username.toLowerCase(),
      passwordHash: await hashPassword(password),
      disabled: false,
    };
    try {
      await documentClient.send(
        new PutCommand({
          TableName: tableName(),
          Item: { ...keys.localCredential(username), ...item },
          ConditionExpression: "attribute_not_exists(PK)",
        }),
      );
    } catch (error) {
      if ((error as Error).name === "ConditionalCheckFailedException") throw identityErrors.usernameTaken();
      throw error;
    }
    return { sub };
  },

  async deleteUser(username) {
    await documentClient.send(
      new DeleteCommand({ TableName: tableName(), Key: keys.localCredential(username) }),
    );
  },

  async disableUser(username) {
    await setDisabled(username, true);
  },

  async enableUser(username) {
    await setDisabled(username, false);
  },
};

async function setDisabled(username: string, disabled: boolean): Promise<void> {
  await documentClient.send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.localCredential(username),
      UpdateExpression: "SET disabled = :disabled",
      ConditionExpression: "attribute_exists(PK)",
      ExpressionAttributeValues: { ":disabled": disabled },
    }),
  );
}

/** The sign-in check of the local runtime's login route: the subject of a correct, enabled login. */
export async function authenticateLocally(
  username: string,
  password: string,
): Promise<{ sub: string; username: string } | undefined> {
  const found = await documentClient.send(
    new GetCommand({ TableName: tableName(), Key: keys.localCredential(username), ConsistentRead: true }),
  );
  const item = found.Item as CredentialItem | undefined;
  if (!item || !(await verifyPassword(password, item.passwordHash)) || item.disabled) return undefined;
  return { sub: item.sub, username: item.username };
}
