import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { eventWrite } from "../../functions/adapters/dynamodb/application-events";
import type { ApplicationRecord } from "../../functions/adapters/dynamodb/application-record";
import { auditPut } from "../../functions/adapters/dynamodb/audit-repository";
import { blacklistEntity } from "../../functions/adapters/dynamodb/blacklist-repository";
import type { GenerationScope } from "../../functions/adapters/dynamodb/keys";
import { writeTogether } from "../../functions/adapters/dynamodb/transactions";
import { AUDIT_COLUMNS, type AuditRecord, CSV_BOM } from "../../functions/core/audit";
import {
  type AuditFormat,
  applicationAuditSources,
  EXPORT_PAGE_LIMITS,
  exportAuditPage,
  roundAuditSources,
} from "../../functions/services/audit-export";
import { thrown } from "../support/applications";
import { useFreshTable } from "../support/table";

const SCOPE: GenerationScope = { roundId: "2024", generation: 2 };
const REHEARSAL: GenerationScope = { roundId: "2024", generation: 1 };
const OTHER_ROUND: GenerationScope = { roundId: "2023", generation: 2 };
const ENTRY_ID = randomUUID();

/** Application ids spread over the ByGeneration shards; the first one was cancelled for fraud. */
const applications = Array.from({ length: 6 }, () => randomUUID());
const EVENTS_EACH = 5;

async function writeTrail(scope: GenerationScope, applicationId: string, reasons: string[]): Promise<void> {
  for (const [index, reason] of reasons.entries()) {
    await writeTogether([
      eventWrite(scope, applicationId, index + 1, {
        at: new Date(Date.UTC(2024, 9, 1, 2, 0, index)).toISOString(),
        action: index === 0 ? "create" : "save_section",
        actor: `applicant-${applicationId.slice(0, 4)}`,
        role: "applicant",
        ...(index === 0 ? { toState: "draft" as const } : {}),
        reason,
        detail: { step: index },
      }),
    ]);
  }
}

function head(applicationId: string): ApplicationRecord {
  return {
    applicationId,
    scope: SCOPE,
    applicantId: "applicant",
    unitId: "unit-a",
    state: "cancelled",
    version: 6,
    baseInfo: {},
    confirmedSections: [],
    evidenceRevision: 0,
    submissions: 1,
    departmentReturns: 0,
    fraudCancellation: {
      finding: "伪造论文",
      unitAccountability: "通报批评",
      handlerAccountability: "诫勉谈话",
      blacklistEntryId: ENTRY_ID,
      decidedBy: "office-1",
      decidedAt: "2024-11-06T02:00:00.000Z",
    },
    createdAt: "2024-10-01T02:00:00.000Z",
    updatedAt: "2024-11-06T02:00:00.000Z",
  };
}

/** Every page of an export, following the cursors. */
async function allPages(
  sources: Parameters<typeof exportAuditPage>[0],
  format: AuditFormat,
  limits = EXPORT_PAGE_LIMITS,
) {
  const pages = [];
  let cursor: string | undefined;
  do {
    const page = await exportAuditPage(sources, format, cursor, limits);
    pages.push(page);
    cursor = page.nextCursor;
  } while (cursor);
  return pages;
}

const records = (body: string) => JSON.parse(body) as AuditRecord[];

describe("audit export on DynamoDB Local (DESIGN.md §10)", () => {
  beforeAll(async () => {
    await useFreshTable();
    for (const applicationId of applications) {
      await writeTrail(
        SCOPE,
        applicationId,
        Array.from({ length: EVENTS_EACH }, (_, index) =>
          index === 1 ? '=HYPERLINK("x","点")' : `第${index}步，含"引号"`,
        ),
      );
    }
    await writeTrail(REHEARSAL, randomUUID(), ["预准备测试"]);
    await writeTrail(OTHER_ROUND, randomUUID(), ["上一轮次"]);
    const office = (entity: string, action: string, second: number) =>
      writeTogether([
        {
          write: auditPut({
            entity,
            action,
            actor: "office-1",
            at: new Date(Date.UTC(2024, 10, 6, 2, 0, second)),
            detail: { second },
          }),
        },
      ]);
    await office("ROUND#2024", "reset_begun", 0);
    await office("ROUND#2024", "update_calendar", 1);
    await office("ROUND#2023", "update_calendar", 2);
    await office(blacklistEntity(ENTRY_ID), "blacklist", 3);
    await office(blacklistEntity(ENTRY_ID), "lift_blacklist", 4);
  });

  it("exports one application's trail oldest first, then the office's records of its blacklist entry", async () => {
    const [page, ...more] = await allPages(applicationAuditSources(head(applications[0] ?? "")), "json");
    expect(more).toEqual([]);
    const exported = records(page?.body ?? "");
    expect(exported.map((record) => [record.trail, record.action])).toEqual([
      ["application", "create"],
      ...Array.from({ length: EVENTS_EACH - 1 }, () => ["application", "save_section"]),
      ["office", "blacklist"],
      ["office", "lift_blacklist"],
    ]);
    for (const record of exported) {
      expect(Object.keys(record)).toEqual([...AUDIT_COLUMNS]);
      expect(record).toMatchObject({ roundId: "2024", generation: 2, applicationId: applications[0] });
    }
    expect(exported[0]).toMatchObject({ toState: "draft", fromState: null, org: null, detail: { step: 0 } });
    expect(exported[1]?.reason).toBe('=HYPERLINK("x","点")');
  });

  it("exports a round: its office records, then every application of the current generation only", async () => {
    const [page] = await allPages(roundAuditSources(SCOPE), "json");
    const exported = records(page?.body ?? "");
    expect(exported.slice(0, 2).map((record) => [record.trail, record.action, record.entity])).toEqual([
      ["office", "reset_begun", "ROUND#2024"],
      ["office", "update_calendar", "ROUND#2024"],
    ]);
    const trails = exported.slice(2);
    expect(trails).toHaveLength(applications.length * EVENTS_EACH);
    expect(new Set(trails.map((record) => record.applicationId))).toEqual(new Set(applications));
    expect(trails.every((record) => record.generation === 2 && record.roundId === "2024")).toBe(true);
    for (const applicationId of applications) {
      const own = trails.filter((record) => record.applicationId === applicationId);
      expect(own.map((record) => record.detail.step)).toEqual([0, 1, 2, 3, 4]);
    }
  });

  it("pages a big export with cursors, each page a whole file, losing and repeating nothing", async () => {
    const [whole] = await allPages(roundAuditSources(SCOPE), "json");
    const expected = records(whole?.body ?? "");

    const byCount = await allPages(roundAuditSources(SCOPE), "json", {
      bytes: EXPORT_PAGE_LIMITS.bytes,
      records: 7,
    });
    expect(byCount.length).toBe(Math.ceil(expected.length / 7));
    expect(byCount.map((page) => page.page)).toEqual(byCount.map((_, index) => index + 1));
    expect(byCount.flatMap((page) => records(page.body))).toEqual(expected);

    const limit = 1500;
    const bySize = await allPages(roundAuditSources(SCOPE), "csv", { bytes: limit, records: 5_000 });
    expect(bySize.length).toBeGreaterThan(3);
    const rows: string[] = [];
    for (const page of bySize) {
      expect(Buffer.byteLength(JSON.stringify(page.body), "utf8") - 2).toBeLessThanOrEqual(limit);
      expect(page.body.startsWith(`${CSV_BOM}${AUDIT_COLUMNS.join(",")}\r\n`)).toBe(true);
      rows.push(page.body.slice(page.body.indexOf("\r\n") + 2));
    }
    const [single] = await allPages(roundAuditSources(SCOPE), "csv");
    expect(rows.join("")).toBe(single?.body.slice(single.body.indexOf("\r\n") + 2));
  });

  it("writes the CSV with neutralised formulas and the Chinese text intact", async () => {
    const [page] = await allPages(applicationAuditSources(head(applications[1] ?? "")), "csv");
    const body = page?.body ?? "";
    expect(body.startsWith(CSV_BOM)).toBe(true);
    expect(body).toContain(`"'=HYPERLINK(""x"",""点"")"`);
    expect(body).toContain(`"第2步，含""引号"""`);
    expect(body).not.toMatch(/,=HYPERLINK/);
  });

  it("refuses a cursor that is not one it gave, or that belongs to another export", async () => {
    const sources = roundAuditSources(SCOPE);
    const { nextCursor } = await exportAuditPage(sources, "json", undefined, { bytes: 1 << 20, records: 3 });
    expect(nextCursor).toBeDefined();
    const other = applicationAuditSources(head(applications[2] ?? ""));
    const tampered = (change: (cursor: Record<string, unknown>) => void) => {
      const cursor = JSON.parse(Buffer.from(nextCursor ?? "", "base64url").toString("utf8"));
      change(cursor);
      return Buffer.from(JSON.stringify(cursor)).toString("base64url");
    };
    for (const cursor of [
      "not-a-cursor",
      tampered((c) => {
        c.key = { PK: "AUDIT#ROUND#2023", SK: "x" };
      }),
      tampered((c) => {
        c.source = 99;
      }),
      tampered((c) => {
        c.page = 1;
      }),
    ]) {
      const error = await thrown(exportAuditPage(sources, "json", cursor));
      expect(error).toMatchObject({
        code: "INVALID_CURSOR",
        details: { fields: [{ path: "query.cursor" }] },
      });
    }
    expect((await thrown(exportAuditPage(other, "json", nextCursor))).code).toBe("INVALID_CURSOR");
  });
});
