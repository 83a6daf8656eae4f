import { randomUUID } from "node:crypto";
import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { expect } from "vitest";
import type { ApplicationRecord } from "../../functions/adapters/dynamodb/application-record";
import { headItem } from "../../functions/adapters/dynamodb/application-repository";
import { documentClient } from "../../functions/adapters/dynamodb/client";
import type { GenerationScope } from "../../functions/adapters/dynamodb/keys";
import { DomainError } from "../../functions/core/errors";
import { SAMPLE_BASE_INFO } from "./sample-application";

/** A fresh draft of the sample application in `scope`; the fields a test cares about override it. */
export function applicationRecord(
  scope: GenerationScope,
  applicantId: string,
  overrides: Partial<ApplicationRecord> = {},
): ApplicationRecord {
  return {
    applicationId: randomUUID(),
    scope,
    applicantId,
    unitId: "unit-a",
    state: "draft",
    version: 1,
    baseInfo: SAMPLE_BASE_INFO,
    confirmedSections: [],
    evidenceRevision: 0,
    submissions: 0,
    departmentReturns: 0,
    createdAt: "2024-09-12T02:00:00.000Z",
    updatedAt: "2024-09-12T02:00:00.000Z",
    ...overrides,
  };
}

/** Writes the head as stored, in whatever state the test needs: earlier desks are other tests' business. */
export async function storeHead(application: ApplicationRecord): Promise<ApplicationRecord> {
  await documentClient.send(
    new PutCommand({ TableName: process.env.TABLE_NAME, Item: headItem(application) }),
  );
  return application;
}

/** The domain error a call was refused with; a call that succeeds fails the test. */
export async function thrown(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}
