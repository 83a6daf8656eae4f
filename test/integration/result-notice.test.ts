import { randomUUID } from "node:crypto";
import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import type { ActorRef, ApplicationRecord } from "../../functions/adapters/dynamodb/application-record";
import { applicationRepository, headItem } from "../../functions/adapters/dynamodb/application-repository";
import { documentClient } from "../../functions/adapters/dynamodb/client";
import { type GenerationScope, keys } from "../../functions/adapters/dynamodb/keys";
import { noticeRepository } from "../../functions/adapters/dynamodb/notice-repository";
import type { LifecycleContext } from "../../functions/core/lifecycle";
import { publishResults, RESULT_NOTICE_CHUNK } from "../../functions/services/result-notice";
import { applicationRecord, storeHead, thrown } from "../support/applications";
import { ROUND_2024_CALENDAR } from "../support/round-2024";
import { SAMPLE_BASE_INFO } from "../support/sample-application";
import { useFreshTable } from "../support/table";
import { tableSnapshot } from "../support/table-snapshot";

const OFFICE: ActorRef = { id: "office-admin-1", role: "office_admin", orgId: "office" };

const at = (iso: string): LifecycleContext => ({
  now: new Date(iso),
  calendar: ROUND_2024_CALENDAR,
  openedPhases: ["preparation", "application", "review"],
});

let sequence = 0;

/** An applicant account and their application, approved by the committee (written as stored). */
async function approved(scope: GenerationScope, unitId = "unit-a"): Promise<ApplicationRecord> {
  sequence += 1;
  const applicantId = randomUUID();
  await documentClient.send(
    new PutCommand({
      TableName: process.env.TABLE_NAME,
      Item: {
        ...keys.account(applicantId),
        accountId: applicantId,
        username: `approved-${sequence}`,
        realName: `申报人${sequence}`,
        kind: "applicant",
        orgId: unitId,
        phone: "13800138000",
        residentId: { hash: `h${sequence}`, sealed: "sealed", masked: "6201**********0011" },
        disabled: false,
        version: 1,
        createdAt: "2024-09-12T02:00:00.000Z",
      },
    }),
  );
  return storeHead(
    applicationRecord(scope, applicantId, {
      unitId,
      state: "approved",
      version: 12,
      baseInfo: { ...SAMPLE_BASE_INFO, unitName: `${unitId}单位` },
      evidenceRevision: 20,
      submissions: 1,
      firstSubmittedAt: `2024-09-12T02:${String(sequence % 60).padStart(2, "0")}:00.000Z`,
      updatedAt: "2024-12-20T02:00:00.000Z",
    }),
  );
}

const request = (scope: GenerationScope, iso: string) => ({
  scope,
  context: at(iso),
  office: OFFICE,
  publicityScope: "甘肃省人力资源和社会保障厅门户网站",
});

describe("the result notice on DynamoDB Local (R4.5, §7)", () => {
  beforeAll(async () => {
    await useFreshTable();
  });

  it("R4.5 refuses to publish when nothing is approved, naming the rule; nothing is written", async () => {
    const scope = { roundId: "2024", generation: 7 };
    await approved({ roundId: "2024", generation: 6 });
    const before = await tableSnapshot();
    const error = await thrown(publishResults(request(scope, "2024-12-27T10:00:00+08:00")));
    expect(error).toMatchObject({
      kind: "rule_violation",
      code: "NOTHING_TO_PUBLISH",
      details: { rule: "R4.5" },
    });
    expect(await tableSnapshot()).toEqual(before);
  });

  it("R4.5 puts every approved application on ONE notice of 5 working days, in chunks under the transaction limit, resumably", async () => {
    const scope = { roundId: "2024", generation: 2 };
    const applications = [];
    for (let n = 0; n < 2 * RESULT_NOTICE_CHUNK + 5; n += 1) {
      applications.push(await approved(scope, n % 2 === 0 ? "unit-a" : "unit-b"));
    }
    const rejected = await approved(scope);
    await documentClient.send(
      new PutCommand({
        TableName: process.env.TABLE_NAME,
        Item: headItem({ ...rejected, state: "rejected" }),
      }),
    );

    // Friday 10:00: counted from Saturday; 2025-01-01 is a holiday, so the fifth working day is Monday 01-06.
    const first = await publishResults(request(scope, "2024-12-27T10:00:00+08:00"), RESULT_NOTICE_CHUNK + 10);
    expect(first).toMatchObject({ published: RESULT_NOTICE_CHUNK + 10, complete: false });
    expect(first.notice).toMatchObject({
      kind: "result",
      noticeId: noticeRepository.resultNoticeId(scope),
      startsAt: new Date("2024-12-27T10:00:00+08:00").toISOString(),
      endsAt: new Date("2025-01-07T00:00:00+08:00").toISOString(),
      lastDay: "2025-01-06",
      entryCount: RESULT_NOTICE_CHUNK + 10,
    });

    // A second request (the first stopped, or someone clicked again) continues on the same notice.
    const second = await publishResults(request(scope, "2024-12-27T10:05:00+08:00"));
    expect(second).toMatchObject({
      published: applications.length - (RESULT_NOTICE_CHUNK + 10),
      complete: true,
    });
    expect(second.notice.noticeId).toBe(first.notice.noticeId);

    const notice = await noticeRepository.get(scope, first.notice.noticeId);
    if (notice?.kind !== "result") throw new Error("the result notice was not stored");
    expect(notice.entries.map((entry) => entry.entry)).toEqual(applications.map((_, index) => index + 1));
    expect(new Set(notice.entries.map((entry) => entry.applicationId))).toEqual(
      new Set(applications.map((application) => application.applicationId)),
    );
    expect(notice.entries).not.toContainEqual(
      expect.objectContaining({ applicationId: rejected.applicationId }),
    );
    // Grouped by unit for the reader.
    const units = notice.entries.map((entry) => entry.workUnit);
    expect(units).toEqual([...units].sort());
    expect(notice.entries[0]).toEqual({
      entry: 1,
      applicationId: expect.any(String),
      name: expect.stringMatching(/^申报人\d+$/),
      maskedResidentId: "6201**********0011",
      workUnit: "unit-a单位",
      qualification: "associate_senior",
      specialty: SAMPLE_BASE_INFO.specialty,
      validityScope: "province",
    });
    for (const application of applications) {
      const stored = await applicationRepository.get(scope, application.applicationId);
      expect(stored).toMatchObject({ state: "result_publicity", version: 13 });
      expect(stored?.resultNoticeStartedAt).toMatch(/^2024-12-27T02:0[05]:00.000Z$/);
    }
    const listed = await noticeRepository.list(scope, undefined);
    expect(listed.items.map((item) => [item.kind, item.entries.length])).toEqual([
      ["result", applications.length],
    ]);

    // Nothing left: the same notice, and nothing written.
    const before = await tableSnapshot();
    const third = await publishResults(request(scope, "2024-12-27T11:00:00+08:00"));
    expect(third).toMatchObject({ published: 0, complete: true });
    expect(third.notice.entries).toHaveLength(applications.length);
    expect(await tableSnapshot()).toEqual(before);
  });

  it("R4.5 an entry added while the notice runs lengthens it to that entry's own 5 working days; none after it ended", async () => {
    const scope = { roundId: "2024", generation: 3 };
    await approved(scope);
    await publishResults(request(scope, "2024-12-27T10:00:00+08:00"));
    const late = await approved(scope);
    const added = await publishResults(request(scope, "2024-12-30T10:00:00+08:00"));
    expect(added.published).toBe(1);
    expect(added.notice).toMatchObject({
      startsAt: new Date("2024-12-27T10:00:00+08:00").toISOString(),
      endsAt: new Date("2025-01-08T00:00:00+08:00").toISOString(),
      lastDay: "2025-01-07",
    });
    expect(added.notice.entries.at(-1)).toMatchObject({ entry: 2, applicationId: late.applicationId });

    await approved(scope);
    const before = await tableSnapshot();
    const error = await thrown(publishResults(request(scope, "2025-01-08T00:00:00+08:00")));
    expect(error).toMatchObject({
      kind: "conflict",
      code: "RESULT_NOTICE_CLOSED",
      details: { rule: "R4.5" },
    });
    expect(await tableSnapshot()).toEqual(before);
  });

  it("R8.2 the office never publishes its own application: nothing of the batch is written", async () => {
    const scope = { roundId: "2024", generation: 4 };
    await approved(scope);
    const own = await approved(scope);
    const before = await tableSnapshot();
    const error = await thrown(
      publishResults({
        ...request(scope, "2024-12-27T10:00:00+08:00"),
        office: { ...OFFICE, id: own.applicantId },
      }),
    );
    expect(error.code).toBe("CONFLICT_OF_INTEREST");
    expect(await tableSnapshot()).toEqual(before);
  });
});
