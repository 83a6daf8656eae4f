import { PutCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { applicationRepository, headItem } from "../../functions/adapters/dynamodb/application-repository";
import { documentClient } from "../../functions/adapters/dynamodb/client";
import { roundRepository } from "../../functions/adapters/dynamodb/round-repository";
import {
  APPLICANT_PASSWORD,
  type Applicant,
  applicationPath,
  createApplication,
  fillApplication,
  json,
  registerApplicant,
  setClock,
  uploadEverythingMissing,
} from "./applicant";
import { apiFetch } from "./contract-validator";
import type { Client } from "./local-system";
import { freshResidentId } from "./resident-ids";
import type { SAMPLE_BASE_INFO } from "./sample-application";

export const DEMO_PASSWORD = "Gansu#2024demo";

/**
 * Signs people in at most once per clock setting: tokens expire an hour after they were issued by the
 * virtual clock, so every jump of the clock starts afresh.
 */
export class Sessions {
  private readonly passwords = new Map<string, string>();
  private readonly tokens = new Map<string, string>();

  constructor(private readonly api: Client) {}

  remember(username: string, password: string): void {
    this.passwords.set(username, password);
  }

  async as(username: string): Promise<string> {
    const cached = this.tokens.get(username);
    if (cached) return cached;
    const token = await this.api.login(username, this.passwords.get(username) ?? DEMO_PASSWORD);
    this.tokens.set(username, token);
    return token;
  }

  async at(instant: string): Promise<void> {
    await setClock(this.api, instant);
    this.tokens.clear();
  }
}

/** An admin creates a real-name account in their organisation; it signs in with the temporary password. */
export async function createStaff(
  api: Client,
  sessions: Sessions,
  admin: string,
  orgId: string,
  username: string,
  realName: string,
  roles: string[],
): Promise<string> {
  const created = await json<{ accountId: string; temporaryPassword: string }>(
    await api.send(
      "POST",
      `/orgs/${orgId}/accounts`,
      { username, realName, residentId: freshResidentId(), phone: "13800138000", roles },
      await sessions.as(admin),
    ),
    201,
  );
  sessions.remember(username, created.temporaryPassword);
  return created.accountId;
}

export interface Submitted {
  applicant: Applicant;
  applicationId: string;
  version: number;
}

/** Registers an applicant through `unitId`, fills, uploads and submits (R4.1), inside the window. */
export async function submittedApplication(
  api: Client,
  sessions: Sessions,
  url: string,
  person: { username: string; realName: string; unitId: string; baseInfo?: Partial<typeof SAMPLE_BASE_INFO> },
): Promise<Submitted> {
  const applicant = await registerApplicant(api, person.username, person.realName, person.unitId);
  sessions.remember(person.username, APPLICANT_PASSWORD);
  const token = await sessions.as(person.username);
  const created = await createApplication(api, token, applicant, person.baseInfo);
  await fillApplication(api, token, applicant, created);
  await uploadEverythingMissing(api, token, created.applicationId);
  const current = await json<{ version: number }>(
    await api.get(applicationPath(created.applicationId), token),
    200,
  );
  const submitted = await json<{ version: number }>(
    await submitAs(url, token, created.applicationId, "submit", current.version),
    200,
  );
  return { applicant, applicationId: created.applicationId, version: submitted.version };
}

export function submitAs(
  url: string,
  token: string,
  applicationId: string,
  action: "submit" | "resubmit",
  expectedVersion: number,
): Promise<Response> {
  return apiFetch(`${url}${applicationPath(applicationId, `/${action}`)}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      authorization: `Bearer ${token}`,
      "idempotency-key": `${action}-${applicationId}-${expectedVersion}`,
    },
    body: JSON.stringify({ expectedVersion }),
  });
}

/** The application's audit records, oldest first, as stored (DESIGN.md §10). */
export async function auditTrail(roundGeneration: string, applicationId: string) {
  const found = await documentClient.send(
    new QueryCommand({
      TableName: process.env.TABLE_NAME,
      KeyConditionExpression: "PK = :pk AND begins_with(SK, :audit)",
      ExpressionAttributeValues: {
        ":pk": `ROUND#2024#G${roundGeneration}#APP#${applicationId}`,
        ":audit": "AUDIT#",
      },
      ConsistentRead: true,
    }),
  );
  return (found.Items ?? []) as Record<string, unknown>[];
}

/**
 * Unit and department review are their own journey: where a test starts after them, the head is
 * written as the department's approval leaves it.
 */
export async function markDepartmentApproved(applicationId: string): Promise<void> {
  const round = await roundRepository.get("2024");
  const application = round && (await applicationRepository.get(round, applicationId));
  if (!application) throw new Error(`no application ${applicationId}`);
  await documentClient.send(
    new PutCommand({
      TableName: process.env.TABLE_NAME,
      Item: headItem({
        ...application,
        state: "department_approved",
        recommendedAt: "2024-10-10T02:00:00.000Z",
        version: application.version + 1,
      }),
    }),
  );
}
