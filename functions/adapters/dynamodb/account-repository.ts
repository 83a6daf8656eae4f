import { GetCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { DomainError } from "../../core/errors";
import type { ContactPreference } from "../../core/notifications";
import type { Role } from "../../core/roles";
import { identityErrors } from "../identity/identity-errors";
import type { ProtectedResidentId } from "../identity/resident-id-protection";
import { type AuditContext, auditPut } from "./audit-repository";
import { documentClient, tableName } from "./client";
import { type GenerationScope, generationPrefix, keys, purgeIndexKeys } from "./keys";
import { type Page, queryIndexPage } from "./page";
import { withoutKeys } from "./records";
import { staleVersion } from "./round-repository";
import { type GuardedWrite, writeTogether } from "./transactions";

export type AccountKind = "staff" | "applicant";

export interface AccountRecord {
  accountId: string;
  username: string;
  realName: string;
  kind: AccountKind;
  /** Staff: the organisation they work for. Applicants: the unit they apply through (R2.2, R2.3). */
  orgId: string;
  phone: string;
  /** The channel notifications use; without one, a text message to `phone`. */
  contact?: ContactPreference;
  residentId: ProtectedResidentId;
  disabled: boolean;
  version: number;
  createdAt: string;
  updatedAt?: string;
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

export function isStanding(role: Role): boolean {
  return STANDING_ROLES.includes(role);
}

function roleKeys(assignment: RoleAssignment) {
  const { role, orgId, accountId, generation } = assignment;
  return isStanding(role) || !generation
    ? keys.standingRole(orgId, role, accountId)
    : keys.generationRole(generation, orgId, role, accountId);
}

function assignmentItem(assignment: RoleAssignment, at: string) {
  const { role, orgId, accountId, generation } = assignment;
  const item = roleKeys(assignment);
  const fields = { role, orgId, accountId, assignedAt: at };
  if (isStanding(role) || !generation) return { ...item, ...fields };
  return { ...item, ...purgeIndexKeys(generation, item), ...fields, ...generation };
}

const sameAssignment = (a: RoleAssignment, b: RoleAssignment) =>
  a.role === b.role && a.orgId === b.orgId && a.generation?.generation === b.generation?.generation;

/** An edit of the account item, written only if nobody changed the account since it was read. */
function versionGuard(
  account: AccountRecord,
  expectedVersion: number,
  at: Date,
  set: string,
  values: object,
) {
  return {
    write: {
      Update: {
        TableName: tableName(),
        Key: keys.account(account.accountId),
        UpdateExpression: `SET ${set}, #version = :next, updatedAt = :at`,
        ConditionExpression: "#version = :expected",
        ExpressionAttributeNames: { "#version": "version" },
        ExpressionAttributeValues: {
          ":expected": expectedVersion,
          ":next": expectedVersion + 1,
          ":at": at.toISOString(),
          ...values,
        },
      },
    },
    conflict: staleVersion,
  } satisfies GuardedWrite;
}

function residentIdTaken(kind: AccountKind): DomainError {
  const message =
    kind === "applicant"
      ? "该身份证号码已注册申报人账号，请直接登录；如忘记用户名或密码，请联系所在单位。"
      : "该身份证号码在本机构已有账号，请勿重复创建；如需调整，请修改原账号的角色。";
  return new DomainError("RESIDENT_ID_TAKEN", message, {
    fields: [{ path: "body.residentId", message: "身份证号码已有账号" }],
  });
}

function residentIdHolder(account: Pick<AccountRecord, "kind" | "orgId">) {
  return account.kind === "applicant"
    ? ({ kind: "applicant" } as const)
    : ({ kind: "staff", orgId: account.orgId } as const);
}

export const accountRepository = {
  /** Read consistently: a disabled account must be refused on the very next request. */
  async get(accountId: string): Promise<AccountRecord | undefined> {
    const found = await documentClient.send(
      new GetCommand({ TableName: tableName(), Key: keys.account(accountId), ConsistentRead: true }),
    );
    return found.Item ? (withoutKeys(found.Item) as unknown as AccountRecord) : undefined;
  },

  /** Whether the username, or the person in this capacity, already has an account. */
  async claims(
    username: string,
    account: Pick<AccountRecord, "kind" | "orgId">,
    residentIdHash: string,
  ): Promise<DomainError | undefined> {
    const [byName, byPerson] = await Promise.all([
      documentClient.send(new GetCommand({ TableName: tableName(), Key: keys.usernameClaim(username) })),
      documentClient.send(
        new GetCommand({
          TableName: tableName(),
          Key: keys.residentIdClaim(residentIdHash, residentIdHolder(account)),
        }),
      ),
    ]);
    if (byName.Item) return identityErrors.usernameTaken();
    if (byPerson.Item) return residentIdTaken(account.kind);
    return undefined;
  },

  /**
   * An account, the claims on its username and person, its roles and the audit record in one
   * transaction: an account never exists half-made, and never twice.
   */
  async create(account: AccountRecord, roles: RoleAssignment[], audit: AuditContext): Promise<void> {
    const owner = { accountId: account.accountId };
    await writeTogether([
      {
        write: {
          Put: {
            TableName: tableName(),
            Item: {
              ...keys.account(account.accountId),
              ...keys.orgAccountIndex(account.orgId, account.kind, account.accountId),
              ...account,
            },
            ConditionExpression: "attribute_not_exists(PK)",
          },
        },
        conflict: () => new DomainError("ACCOUNT_EXISTS", "该账号已存在。"),
      },
      {
        write: {
          Put: {
            TableName: tableName(),
            Item: { ...keys.usernameClaim(account.username), ...owner },
            ConditionExpression: "attribute_not_exists(PK)",
          },
        },
        conflict: identityErrors.usernameTaken,
      },
      {
        write: {
          Put: {
            TableName: tableName(),
            Item: {
              ...keys.residentIdClaim(account.residentId.hash, residentIdHolder(account)),
              ...owner,
            },
            ConditionExpression: "attribute_not_exists(PK)",
          },
        },
        conflict: () => residentIdTaken(account.kind),
      },
      ...roles.map((assignment) => ({
        write: { Put: { TableName: tableName(), Item: assignmentItem(assignment, account.createdAt) } },
      })),
      { write: auditPut({ entity: `ACCOUNT#${account.accountId}`, ...audit }) },
    ]);
  },

  /** The roles an account holds now: standing roles, and those of the round's current generation. */
  async rolesOf(accountId: string, current: GenerationScope | undefined): Promise<RoleAssignment[]> {
    const found = await documentClient.send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: "GSI1",
        KeyConditionExpression: "GSI1PK = :account",
        ExpressionAttributeValues: { ":account": `ACCOUNT#${accountId}` },
      }),
    );
    const currentPrefix = current ? `${generationPrefix(current)}#ROLE#` : undefined;
    return (found.Items ?? [])
      .filter((item) => {
        const sortKey = item.GSI1SK as string;
        return (
          sortKey.startsWith("ROLE#") || (currentPrefix !== undefined && sortKey.startsWith(currentPrefix))
        );
      })
      .map((item) => ({
        role: item.role as Role,
        orgId: item.orgId as string,
        accountId,
        ...(String(item.GSI1SK).startsWith("ROLE#") || !current
          ? {}
          : { generation: { roundId: current.roundId, generation: current.generation } }),
      }));
  },

  /**
   * Roles the account held in earlier generations of the round, which the reset left behind (R3.2).
   * Read only to explain a refusal; the purge removes them in the end.
   */
  async formerRolesOf(accountId: string, current: GenerationScope): Promise<RoleAssignment[]> {
    const found = await documentClient.send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: "GSI1",
        KeyConditionExpression: "GSI1PK = :account AND begins_with(GSI1SK, :round)",
        ExpressionAttributeValues: {
          ":account": `ACCOUNT#${accountId}`,
          ":round": `ROUND#${current.roundId}#G`,
        },
      }),
    );
    return (found.Items ?? []).flatMap((item) => {
      const generation = Number(/^ROUND#[^#]+#G(\d+)#ROLE#/.exec(String(item.GSI1SK))?.[1]);
      return generation < current.generation
        ? [{ role: item.role as Role, orgId: item.orgId as string, accountId }]
        : [];
    });
  },

  /** Role holders of an organisation now: its standing roles plus the current generation's. */
  async holdersIn(orgId: string, current: GenerationScope): Promise<RoleAssignment[]> {
    const query = (pk: string) =>
      documentClient.send(
        new QueryCommand({
          TableName: tableName(),
          KeyConditionExpression: "PK = :pk AND begins_with(SK, :role)",
          ExpressionAttributeValues: { ":pk": pk, ":role": "ROLE#" },
          ConsistentRead: true,
        }),
      );
    const [standing, generational] = await Promise.all([
      query(`ORG#${orgId}`),
      query(`${generationPrefix(current)}#ORG#${orgId}`),
    ]);
    const generation = { roundId: current.roundId, generation: current.generation };
    return [
      ...(standing.Items ?? []).map((item) => ({
        role: item.role as Role,
        orgId,
        accountId: item.accountId as string,
      })),
      ...(generational.Items ?? []).map((item) => ({
        role: item.role as Role,
        orgId,
        accountId: item.accountId as string,
        generation,
      })),
    ];
  },

  /** An organisation's staff accounts, a page at a time. */
  async staffOf(orgId: string, cursor?: string): Promise<Page<AccountRecord>> {
    return queryIndexPage<AccountRecord>({
      index: "GSI2",
      partition: keys.orgAccountIndex(orgId, "staff", "").GSI2PK,
      cursor,
    });
  },

  /** Replaces the roles the account holds now with `next`, guarded by the account's version. */
  async replaceRoles(
    account: AccountRecord,
    expectedVersion: number,
    current: RoleAssignment[],
    next: RoleAssignment[],
    audit: AuditContext,
  ): Promise<number> {
    const removed = current.filter((held) => !next.some((wanted) => sameAssignment(held, wanted)));
    const added = next.filter((wanted) => !current.some((held) => sameAssignment(held, wanted)));
    await writeTogether([
      versionGuard(account, expectedVersion, audit.at, "rolesChangedAt = :at", {}),
      ...removed.map((assignment) => {
        const { PK, SK } = roleKeys(assignment);
        return { write: { Delete: { TableName: tableName(), Key: { PK, SK } } } };
      }),
      ...added.map((assignment) => ({
        write: { Put: { TableName: tableName(), Item: assignmentItem(assignment, audit.at.toISOString()) } },
      })),
      { write: auditPut({ entity: `ACCOUNT#${account.accountId}`, ...audit }) },
    ]);
    return expectedVersion + 1;
  },

  async setDisabled(
    account: AccountRecord,
    disabled: boolean,
    expectedVersion: number,
    audit: AuditContext,
  ): Promise<number> {
    await writeTogether([
      versionGuard(account, expectedVersion, audit.at, "disabled = :disabled", { ":disabled": disabled }),
      { write: auditPut({ entity: `ACCOUNT#${account.accountId}`, ...audit }) },
    ]);
    return expectedVersion + 1;
  },

  async updatePhone(
    account: AccountRecord,
    phone: string,
    expectedVersion: number,
    audit: AuditContext,
  ): Promise<number> {
    await writeTogether([
      versionGuard(account, expectedVersion, audit.at, "phone = :phone", { ":phone": phone }),
      { write: auditPut({ entity: `ACCOUNT#${account.accountId}`, ...audit }) },
    ]);
    return expectedVersion + 1;
  },

  /** How the person wants to be told what they must act on (DESIGN.md §7a). */
  async updateContact(
    account: AccountRecord,
    contact: ContactPreference,
    expectedVersion: number,
    audit: AuditContext,
  ): Promise<number> {
    await writeTogether([
      versionGuard(account, expectedVersion, audit.at, "contact = :contact", { ":contact": contact }),
      { write: auditPut({ entity: `ACCOUNT#${account.accountId}`, ...audit }) },
    ]);
    return expectedVersion + 1;
  },
};
