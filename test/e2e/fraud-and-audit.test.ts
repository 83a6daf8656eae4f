import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApplicationRecord } from "../../functions/adapters/dynamodb/application-record";
import { applicationRepository, headItem } from "../../functions/adapters/dynamodb/application-repository";
import { documentClient } from "../../functions/adapters/dynamodb/client";
import { keys } from "../../functions/adapters/dynamodb/keys";
import { roundRepository } from "../../functions/adapters/dynamodb/round-repository";
import type { AuditRecord } from "../../functions/core/audit";
import type { RoundCalendarSpec } from "../../functions/core/calendar";
import type { ApplicationState } from "../../functions/core/lifecycle";
import type { LocalSystem } from "../../infra/local/system";
import {
  APPLICANT_PASSWORD,
  type Applicant,
  applicationPath,
  createApplication,
  DEMO_UNIT,
  json,
  registerApplicant,
  untilOpen,
} from "../support/applicant";
import { type Client, client, inRound, startTestSystem } from "../support/local-system";
import { type Refusal, refusedWithoutTrace } from "../support/refusals";
import { Sessions, type Submitted, submittedApplication } from "../support/review";
import { SAMPLE_BASE_INFO } from "../support/sample-application";

/**
 * Fraud cancellation, the blacklist and the audit export over HTTP on the local runtime (issue #8
 * items 8 and 9): one application cancelled once the committee received it, one after its certificate
 * was issued; the first person then tries again in the 2025 round.
 */
const OFFICE = "office-admin";
const CERTIFICATE = "GS-2024-RS-000042";
const FINDING = {
  finding: "经核查，申报人提交的论文检索证明系伪造，期刊未刊登该论文",
  unitAccountability: "申报单位审核把关不严，予以通报批评，取消其下一年度评先资格",
  handlerAccountability: "单位经办人未履行审核职责，由单位给予诫勉谈话",
};
const CALENDAR_2025: RoundCalendarSpec = {
  preparation: { from: "2025-09-01 00:00", to: "2025-09-10 24:00" },
  application: { from: "2025-09-11 00:00", to: "2025-10-20 24:00" },
  review: { from: "2025-10-21 00:00", to: "2025-11-04 24:00" },
  receiptCutoff: "2025-11-04 24:00",
  achievementCutoff: "2025-09-30",
  seniorityReferenceDate: "2025-12-31",
};

let system: LocalSystem;
let api: Client;
let sessions: Sessions;
let received: Submitted;
let certified: { applicant: Applicant; applicationId: string };
const entries: Record<"received" | "certified", string> = { received: "", certified: "" };

interface BlacklistEntry {
  entryId: string;
  realName: string;
  maskedResidentId: string;
  cancellation: { applicationId: string };
  from: string;
  until: string;
  status: string;
  version: number;
  lifting?: { reason: string };
}

const fraudPath = (applicationId: string) =>
  `/admin/rounds/2024/applications/${applicationId}/fraud-cancellation`;
const auditPath = (applicationId: string, query: string) =>
  `/admin/rounds/2024/applications/${applicationId}/audit?${query}`;

async function stored(applicationId: string): Promise<ApplicationRecord> {
  const round = await roundRepository.get("2024");
  const application = round ? await applicationRepository.get(round, applicationId) : undefined;
  if (!application) throw new Error(`no application ${applicationId}`);
  return application;
}

/** Later stages are other desks' work: the head is written in the state they would leave it in. */
async function placeIn(
  applicationId: string,
  state: ApplicationState,
  extra: Partial<ApplicationRecord> = {},
) {
  const application = await stored(applicationId);
  await documentClient.send(
    new PutCommand({
      TableName: process.env.TABLE_NAME,
      Item: headItem({
        ...application,
        ...extra,
        state,
        firstSubmittedAt: application.firstSubmittedAt ?? "2024-09-20T02:00:00.000Z",
        version: application.version + 1,
      }),
    }),
  );
}

async function cancel(applicationId: string, body: Record<string, unknown>, as = OFFICE) {
  return api.send("POST", fraudPath(applicationId), body, await sessions.as(as));
}

async function untilRoundOpen(roundId: string, phase: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const round = await json<{ openPhase: string | null }>(await api.get(`/rounds/${roundId}`), 200);
    if (round.openPhase === phase) return;
    if (Date.now() > deadline) throw new Error(`round ${roundId} did not open ${phase}`);
    await new Promise((resolveDelay) => setTimeout(resolveDelay, 100));
  }
}

beforeAll(async () => {
  system = await startTestSystem();
  api = client(system);
  sessions = new Sessions(api);
  await sessions.at("2024-09-11T00:00:00+08:00");
  await untilOpen(api, "application");
}, 60_000);
afterAll(async () => {
  await system?.stop();
});

describe("fraud cancellation and the 3-year blacklist (R5.5, R7.3)", () => {
  it("sets up an application the committee received and one whose certificate was issued", async () => {
    await sessions.at("2024-09-20T10:00:00+08:00");
    received = await submittedApplication(api, sessions, system.url, {
      username: "fraud-received",
      realName: "赵明",
      unitId: DEMO_UNIT,
    });
    const applicant = await registerApplicant(api, "fraud-certified", "钱红");
    sessions.remember(applicant.username, APPLICANT_PASSWORD);
    const draft = await createApplication(api, await sessions.as(applicant.username), applicant);
    certified = { applicant, applicationId: draft.applicationId };

    await placeIn(received.applicationId, "received");
    await placeIn(certified.applicationId, "certified", {
      certificate: {
        certificateNumber: CERTIFICATE,
        verificationCode: "7Q2M-K9XD",
        issuedOn: "2024-12-18",
        documentNumber: "甘职改发〔2024〕12号",
      },
    });
    await documentClient.send(
      new PutCommand({
        TableName: process.env.TABLE_NAME,
        Item: {
          ...keys.certificate(CERTIFICATE),
          certificateNumber: CERTIFICATE,
          applicationId: certified.applicationId,
          realName: "钱红",
          issuedOn: "2024-12-18",
        },
      }),
    );
    await sessions.at("2024-12-25T10:00:00+08:00");
  }, 180_000);

  it("R5.5 refuses a cancellation without the finding or the accountability, stale, or by anyone but the office", async () => {
    const { version } = await stored(received.applicationId);
    const missing = await refusedWithoutTrace(
      () => cancel(received.applicationId, { expectedVersion: version, finding: FINDING.finding }),
      400,
      "VALIDATION_FAILED",
    );
    expect(missing.fields?.map((field) => field.path).sort()).toEqual([
      "body.handlerAccountability",
      "body.unitAccountability",
    ]);
    const blank = await refusedWithoutTrace(
      () => cancel(received.applicationId, { ...FINDING, expectedVersion: version, finding: "   " }),
      400,
      "VALIDATION_FAILED",
    );
    expect(blank.fields).toEqual([{ path: "body.finding", message: expect.stringContaining("至少4个字") }]);
    await refusedWithoutTrace(
      () => cancel(received.applicationId, { ...FINDING, expectedVersion: version, blacklisted: false }),
      400,
      "VALIDATION_FAILED",
    );
    await refusedWithoutTrace(
      () => cancel(received.applicationId, { ...FINDING, expectedVersion: version - 1 }),
      409,
      "STALE_VERSION",
    );
    for (const role of ["organiser", "dept-admin", "unit-admin", received.applicant.username]) {
      await refusedWithoutTrace(
        () => cancel(received.applicationId, { ...FINDING, expectedVersion: version }, role),
        403,
        "FORBIDDEN",
      );
    }
    await refusedWithoutTrace(
      () => cancel("00000000-0000-4000-8000-000000000000", { ...FINDING, expectedVersion: version }),
      404,
      "NOT_FOUND",
    );
  });

  it("R5.5 cancels the received application and lists the person for 3 years from the decision", async () => {
    const { version } = await stored(received.applicationId);
    const answer = await json<{
      state: string;
      version: number;
      fraudCancellation: Record<string, string>;
      blacklistEntry: BlacklistEntry;
      revokedCertificate?: string;
    }>(await cancel(received.applicationId, { ...FINDING, expectedVersion: version }), 200);
    expect(answer).toMatchObject({
      state: "cancelled",
      version: version + 1,
      fraudCancellation: { ...FINDING, blacklistEntryId: answer.blacklistEntry.entryId },
      blacklistEntry: {
        realName: "赵明",
        ground: "fraud_in_application",
        decisionDate: "2024-12-25",
        reason: FINDING.finding,
        cancellation: {
          roundId: "2024",
          applicationId: received.applicationId,
          unitAccountability: FINDING.unitAccountability,
          handlerAccountability: FINDING.handlerAccountability,
        },
        from: "2024-12-25",
        until: "2027-12-25",
        status: "active",
      },
    });
    expect(answer.revokedCertificate).toBeUndefined();
    expect(answer.blacklistEntry.maskedResidentId).toMatch(/\*/);
    entries.received = answer.blacklistEntry.entryId;

    const status = await json<{ state: string; timeline: { action: string; reason?: string }[] }>(
      await api.get(applicationPath(received.applicationId, "/status"), await sessions.as("fraud-received")),
      200,
    );
    expect(status.state).toBe("cancelled");
    expect(status.timeline.at(-1)).toMatchObject({ action: "cancel", reason: FINDING.finding });

    const again = await refusedWithoutTrace(
      () => cancel(received.applicationId, { ...FINDING, expectedVersion: version + 1 }),
      409,
      "FRAUD_ALREADY_RECORDED",
    );
    expect(again.message).toContain("不能重复认定");
  });

  it("R5.5 cancels a certified application and revokes its certificate in the same change", async () => {
    await sessions.at("2024-12-26T10:00:00+08:00");
    const { version } = await stored(certified.applicationId);
    const answer = await json<{ state: string; revokedCertificate: string; blacklistEntry: BlacklistEntry }>(
      await cancel(certified.applicationId, { ...FINDING, expectedVersion: version }),
      200,
    );
    expect(answer).toMatchObject({ state: "cancelled", revokedCertificate: CERTIFICATE });
    entries.certified = answer.blacklistEntry.entryId;
    const certificate = await documentClient.send(
      new GetCommand({ TableName: process.env.TABLE_NAME, Key: keys.certificate(CERTIFICATE) }),
    );
    expect(certificate.Item).toMatchObject({
      revokedAt: "2024-12-26T02:00:00.000Z",
      revokedReason: expect.stringContaining("R5.5"),
    });
    expect((await stored(certified.applicationId)).fraudCancellation?.blacklistEntryId).toBe(
      entries.certified,
    );
  });

  it("R5.5 shows the register to the office only, by name and masked ID number", async () => {
    const response = await api.get("/admin/blacklist", await sessions.as(OFFICE));
    const text = await response.clone().text();
    const register = await json<{ entries: BlacklistEntry[] }>(response, 200);
    expect(register.entries.map((entry) => entry.entryId)).toEqual([entries.certified, entries.received]);
    expect(register.entries.every((entry) => entry.status === "active")).toBe(true);
    expect(text).not.toContain(received.applicant.residentId);
    expect(text).not.toMatch(/residentIdHash|sealedResidentId/);
    for (const role of ["organiser", "unit-admin", "fraud-received"]) {
      await refusedWithoutTrace(
        async () => api.get("/admin/blacklist", await sessions.as(role)),
        403,
        "FORBIDDEN",
      );
    }
  });

  it("R5.5 the person starting an application in the 2025 round is told of the cancellation and until when", async () => {
    await json(
      await api.send(
        "POST",
        "/admin/rounds",
        { roundId: "2025", title: "2025年度全省人力资源培训专业高级职称申报评审", calendar: CALENDAR_2025 },
        await sessions.as(OFFICE),
      ),
      201,
    );
    await sessions.at("2025-09-15T09:00:00+08:00");
    await untilRoundOpen("2025", "application");

    const token = await sessions.as("fraud-received");
    const refused = await refusedWithoutTrace(
      () =>
        inRound("2025", api).send(
          "POST",
          "/rounds/2024/applications",
          { baseInfo: { ...SAMPLE_BASE_INFO, name: received.applicant.realName } },
          token,
        ),
      422,
      "BLACKLISTED",
      "R5.5",
    );
    expect(refused.message).toBe(
      "您在“2024”轮次的申报因弄虚作假已于2024年12月25日被取消申报资格，并被列入职称申报“黑名单”，2027年12月25日前不得申报职称。",
    );
    const mine = await json<{ applications: unknown[] }>(
      await api.get("/rounds/2025/applications", token),
      200,
    );
    expect(mine.applications).toEqual([]);
  }, 60_000);

  it("R5.5 the office lifts an entry with a reason, audited; lifting is refused unchanged otherwise", async () => {
    const lifting =
      (entryId: string, body: Record<string, unknown>, as = OFFICE) =>
      async () =>
        api.send("POST", `/admin/blacklist/${entryId}/lifting`, body, await sessions.as(as));
    const reason = "经复核，原认定证据不足，撤销黑名单";
    const noReason = await refusedWithoutTrace(lifting(entries.certified, {}), 400, "VALIDATION_FAILED");
    expect(noReason.fields?.map((field) => field.path)).toEqual(["body.reason"]);
    await refusedWithoutTrace(
      lifting(entries.certified, { reason, expectedVersion: 9 }),
      409,
      "STALE_VERSION",
    );
    await refusedWithoutTrace(lifting(entries.certified, { reason }, "organiser"), 403, "FORBIDDEN");
    await refusedWithoutTrace(
      lifting("00000000-0000-4000-8000-000000000000", { reason }),
      404,
      "BLACKLIST_ENTRY_NOT_FOUND",
    );

    const lifted = await json<BlacklistEntry>(
      await lifting(entries.certified, { reason, expectedVersion: 1 })(),
      200,
    );
    expect(lifted).toMatchObject({ status: "lifted", version: 2, lifting: { reason } });
    await refusedWithoutTrace(lifting(entries.certified, { reason }), 409, "BLACKLIST_ALREADY_LIFTED");
    const register = await json<{ entries: BlacklistEntry[] }>(
      await api.get("/admin/blacklist", await sessions.as(OFFICE)),
      200,
    );
    expect(register.entries.map((entry) => [entry.entryId, entry.status])).toEqual([
      [entries.certified, "lifted"],
      [entries.received, "active"],
    ]);
  });
});

describe("audit export for the title office (DESIGN.md §10)", () => {
  it("exports one application's trail as JSON: the earlier events, the cancellation and the lifting", async () => {
    const response = await api.get(
      auditPath(certified.applicationId, "format=json"),
      await sessions.as(OFFICE),
    );
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="audit-2024-${certified.applicationId}.json"`,
    );
    expect(response.headers.get("x-next-cursor")).toBeNull();
    const records = await json<AuditRecord[]>(response, 200);
    expect(records.map((record) => [record.trail, record.action])).toEqual([
      ["application", "create"],
      ["application", "cancel"],
      ["office", "blacklist"],
      ["office", "lift_blacklist"],
    ]);
    expect(records[1]).toMatchObject({
      roundId: "2024",
      applicationId: certified.applicationId,
      fromState: "certified",
      toState: "cancelled",
      role: "office_admin",
      reason: FINDING.finding,
      detail: { revokedCertificate: CERTIFICATE, blacklistEntryId: entries.certified },
    });

    const trail = await json<AuditRecord[]>(
      await api.get(auditPath(received.applicationId, ""), await sessions.as(OFFICE)),
      200,
    );
    const actions = trail.map((record) => record.action);
    expect(actions.slice(0, 2)).toEqual(["create", "save_section"]);
    expect(actions).toContain("verify_evidence");
    expect(actions.indexOf("submit")).toBeLessThan(actions.indexOf("cancel"));
    expect(actions.slice(-2)).toEqual(["cancel", "blacklist"]);
  });

  it("exports it as CSV for Excel: BOM, header, the Chinese finding, an attachment", async () => {
    const response = await api.get(
      auditPath(received.applicationId, "format=csv"),
      await sessions.as(OFFICE),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="audit-2024-${received.applicationId}.csv"`,
    );
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8").slice(1);
    const [header] = text.split("\r\n");
    expect(header).toBe(
      "trail,entity,roundId,generation,applicationId,at,action,actor,role,org,fromState,toState,reason,detail",
    );
    const cancelLine = text.split("\r\n").find((line) => line.includes(",cancel,"));
    expect(cancelLine).toContain(FINDING.finding);
    expect(cancelLine).toContain(",received,cancelled,");
  });

  it("exports the round: its resets, then every application's trail, as JSON and as CSV", async () => {
    const records = await json<AuditRecord[]>(
      await api.get("/admin/rounds/2024/audit?format=json", await sessions.as(OFFICE)),
      200,
    );
    // The round's own records first (several may share an instant, so their order among themselves is free).
    const office = records.filter((record) => record.trail === "office");
    expect(records.slice(0, office.length)).toEqual(office);
    expect(office.map((record) => [record.entity, record.action])).toContainEqual([
      "ROUND#2024",
      "reset_begun",
    ]);
    const cancels = records
      .filter((record) => record.action === "cancel")
      .map((record) => record.applicationId);
    expect(cancels.sort()).toEqual([received.applicationId, certified.applicationId].sort());
    expect(
      records.filter((record) => record.applicationId === received.applicationId).length,
    ).toBeGreaterThan(20);

    const csv = await api.get("/admin/rounds/2024/audit?format=csv", await sessions.as(OFFICE));
    expect(csv.headers.get("content-disposition")).toMatch(/^attachment; filename="audit-2024-g2\.csv"$/);
    const lines = (await csv.text()).split("\r\n").filter((line) => line !== "");
    expect(lines.length).toBe(records.length + 1);
  });

  it("refuses other roles, an unknown format and a forged cursor", async () => {
    for (const role of ["organiser", "dept-admin", "fraud-received"]) {
      await refusedWithoutTrace(
        async () => api.get(auditPath(received.applicationId, "format=json"), await sessions.as(role)),
        403,
        "FORBIDDEN",
      );
      await refusedWithoutTrace(
        async () => api.get("/admin/rounds/2024/audit", await sessions.as(role)),
        403,
        "FORBIDDEN",
      );
    }
    const badFormat = await json<Refusal>(
      await api.get("/admin/rounds/2024/audit?format=xlsx", await sessions.as(OFFICE)),
      400,
    );
    expect(badFormat.fields).toEqual([{ path: "query.format", message: "导出格式应为 json 或 csv" }]);
    const forged = await json<Refusal>(
      await api.get("/admin/rounds/2024/audit?cursor=eyJzb3VyY2UiOjJ9", await sessions.as(OFFICE)),
      400,
    );
    expect(forged.code).toBe("INVALID_CURSOR");
  });
});
