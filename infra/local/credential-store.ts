import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { documentClient, tableName } from "../../functions/adapters/dynamodb/client";
import { hashPassword, verifyPassword } from "./identity-provider";

interface CredentialItem {
  PK: string;
  SK: "CREDENTIAL";
  sub: string;
  username: string;
  passwordHash: string;
}

const key = (username: string) => ({ PK: `LOCALIDP#${username.toLowerCase()}`, SK: "CREDENTIAL" as const });

/**
 * The local identity provider's user directory (Cognito's, in AWS): usernames and scrypt password
 * hashes. It says who someone is, nothing about what they may do.
 */
export const credentialStore = {
  async register(username: string, password: string, sub: string): Promise<void> {
    const item: CredentialItem = {
      ...key(username),
      sub,
      username,
      passwordHash: await hashPassword(password),
    };
    await documentClient.send(
      new PutCommand({ TableName: tableName(), Item: item, ConditionExpression: "attribute_not_exists(PK)" }),
    );
  },

  async exists(username: string): Promise<boolean> {
    const found = await documentClient.send(new GetCommand({ TableName: tableName(), Key: key(username) }));
    return found.Item !== undefined;
  },

  /** The subject of a correct username and password, otherwise undefined. */
  async authenticate(
    username: string,
    password: string,
  ): Promise<{ sub: string; username: string } | undefined> {
    const found = await documentClient.send(
      new GetCommand({ TableName: tableName(), Key: key(username), ConsistentRead: true }),
    );
    const item = found.Item as CredentialItem | undefined;
    if (!item || !(await verifyPassword(password, item.passwordHash))) return undefined;
    return { sub: item.sub, username: item.username };
  },
};
