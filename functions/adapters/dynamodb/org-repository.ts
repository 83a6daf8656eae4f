import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { DomainError } from "../../core/errors";
import { type AuditContext, auditPut } from "./audit-repository";
import { documentClient, tableName } from "./client";
import { keys } from "./keys";
import type { OrgKind, OrgRecord, UnitRecord } from "./org-record";
import { type Page, queryIndexPage } from "./page";
import { withoutKeys } from "./records";
import { staleVersion } from "./round-repository";
import { writeTogether } from "./transactions";

/** The unit fields the office may edit; kind, id and history stay as they are. */
export type UnitChanges = Partial<Omit<UnitRecord, "kind" | "orgId" | "version" | "createdAt" | "updatedAt">>;

function indexKeys(org: OrgRecord) {
  return {
    ...keys.orgIndex(org.kind, org.orgId),
    ...(org.kind === "unit" ? keys.departmentUnitIndex(org.departmentId, org.orgId) : {}),
  };
}

export const orgRepository = {
  async get(orgId: string): Promise<OrgRecord | undefined> {
    const found = await documentClient.send(new GetCommand({ TableName: tableName(), Key: keys.org(orgId) }));
    return found.Item ? (withoutKeys(found.Item) as unknown as OrgRecord) : undefined;
  },

  /** An organisation and its audit record, together; an id is never taken twice. */
  async create(org: OrgRecord, audit: AuditContext): Promise<void> {
    await writeTogether([
      {
        write: {
          Put: {
            TableName: tableName(),
            Item: { ...keys.org(org.orgId), ...indexKeys(org), ...org },
            ConditionExpression: "attribute_not_exists(PK)",
          },
        },
        conflict: () => new DomainError("ORG_EXISTS", "该机构编号已存在，请勿重复创建。"),
      },
      { write: auditPut({ entity: `ORG#${org.orgId}`, ...audit }) },
    ]);
  },

  /** Edits a unit if nobody changed it since `expectedVersion` was read; answers the new version. */
  async updateUnit(
    unit: UnitRecord,
    changes: UnitChanges,
    expectedVersion: number,
    audit: AuditContext,
  ): Promise<UnitRecord> {
    const next: UnitRecord = {
      ...unit,
      ...changes,
      version: expectedVersion + 1,
      updatedAt: audit.at.toISOString(),
    };
    const names: Record<string, string> = { "#version": "version" };
    const values: Record<string, unknown> = { ":expected": expectedVersion };
    const assignments = Object.entries({
      ...changes,
      ...keys.departmentUnitIndex(next.departmentId, next.orgId),
      version: next.version,
      updatedAt: next.updatedAt,
    }).map(([field, value], index) => {
      names[`#f${index}`] = field;
      values[`:v${index}`] = value;
      return `#f${index} = :v${index}`;
    });
    await writeTogether([
      {
        write: {
          Update: {
            TableName: tableName(),
            Key: keys.org(unit.orgId),
            UpdateExpression: `SET ${assignments.join(", ")}`,
            ConditionExpression: "#version = :expected",
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
          },
        },
        conflict: staleVersion,
      },
      {
        write: auditPut({
          entity: `ORG#${unit.orgId}`,
          ...audit,
          detail: { ...audit.detail, changes },
        }),
      },
    ]);
    return next;
  },

  /** Organisations of one kind, a page at a time. */
  list(kind: OrgKind, cursor?: string): Promise<Page<OrgRecord>> {
    return queryIndexPage<OrgRecord>({ index: "GSI1", partition: keys.orgIndex(kind, "").GSI1PK, cursor });
  },

  /** The units that report to a department, a page at a time. */
  unitsOf(departmentId: string, cursor?: string): Promise<Page<OrgRecord>> {
    return queryIndexPage<OrgRecord>({
      index: "GSI2",
      partition: keys.departmentUnitIndex(departmentId, "").GSI2PK,
      cursor,
    });
  },
};
