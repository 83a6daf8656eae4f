import { randomUUID } from "node:crypto";
import { QueryCommand, ScanCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import type { ActorRef, ApplicationRecord } from "../../functions/adapters/dynamodb/application-record";
import { applicationRepository } from "../../functions/adapters/dynamodb/application-repository";
import { documentClient } from "../../functions/adapters/dynamodb/client";
import { purgeItemsBatch } from "../../functions/adapters/dynamodb/generation-purge";
import { type GenerationScope, generationPrefix } from "../../functions/adapters/dynamodb/keys";
import type { DomainError } from "../../functions/core/errors";
import type { LifecycleContext } from "../../functions/core/lifecycle";
import { applicationRecord, thrown } from "../support/applications";
import { ROUND_2024_CALENDAR } from "../support/round-2024";
import { useFreshTable } from "../support/table";

const SCOPE: GenerationScope = { roundId: "2024", generation: 3 };
const SYSTEM: ActorRef = { id: "system", role: "system" };

function draft(applicantId: string = randomUUID(), scope = SCOPE): ApplicationRecord {
  return applicationRecord(scope, applicantId);
}

const at = (iso: string): LifecycleContext => ({
  now: new Date(iso),
  calendar: ROUND_2024_CALENDAR,
  openedPhases: ["preparation", "application", "review"],
});

const applicantOf = (application: ApplicationRecord): ActorRef => ({
  id: application.applicantId,
  role: "applicant",
});

async function partition(application: ApplicationRecord): Promise<Record<string, unknown>[]> {
  const found = await documentClient.send(
    new QueryCommand({
      TableName: process.env.TABLE_NAME,
      KeyConditionExpression: "PK = :pk",
      ExpressionAttributeValues: {
        ":pk": `${generationPrefix(application.scope)}#APP#${application.applicationId}`,
      },
      ConsistentRead: true,
    }),
  );
  return found.Items ?? [];
}

describe("application repository on DynamoDB Local", () => {
  beforeAll(async () => {
    await useFreshTable();
  });

  it("R4.1 keeps one active application per person and round, also when two creations race", async () => {
    const person = randomUUID();
    const [first, second] = [draft(person), draft(person)];
    const results = await Promise.allSettled([
      applicationRepository.create(first, applicantOf(first)),
      applicationRepository.create(second, applicantOf(second)),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
    expect((refused.reason as DomainError).code).toBe("APPLICATION_EXISTS");
    expect(await applicationRepository.listOfApplicant(SCOPE, person)).toHaveLength(1);
    expect(await thrown(applicationRepository.create(draft(person), SYSTEM))).toMatchObject({
      code: "APPLICATION_EXISTS",
    });
  });

  it("a stale version answers 409 STALE_VERSION and changes nothing", async () => {
    const application = draft();
    await applicationRepository.create(application, applicantOf(application));
    const saved = await applicationRepository.saveSection(
      application,
      "summary",
      { text: "小结" },
      true,
      1,
      applicantOf(application),
      new Date("2024-09-12T03:00:00Z"),
    );
    expect(saved.version).toBe(2);
    const before = await partition(application);
    const error = await thrown(
      applicationRepository.saveSection(
        application,
        "summary",
        { text: "另一个小结" },
        true,
        1,
        applicantOf(application),
        new Date("2024-09-12T03:01:00Z"),
      ),
    );
    expect(error.code).toBe("STALE_VERSION");
    expect(await partition(application)).toEqual(before);
    const stale = await thrown(
      applicationRepository.transition({
        application,
        action: "withdraw",
        actor: applicantOf(application),
        context: at("2024-09-12T04:00:00Z"),
      }),
    );
    expect(stale.code).toBe("STALE_VERSION");
    expect(await partition(application)).toEqual(before);
  });

  it("§5 a transition writes the state, its index and its audit record in one transaction", async () => {
    const application = draft();
    await applicationRepository.create(application, applicantOf(application));
    const submitted = await applicationRepository.transition({
      application,
      action: "submit",
      actor: applicantOf(application),
      context: at("2024-10-20T15:59:59.999Z"),
      submission: {
        evidenceRevision: 0,
        evidence: [
          {
            evidenceId: "e1",
            slotId: "id_photo",
            objectKey: "rounds/2024/g3/x.png",
            sha256: "ab".repeat(32),
            size: 10,
            contentType: "image/png",
            pageCount: 1,
          },
        ],
      },
    });
    expect(submitted).toMatchObject({ state: "submitted", version: 2, submissions: 1 });
    const returned = await applicationRepository.transition({
      application: submitted,
      action: "return_by_unit",
      actor: { id: "handler-1", role: "unit_handler" },
      context: {
        ...at("2024-10-22T02:00:00Z"),
        unitAccountsComplete: true,
        reason: "学历证书扫描件不清晰，请重新上传",
      },
    });
    expect(returned.state).toBe("returned_by_unit");

    const events = await applicationRepository.events(SCOPE, application.applicationId);
    expect(events.map((event) => [event.action, event.fromState, event.toState])).toEqual([
      ["create", undefined, "draft"],
      ["submit", "draft", "submitted"],
      ["return_by_unit", "submitted", "returned_by_unit"],
    ]);
    expect(events[2]).toMatchObject({ role: "unit_handler", reason: "学历证书扫描件不清晰，请重新上传" });
    const loaded = await applicationRepository.load(SCOPE, application.applicationId);
    expect(loaded?.submissions).toEqual([
      expect.objectContaining({
        number: 1,
        action: "submit",
        evidence: [expect.objectContaining({ evidenceId: "e1" })],
      }),
    ]);
    const unit = await documentClient.send(
      new QueryCommand({
        TableName: process.env.TABLE_NAME,
        IndexName: "GSI1",
        KeyConditionExpression: "GSI1PK = :unit",
        ExpressionAttributeValues: { ":unit": `${generationPrefix(SCOPE)}#UNIT#unit-a` },
        ScanIndexForward: false,
      }),
    );
    expect((unit.Items ?? []).map((item) => item.applicationId)).toContain(application.applicationId);
  });

  it("R3 refuses the submission at 00:00:00.000 after the last day, writing nothing", async () => {
    const application = draft();
    await applicationRepository.create(application, applicantOf(application));
    const before = await partition(application);
    const error = await thrown(
      applicationRepository.transition({
        application,
        action: "submit",
        actor: applicantOf(application),
        context: at("2024-10-20T16:00:00.000Z"),
        submission: { evidenceRevision: 0, evidence: [] },
      }),
    );
    expect(error).toMatchObject({ code: "DEADLINE_PASSED", details: { rule: "R3" } });
    expect(await partition(application)).toEqual(before);
  });

  it("a withdrawal releases the person's claim, so they may start again in the round", async () => {
    const application = draft();
    await applicationRepository.create(application, applicantOf(application));
    await applicationRepository.transition({
      application,
      action: "withdraw",
      actor: applicantOf(application),
      context: { ...at("2024-09-13T00:00:00Z"), reason: "单位变更" },
    });
    const again = draft(application.applicantId);
    await applicationRepository.create(again, applicantOf(again));
    const mine = await applicationRepository.listOfApplicant(SCOPE, application.applicantId);
    expect(mine.map((record) => record.state).sort()).toEqual(["draft", "withdrawn"]);
  });

  it("lists a generation's drafts by state over the sharded index, page by page, for the workflow's sweep", async () => {
    const scope: GenerationScope = { roundId: "2024", generation: 7 };
    const created = Array.from({ length: 130 }, () => draft(randomUUID(), scope));
    for (const application of created) await applicationRepository.create(application, SYSTEM);
    const seen: ApplicationRecord[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await applicationRepository.listByState(scope, "draft", cursor);
      expect(page.items.length).toBeLessThanOrEqual(100);
      seen.push(...page.items);
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(2);
    expect(new Set(seen.map((record) => record.applicationId))).toEqual(
      new Set(created.map((record) => record.applicationId)),
    );

    // The workflow expires what is left at the deadline; the index follows the state.
    const [first] = seen;
    if (!first) throw new Error("no drafts listed");
    const expired = await applicationRepository.transition({
      application: first,
      action: "expire",
      actor: SYSTEM,
      context: at("2024-10-21T00:00:00Z"),
    });
    expect(expired.state).toBe("expired");
    const expiredPage = await applicationRepository.listByState(scope, "expired");
    expect(expiredPage.items.map((record) => record.applicationId)).toEqual([first.applicationId]);
    await expect(applicationRepository.listByState(scope, "draft", "bm90LWEtY3Vyc29y")).rejects.toMatchObject(
      {
        code: "INVALID_CURSOR",
      },
    );
  });

  it("DESIGN.md §8: every item an application writes carries the purge keys, so the reset's purge removes it all", async () => {
    const scope: GenerationScope = { roundId: "2024", generation: 9 };
    const application = draft(randomUUID(), scope);
    await applicationRepository.create(application, applicantOf(application));
    const saved = await applicationRepository.saveSection(
      application,
      "moral",
      { assessment: "合格", honours: [] },
      false,
      1,
      applicantOf(application),
      new Date("2024-09-12T05:00:00Z"),
    );
    await applicationRepository.transition({
      application: saved,
      action: "withdraw",
      actor: applicantOf(application),
      context: at("2024-09-13T00:00:00Z"),
    });
    const scanGeneration = async () =>
      (
        await documentClient.send(
          new ScanCommand({
            TableName: process.env.TABLE_NAME,
            FilterExpression: "begins_with(PK, :prefix)",
            ExpressionAttributeValues: { ":prefix": `${generationPrefix(scope)}#` },
            ConsistentRead: true,
          }),
        )
      ).Items ?? [];
    const items = await scanGeneration();
    expect(items.length).toBeGreaterThanOrEqual(5);
    for (const item of items) expect(item.GENPK, String(item.SK)).toMatch(/^GEN#2024#G9#\d+$/);
    for (let batch = 0; batch < 5 && (await scanGeneration()).length > 0; batch += 1)
      await purgeItemsBatch(scope);
    expect(await scanGeneration()).toEqual([]);
  });
});
