import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { documentClient, tableName } from "./client";
import { keys } from "./keys";

export type OrgKind = "unit" | "department" | "office" | "organiser";

export interface OrgRecord {
  orgId: string;
  kind: OrgKind;
  name: string;
  /** For units: the reviewing department they report to (R4.3). */
  departmentId?: string;
  createdAt: string;
}

export const orgRepository = {
  async get(orgId: string): Promise<OrgRecord | undefined> {
    const found = await documentClient.send(new GetCommand({ TableName: tableName(), Key: keys.org(orgId) }));
    if (!found.Item) return undefined;
    const { PK: _pk, SK: _sk, ...record } = found.Item;
    return record as OrgRecord;
  },

  async create(org: OrgRecord): Promise<void> {
    await documentClient.send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...keys.org(org.orgId), ...org },
        ConditionExpression: "attribute_not_exists(PK)",
      }),
    );
  },
};
