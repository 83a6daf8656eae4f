import { randomUUID } from "node:crypto";
import { PutCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import type {
  ActorRef,
  ApplicationRecord,
  AppraisalAssignment,
  EvidenceItem,
} from "../../functions/adapters/dynamodb/application-record";
import { applicationRepository } from "../../functions/adapters/dynamodb/application-repository";
import {
  type AppraisalAssignmentRecord,
  appraisalRepository,
} from "../../functions/adapters/dynamodb/appraisal-repository";
import { documentClient } from "../../functions/adapters/dynamodb/client";
import { evidenceRepository } from "../../functions/adapters/dynamodb/evidence-repository";
import { type GenerationScope, generationPrefix, keys } from "../../functions/adapters/dynamodb/keys";
import { reviewerRepository } from "../../functions/adapters/dynamodb/reviewer-repository";
import { DEFAULT_APPRAISAL } from "../../functions/core/committee";
import type { ApplicationState, LifecycleContext } from "../../functions/core/lifecycle";
import { recordAppraisalVerdict } from "../../functions/services/appraisal-verdicts";
import { applicationRecord, storeHead, thrown } from "../support/applications";
import { ROUND_2024_CALENDAR } from "../support/round-2024";
import { useFreshTable } from "../support/table";

const SCOPE: GenerationScope = { roundId: "2024", generation: 2 };
const ORGANISER: ActorRef = { id: "organiser-1", role: "organiser", orgId: "party-school" };
const expert = (id: string): ActorRef => ({ id, role: "expert", orgId: "office" });

const at = (iso: string): LifecycleContext => ({
  now: new Date(iso),
  calendar: ROUND_2024_CALENDAR,
  openedPhases: ["preparation", "application", "review"],
});

async function created(): Promise<ApplicationRecord> {
  const applicantId = randomUUID();
  const application = applicationRecord(SCOPE, applicantId);
  await applicationRepository.create(application, { id: applicantId, role: "applicant" });
  return application;
}

/** Puts the head in a state directly: the committee's earlier desks are other tests' business. */
async function placeIn(application: ApplicationRecord, state: ApplicationState): Promise<ApplicationRecord> {
  const placed = {
    ...application,
    state,
    version: application.version + 1,
    firstSubmittedAt: "2024-09-12T03:00:00.000Z",
  };
  return storeHead(placed);
}

async function current(application: ApplicationRecord): Promise<ApplicationRecord> {
  const read = await applicationRepository.get(SCOPE, application.applicationId);
  if (!read) throw new Error("application vanished");
  return read;
}

async function upload(
  application: ApplicationRecord,
  place: { slotId: EvidenceItem["slotId"]; index: number },
  verified = true,
): Promise<EvidenceItem> {
  const applicant: ActorRef = { id: application.applicantId, role: "applicant" };
  const now = new Date("2024-09-12T04:00:00.000Z");
  const item: EvidenceItem = {
    evidenceId: randomUUID(),
    ...place,
    status: "pending",
    contentType: "application/pdf",
    fileName: "正文.pdf",
    objectKey: `test/${randomUUID()}.pdf`,
    declaredSize: 100,
    requestedAt: now.toISOString(),
    uploadExpiresAt: now.toISOString(),
    completeBy: now.toISOString(),
  };
  await evidenceRepository.requested(application, item, applicant, now);
  if (!verified) return item;
  const done: EvidenceItem = { ...item, status: "verified", size: 100, sha256: "0".repeat(64), pageCount: 1 };
  await evidenceRepository.verified(application, done, applicant, now);
  return done;
}

/** Every item of the application's partition: "nothing changed" is asserted on all of it. */
async function partition(application: ApplicationRecord): Promise<Record<string, unknown>[]> {
  const found = await documentClient.send(
    new QueryCommand({
      TableName: process.env.TABLE_NAME,
      KeyConditionExpression: "PK = :pk",
      ExpressionAttributeValues: { ":pk": `${generationPrefix(SCOPE)}#APP#${application.applicationId}` },
      ConsistentRead: true,
    }),
  );
  return found.Items ?? [];
}

async function profiles(...ids: string[]): Promise<void> {
  for (const accountId of ids) {
    if (await reviewerRepository.get(SCOPE, accountId)) continue;
    await reviewerRepository.save(
      SCOPE,
      {
        accountId,
        realName: "专家",
        title: "教授",
        fullSenior: true,
        workUnitName: "兰州大学",
        declaredConflicts: [],
      },
      undefined,
      { action: "set_reviewer_profile", actor: "office-1", at: new Date(), detail: {} },
    );
  }
}

/** An application in appraisal with these experts, assigned through the repository's one transaction. */
async function inAppraisal(experts: string[], passRule = DEFAULT_APPRAISAL.passRule) {
  await profiles(...experts);
  const application = await placeIn(await created(), "qualification_passed");
  const assignedAt = "2024-11-10T02:00:00.000Z";
  const appraisal: AppraisalAssignment = {
    experts,
    excluded: [],
    mode: "manual",
    anonymised: true,
    passRule,
    assignedBy: ORGANISER.id,
    assignedAt,
  };
  const assignments = experts.map(
    (expertId): AppraisalAssignmentRecord => ({
      applicationId: application.applicationId,
      expertId,
      assignedAt,
      reference: `LW-${application.applicationId.slice(0, 8)}`,
      anonymised: true,
    }),
  );
  const transition = {
    application,
    action: "start_appraisal" as const,
    actor: ORGANISER,
    context: at(assignedAt),
    facts: { appraisal },
  };
  return { application: await appraisalRepository.assign(transition, assignments), transition, assignments };
}

const verdict = (application: ApplicationRecord, expertId: string, value: "pass" | "fail", when: string) =>
  recordAppraisalVerdict({
    scope: SCOPE,
    applicationId: application.applicationId,
    expert: expert(expertId),
    verdict: value,
    comments: "论文选题扎实，论证充分，具有实践价值。",
    context: at(when),
  });

beforeAll(async () => {
  await useFreshTable();
});

describe("the round's appraisal settings (R4.4)", () => {
  const round = async (roundId: string, appraisalSettings: unknown) =>
    documentClient.send(
      new PutCommand({
        TableName: process.env.TABLE_NAME,
        Item: { ...keys.round(roundId), roundId, appraisalSettings },
      }),
    );

  it.each([
    ["absent: 3 experts, a majority passes", undefined, DEFAULT_APPRAISAL],
    [
      "the round's own",
      { expertsPerApplication: 5, passRule: { kind: "at_least", passes: 4 } },
      { expertsPerApplication: 5, passRule: { kind: "at_least", passes: 4 } },
    ],
    [
      "a rule alone keeps the default count",
      { passRule: { kind: "unanimous" } },
      { expertsPerApplication: 3, passRule: { kind: "unanimous" } },
    ],
  ])("R4.4 %s", async (_name, stored, expected) => {
    const roundId = `r-${randomUUID().slice(0, 8)}`;
    if (stored !== undefined) await round(roundId, stored);
    expect(await appraisalRepository.settings(roundId)).toEqual(expected);
  });

  it.each([
    [
      "more passes required than experts",
      { expertsPerApplication: 2, passRule: { kind: "at_least", passes: 3 } },
    ],
    ["no experts", { expertsPerApplication: 0 }],
    ["more experts than one transaction holds", { expertsPerApplication: 60 }],
    ["an unknown rule", { passRule: { kind: "two_thirds" } }],
  ])("R4.4 a malformed setting (%s) is refused, never guessed", async (_name, stored) => {
    const roundId = `r-${randomUUID().slice(0, 8)}`;
    await round(roundId, stored);
    expect(await thrown(appraisalRepository.settings(roundId))).toMatchObject({
      code: "APPRAISAL_SETTINGS_INVALID",
    });
  });
});

describe("representative papers on DynamoDB Local (R4.4)", () => {
  const applicant = (application: ApplicationRecord): ActorRef => ({
    id: application.applicantId,
    role: "applicant",
  });
  const now = new Date("2024-09-13T02:00:00.000Z");

  it("R4.4 a designation stands only on verified uploads: a pending one is refused and nothing changes", async () => {
    const application = await created();
    const first = await upload(application, { slotId: "paper_body", index: 0 });
    const pending = await upload(application, { slotId: "paper_body", index: 1 }, false);
    const before = await partition(application);
    const error = await thrown(
      appraisalRepository.designate(
        application,
        [first.evidenceId, pending.evidenceId],
        1,
        applicant(application),
        now,
      ),
    );
    expect(error.code).toBe("EVIDENCE_CHANGED");
    expect(await partition(application)).toEqual(before);

    const second = await upload(application, { slotId: "paper_body", index: 1 });
    const designated = await appraisalRepository.designate(
      application,
      [first.evidenceId, second.evidenceId],
      1,
      applicant(application),
      now,
    );
    expect(designated).toMatchObject({
      version: 2,
      representativePapers: [first.evidenceId, second.evidenceId],
    });
    expect(await current(application)).toMatchObject({
      version: 2,
      representativePapers: [first.evidenceId, second.evidenceId],
    });
    const events = await applicationRepository.events(SCOPE, application.applicationId);
    expect(events.at(-1)).toMatchObject({
      action: "designate_papers",
      detail: { evidenceIds: designated.representativePapers },
    });
  });

  it("R4.4 deleting a designated upload takes it out of the designation; deleting another leaves it", async () => {
    const application = await created();
    const [first, second] = [
      await upload(application, { slotId: "paper_body", index: 0 }),
      await upload(application, { slotId: "paper_body", index: 1 }),
    ];
    const cover = await upload(application, { slotId: "paper_cover", index: 0 });
    await appraisalRepository.designate(
      application,
      [first.evidenceId, second.evidenceId],
      1,
      applicant(application),
      now,
    );

    await evidenceRepository.removed(await current(application), cover, applicant(application), now);
    expect((await current(application)).representativePapers).toEqual([first.evidenceId, second.evidenceId]);

    await evidenceRepository.removed(await current(application), first, applicant(application), now);
    expect((await current(application)).representativePapers).toEqual([second.evidenceId]);
  });

  it("R4.4 a deletion read before the upload was designated is refused rather than leave a dangling designation", async () => {
    const application = await created();
    const [first, second] = [
      await upload(application, { slotId: "paper_body", index: 0 }),
      await upload(application, { slotId: "paper_body", index: 1 }),
    ];
    const readBefore = await current(application);
    await appraisalRepository.designate(
      application,
      [first.evidenceId, second.evidenceId],
      1,
      applicant(application),
      now,
    );
    const before = await partition(application);
    expect(
      (await thrown(evidenceRepository.removed(readBefore, first, applicant(application), now))).code,
    ).toBe("STALE_VERSION");
    expect(await partition(application)).toEqual(before);
  });

  it("R4.4 R7.3 merging designated images into one PDF takes them out of the designation", async () => {
    const application = await created();
    const pages = [
      await upload(application, { slotId: "paper_body", index: 0 }),
      await upload(application, { slotId: "paper_body", index: 0 }),
    ];
    const other = await upload(application, { slotId: "paper_body", index: 1 });
    await appraisalRepository.designate(
      application,
      [pages[0]?.evidenceId ?? "", other.evidenceId],
      1,
      applicant(application),
      now,
    );
    const merged: EvidenceItem = {
      ...(pages[0] as EvidenceItem),
      evidenceId: randomUUID(),
      mergedFrom: pages.map((page) => page.evidenceId),
    };
    await evidenceRepository.merged(await current(application), merged, pages, applicant(application), now);
    expect((await current(application)).representativePapers).toEqual([other.evidenceId]);
  });
});

describe("the appraisal's assignments and verdicts on DynamoDB Local (R4.4, R8.2)", () => {
  it("R4.4 the start writes state, assignments and loads in one transaction; each expert's list is a query", async () => {
    const { application, transition } = await inAppraisal(["x-1", "x-2", "x-3"]);
    expect(await current(application)).toMatchObject({
      state: "appraisal",
      appraisal: { experts: ["x-1", "x-2", "x-3"], mode: "manual", anonymised: true },
    });
    const listed = await appraisalRepository.ofExpert(SCOPE, "x-2");
    expect(listed.items.map((item) => item.applicationId)).toContain(application.applicationId);
    expect(
      (await appraisalRepository.assignments(SCOPE, application.applicationId)).map((a) => a.expertId),
    ).toEqual(["x-1", "x-2", "x-3"]);
    const loads = await Promise.all(["x-1", "x-2", "x-3"].map((id) => reviewerRepository.get(SCOPE, id)));
    expect(loads.map((profile) => profile?.load)).toEqual([1, 1, 1]);

    // The same start again, from what was read before: the version refuses it, and nothing is written.
    const before = await partition(application);
    const error = await thrown(appraisalRepository.assign(transition, []));
    expect(error.code).toBe("STALE_VERSION");
    expect(await partition(application)).toEqual(before);
    expect((await reviewerRepository.get(SCOPE, "x-1"))?.load).toBe(1);
  });

  it("R4.4 a verdict that does not decide moves the version and is audited; a second one of the same expert is refused", async () => {
    const { application } = await inAppraisal(["v-1", "v-2", "v-3"]);
    const first = await verdict(application, "v-1", "pass", "2024-11-11T02:00:00.000Z");
    expect(first.application).toMatchObject({ state: "appraisal", version: application.version + 1 });
    expect(first.assignment).toMatchObject({ verdict: "pass", recordedAt: "2024-11-11T02:00:00.000Z" });
    const events = await applicationRepository.events(SCOPE, application.applicationId);
    expect(events.at(-1)).toMatchObject({
      action: "record_verdict",
      actor: "v-1",
      role: "expert",
      detail: { verdict: "pass" },
    });

    const before = await partition(application);
    const again = await thrown(verdict(application, "v-1", "fail", "2024-11-11T03:00:00.000Z"));
    expect(again).toMatchObject({ code: "VERDICT_ALREADY_RECORDED", kind: "conflict" });
    expect(await partition(application)).toEqual(before);
  });

  it("R4.4 the last of the verdicts decides: two fails of three give appraisal_failed with the computed reason", async () => {
    const { application } = await inAppraisal(["f-1", "f-2", "f-3"]);
    await verdict(application, "f-1", "fail", "2024-11-11T02:00:00.000Z");
    const undecided = await verdict(application, "f-2", "fail", "2024-11-11T03:00:00.000Z");
    expect(undecided.application.state).toBe("appraisal");
    const decided = await verdict(application, "f-3", "pass", "2024-11-11T04:00:00.000Z");
    expect(decided.application).toMatchObject({
      state: "appraisal_failed",
      appraisal: { outcome: { passed: false, passes: 1, fails: 2, decidedAt: "2024-11-11T04:00:00.000Z" } },
    });
    const events = await applicationRepository.events(SCOPE, application.applicationId);
    expect(events.at(-1)).toMatchObject({
      action: "fail_appraisal",
      fromState: "appraisal",
      toState: "appraisal_failed",
      reason: "论文鉴定未通过：3名鉴定专家中1名通过、2名不通过，未达到“过半数鉴定专家通过”的要求",
    });
  });

  it("R4.4 a verdict on an application that left the appraisal (cancelled for fraud) is refused", async () => {
    const { application } = await inAppraisal(["k-1", "k-2", "k-3"]);
    await verdict(application, "k-1", "pass", "2024-11-11T02:00:00.000Z");
    const cancelled = await placeIn(await current(application), "cancelled");
    const before = await partition(cancelled);
    expect((await thrown(verdict(cancelled, "k-2", "pass", "2024-11-11T04:00:00.000Z"))).code).toBe(
      "APPRAISAL_CLOSED",
    );
    expect(await partition(cancelled)).toEqual(before);
  });

  it("R4.4 verdicts arriving together are written one after the other: the last sees the first and decides", async () => {
    for (let round = 0; round < 3; round += 1) {
      const { application } = await inAppraisal([`c-${round}-1`, `c-${round}-2`]);
      const results = await Promise.allSettled([
        verdict(application, `c-${round}-1`, "pass", "2024-11-12T02:00:00.000Z"),
        verdict(application, `c-${round}-2`, "pass", "2024-11-12T02:00:00.000Z"),
      ]);
      expect(results.map((result) => result.status)).toEqual(["fulfilled", "fulfilled"]);
      expect(await current(application)).toMatchObject({
        state: "appraisal_passed",
        appraisal: { outcome: { passed: true, passes: 2, fails: 0 } },
      });
      const recorded = await appraisalRepository.assignments(SCOPE, application.applicationId);
      expect(recorded.map((assignment) => assignment.verdict)).toEqual(["pass", "pass"]);
    }
  });

  it("R4.4 an expert who is not assigned to the application finds nothing", async () => {
    const { application } = await inAppraisal(["n-1", "n-2", "n-3"]);
    expect((await thrown(verdict(application, "n-9", "pass", "2024-11-11T02:00:00.000Z"))).kind).toBe(
      "not_found",
    );
  });
});
