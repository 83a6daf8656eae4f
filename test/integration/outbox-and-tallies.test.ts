import { randomUUID } from "node:crypto";
import { GetCommand, PutCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ActorRef, ApplicationRecord } from "../../functions/adapters/dynamodb/application-record";
import { applicationRepository } from "../../functions/adapters/dynamodb/application-repository";
import { planTransition } from "../../functions/adapters/dynamodb/application-transition";
import { documentClient } from "../../functions/adapters/dynamodb/client";
import { type GenerationScope, generationPrefix, keys } from "../../functions/adapters/dynamodb/keys";
import type { OutboxItem } from "../../functions/adapters/dynamodb/outbox";
import { stateTallies } from "../../functions/adapters/dynamodb/state-tallies";
import { writeTogether } from "../../functions/adapters/dynamodb/transactions";
import type { OutgoingMessage } from "../../functions/adapters/notify/channel";
import { installNotificationChannel } from "../../functions/adapters/notify/installed-channel";
import type { ContactPreference } from "../../functions/core/notifications";
import { deliverNotification } from "../../functions/services/notification-delivery";
import { applicationRecord, storeHead, thrown } from "../support/applications";
import { ROUND_2024_CALENDAR } from "../support/round-2024";
import { useFreshTable } from "../support/table";

const SCOPE: GenerationScope = { roundId: "2024", generation: 4 };
const SYSTEM: ActorRef = { id: "system", role: "system" };
const HANDLER: ActorRef = { id: "acc-handler", role: "unit_handler", orgId: "unit-a" };
const AFTER_APPLICATION = {
  now: new Date("2024-10-21T00:00:00+08:00"),
  calendar: ROUND_2024_CALENDAR,
  openedPhases: ["preparation", "application", "review"] as const,
};
const IN_REVIEW = {
  ...AFTER_APPLICATION,
  now: new Date("2024-10-25T10:00:00+08:00"),
  unitAccountsComplete: true,
};

async function createDraft(unitId: string): Promise<ApplicationRecord> {
  const draft = applicationRecord(SCOPE, randomUUID(), { unitId });
  await applicationRepository.create(draft, { id: draft.applicantId, role: "applicant" });
  return draft;
}

async function outboxOf(application: ApplicationRecord): Promise<OutboxItem[]> {
  const found = await documentClient.send(
    new QueryCommand({
      TableName: process.env.TABLE_NAME,
      KeyConditionExpression: "PK = :pk AND begins_with(SK, :outbox)",
      ExpressionAttributeValues: {
        ":pk": `${generationPrefix(SCOPE)}#APP#${application.applicationId}`,
        ":outbox": "OUTBOX#",
      },
      ConsistentRead: true,
    }),
  );
  return (found.Items ?? []) as OutboxItem[];
}

async function putAccount(
  accountId: string,
  realName: string,
  extra: { contact?: ContactPreference; disabled?: boolean } = {},
): Promise<void> {
  await documentClient.send(
    new PutCommand({
      TableName: process.env.TABLE_NAME,
      Item: {
        ...keys.account(accountId),
        accountId,
        realName,
        phone: "13800138000",
        disabled: false,
        ...extra,
      },
    }),
  );
}

async function grantRole(orgId: string, role: string, accountId: string, standing = false): Promise<void> {
  await documentClient.send(
    new PutCommand({
      TableName: process.env.TABLE_NAME,
      Item: {
        ...(standing
          ? keys.standingRole(orgId, role, accountId)
          : keys.generationRole(SCOPE, orgId, role, accountId)),
        role,
        orgId,
        accountId,
      },
    }),
  );
}

/** The channel port, recording what it is asked to send; it fails the first `failures` sends. */
function recordingChannel(failures = 0) {
  const sent: OutgoingMessage[] = [];
  let toFail = failures;
  installNotificationChannel({
    async send(message) {
      if (toFail > 0) {
        toFail -= 1;
        throw new Error("gateway down");
      }
      sent.push(message);
      return { messageId: `m-${sent.length}` };
    },
  });
  return sent;
}

beforeAll(async () => {
  await useFreshTable();
  process.env.NOTIFICATION_CHANNELS = "sms,email";
});

afterEach(() => {
  process.env.NOTIFICATION_CHANNELS = "sms,email";
});

describe("state tallies: progress without a scan or a hot counter (DESIGN.md §7a)", () => {
  it("count every draft created, per unit, in its creation's transaction", async () => {
    for (const unitId of ["unit-a", "unit-a", "unit-a", "unit-b"]) await createDraft(unitId);
    expect(await stateTallies.ofUnit(SCOPE, "unit-a")).toEqual({ draft: 3 });
    const all = await stateTallies.all(SCOPE);
    expect(Object.fromEntries(all.map((tally) => [tally.unitId, tally.counts]))).toEqual({
      "unit-a": { draft: 3 },
      "unit-b": { draft: 1 },
    });
  });

  it("two applications of one unit moving in ONE transaction fold into one update of the unit's tally", async () => {
    const [first, second] = [await createDraft("unit-c"), await createDraft("unit-c")];
    const plans = [first, second].map((application) =>
      planTransition({
        application: application as ApplicationRecord,
        action: "expire",
        actor: SYSTEM,
        context: AFTER_APPLICATION,
      }),
    );
    // Without folding DynamoDB refuses a transaction that touches one item twice.
    await writeTogether(plans.flatMap((plan) => plan.writes));
    expect(await stateTallies.ofUnit(SCOPE, "unit-c")).toEqual({ expired: 2 });
    const counts = await stateTallies.ofUnits(SCOPE, ["unit-c", "unit-a", "unit-none"]);
    expect(Object.fromEntries(counts)).toEqual({ "unit-c": { expired: 2 }, "unit-a": { draft: 3 } });
  });

  it("a refused transition (stale version) changes no tally and writes no notification", async () => {
    const submitted = await storeHead(
      applicationRecord(SCOPE, randomUUID(), { unitId: "unit-d", state: "submitted" }),
    );
    const refused = await thrown(
      applicationRepository.transition({
        application: submitted,
        action: "return_by_unit",
        actor: HANDLER,
        context: { ...IN_REVIEW, reason: "请补充材料" },
        expectedVersion: submitted.version + 1,
      }),
    );
    expect(refused.code).toBe("STALE_VERSION");
    expect(await stateTallies.ofUnit(SCOPE, "unit-d")).toEqual({});
    expect(await outboxOf(submitted)).toEqual([]);
  });
});

describe("the outbox, written with the state change, delivered once (DESIGN.md §7a)", () => {
  let returned: ApplicationRecord;
  let item: OutboxItem;

  it("R7.9 a unit return writes its notification in its own transaction, the reason without the phone in it", async () => {
    const submitted = await storeHead(
      applicationRecord(SCOPE, "acc-applicant-1", { unitId: "unit-e", state: "submitted" }),
    );
    returned = await applicationRepository.transition({
      application: submitted,
      action: "return_by_unit",
      actor: HANDLER,
      context: { ...IN_REVIEW, reason: "证件照不清晰，请联系13912345678" },
    });
    const items = await outboxOf(returned);
    expect(items).toHaveLength(1);
    item = items[0] as OutboxItem;
    expect(item).toMatchObject({
      template: "unit_return",
      recipient: { kind: "account", accountId: "acc-applicant-1" },
      params: { roundId: "2024", reason: "证件照不清晰，请联系［电话已隐去］" },
      scope: SCOPE,
    });
    expect(item.outboxId).toBe(`${generationPrefix(SCOPE)}#APP#${returned.applicationId}|OUTBOX#000002#0`);
    expect(await stateTallies.ofUnit(SCOPE, "unit-e")).toEqual({ submitted: -1, returned_by_unit: 1 });
  });

  it("delivers to the person by their channel, once however often the item comes, and records the delivery on it", async () => {
    await putAccount("acc-applicant-1", "王一", {
      contact: { channel: "email", email: "wangyi@example.cn" },
    });
    const sent = recordingChannel();
    const first = await deliverNotification(item);
    const again = await deliverNotification(item);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ channel: "email", address: "wangyi@example.cn" });
    expect(sent[0]?.text).toContain("王一，您好");
    expect(sent[0]?.deliveryKey).toBe(`${item.outboxId}#acc-applicant-1`);
    expect(again).toEqual(first);
    const [PK, SK] = item.outboxId.split("|");
    const stored = await documentClient.send(
      new GetCommand({ TableName: process.env.TABLE_NAME, Key: { PK, SK } }),
    );
    expect(stored.Item?.deliveries).toEqual([
      { accountId: "acc-applicant-1", channel: "email", fallback: false, at: expect.any(String) },
    ]);
  });

  it("a failed send fails the item and sends nothing; its retry sends exactly once", async () => {
    const fresh = { ...item, outboxId: `${item.outboxId}-retry` };
    const sent = recordingChannel(1);
    await expect(deliverNotification(fresh)).rejects.toThrow("gateway down");
    expect(sent).toEqual([]);
    await deliverNotification(fresh);
    await deliverNotification(fresh);
    expect(sent).toHaveLength(1);
  });

  it("e-mail chosen where the deployment offers SMS only: sent by SMS, marked as a fallback", async () => {
    process.env.NOTIFICATION_CHANNELS = "sms";
    const sent = recordingChannel();
    const deliveries = await deliverNotification({ ...item, outboxId: `${item.outboxId}-sms` });
    expect(sent.map((message) => [message.channel, message.address])).toEqual([["sms", "13800138000"]]);
    expect(deliveries[0]).toMatchObject({ channel: "sms", fallback: true });
  });

  it("to a unit's handlers as they are at delivery, disabled ones left out; without a handler, to the unit's administrator", async () => {
    await putAccount("acc-h1", "李晓燕");
    await putAccount("acc-h2", "孙明", { disabled: true });
    await putAccount("acc-admin", "赵敏");
    await grantRole("unit-f", "unit_handler", "acc-h1");
    await grantRole("unit-f", "unit_handler", "acc-h2");
    await grantRole("unit-f", "unit_admin", "acc-admin", true);
    await grantRole("unit-g", "unit_admin", "acc-admin", true);
    const toUnit = (orgId: string): OutboxItem => ({
      ...item,
      outboxId: `${item.outboxId}-${orgId}`,
      template: "unit_review_reminder",
      recipient: { kind: "org_role", orgId, role: "unit_handler" },
      params: { roundId: "2024", count: 2, deadline: ROUND_2024_CALENDAR.review.to.toISOString() },
    });
    const sent = recordingChannel();
    await deliverNotification(toUnit("unit-f"));
    await deliverNotification(toUnit("unit-g"));
    expect(sent.map((message) => message.deliveryKey.split("#").at(-1))).toEqual(["acc-h1", "acc-admin"]);
    expect(sent[0]?.text).toContain("李晓燕，您好");
    expect(sent[1]?.text).toContain("赵敏，您好");
    expect(sent[0]?.text).toContain("本单位尚有2份申报");
  });
});
