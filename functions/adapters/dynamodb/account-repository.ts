import { GetCommand, QueryCommand, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import type { Role } from "../../core/roles";
import { documentClient, tableName } from "./client";
import { type GenerationScope, generationPrefix, keys, purgeIndexKeys } from "./keys";

export interface AccountRecord {
  accountId: string;
  username: string;
  realName: string;
  kind: "staff" | "applicant";
  /** The organisation the account belongs to (unit, department, office, organiser). */
  orgId?: string;
  disabled: boolean;
  createdAt: string;
}

export interface RoleAssignment {
  role: Role;
  orgId: string;
  accountId: string;
  /** Absent for standing roles, which survive a reset (R3.2). */
  generation?: GenerationScope;
}

/** Roles that survive the reset: the admins who must re-create everyone else (R3.2, DESIGN.md §8). */
export const STANDING_ROLES: readonly Role[] = [
  "unit_admin",
  "department_admin",
  "office_admin",
  "organiser",
];

function assignmentItem(assignment: RoleAssignment, at: string) {
  const { role, orgId, accountId, generation } = assignment;
  if (STANDING_ROLES.includes(role) || !generation) {
    return { ...keys.standingRole(orgId, role, accountId), role, orgId, accountId, assignedAt: at };
  }
  const item = keys.generationRole(generation, orgId, role, accountId);
  return {
    ...item,
    ...purgeIndexKeys(generation, item),
    role,
    orgId,
    accountId,
    assignedAt: at,
    ...generation,
  };
}

export const accountRepository = {
  async get(accountId: string): Promise<AccountRecord | undefined> {
    const found = await documentClient.send(
      new GetCommand({ TableName: tableName(), Key: keys.account(accountId) }),
    );
    if (!found.Item) return undefined;
    const { PK: _pk, SK: _sk, ...record } = found.Item;
    return record as AccountRecord;
  },

  /** An account and its roles in one transaction: an account never exists half-made. */
  async create(account: AccountRecord, roles: RoleAssignment[]): Promise<void> {
    await documentClient.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: tableName(),
              Item: { ...keys.account(account.accountId), ...account },
              ConditionExpression: "attribute_not_exists(PK)",
            },
          },
          ...roles.map((assignment) => ({
            Put: { TableName: tableName(), Item: assignmentItem(assignment, account.createdAt) },
          })),
        ],
      }),
    );
  },

  /** The roles an account holds now: standing roles, and those of the round's current generation. */
  async rolesOf(accountId: string, current: GenerationScope): Promise<RoleAssignment[]> {
    const found = await documentClient.send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: "GSI1",
        KeyConditionExpression: "GSI1PK = :account",
        ExpressionAttributeValues: { ":account": `ACCOUNT#${accountId}` },
      }),
    );
    const currentPrefix = `${generationPrefix(current)}#ROLE#`;
    return (found.Items ?? [])
      .filter((item) => {
        const sortKey = item.GSI1SK as string;
        return sortKey.startsWith("ROLE#") || sortKey.startsWith(currentPrefix);
      })
      .map((item) => ({
        role: item.role as Role,
        orgId: item.orgId as string,
        accountId,
        ...(String(item.GSI1SK).startsWith("ROLE#") ? {} : { generation: current }),
      }));
  },

  /** Role holders of an organisation now: its standing roles plus the current generation's. */
  async holdersIn(orgId: string, current: GenerationScope): Promise<RoleAssignment[]> {
    const query = (pk: string) =>
      documentClient.send(
        new QueryCommand({
          TableName: tableName(),
          KeyConditionExpression: "PK = :pk AND begins_with(SK, :role)",
          ExpressionAttributeValues: { ":pk": pk, ":role": "ROLE#" },
        }),
      );
    const [standing, generational] = await Promise.all([
      query(`ORG#${orgId}`),
      query(`${generationPrefix(current)}#ORG#${orgId}`),
    ]);
    return [...(standing.Items ?? []), ...(generational.Items ?? [])].map((item) => ({
      role: item.role as Role,
      orgId,
      accountId: item.accountId as string,
    }));
  },
};
