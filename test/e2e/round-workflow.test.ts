import { ListObjectsV2Command, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentClient } from "../../functions/adapters/dynamodb/client";
import { purgeIndexKeys } from "../../functions/adapters/dynamodb/keys";
import { generationObjectPrefixes } from "../../functions/adapters/s3/evidence-keys";
import type { LocalSystem } from "../../infra/local/system";
import { type Client, client, startTestSystem } from "../support/local-system";

let system: LocalSystem;
let api: Client;
const s3 = new S3Client({ forcePathStyle: true });

beforeAll(async () => {
  system = await startTestSystem();
  api = client(system);
});
afterAll(async () => {
  await system?.stop();
});

interface AdminRound {
  generation: number;
  openedPhases: string[];
  version: number;
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolveDelay) => setTimeout(resolveDelay, 100));
  }
}

async function adminRound(token: string): Promise<AdminRound> {
  return (await (await api.get("/admin/rounds/2024", token)).json()) as AdminRound;
}

/** Test data of one generation, as applications and uploads will write it: items and objects. */
async function writeGenerationData(generation: number, count: number): Promise<string[]> {
  const scope = { roundId: "2024", generation };
  const keys: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const item = { PK: `ROUND#2024#G${generation}#APP#test-${i}`, SK: "APPLICATION" };
    await documentClient.send(
      new PutCommand({
        TableName: process.env.TABLE_NAME,
        Item: { ...item, ...purgeIndexKeys(scope, item), note: "测试数据" },
      }),
    );
    await s3.send(
      new PutObjectCommand({
        Bucket: process.env.EVIDENCE_BUCKET,
        // Alternately a verified copy and an upload left in incoming/: the purge finds both.
        Key: `${generationObjectPrefixes(scope)[i % 2]}test-${i}.pdf`,
        Body: "%PDF-1.4 test",
      }),
    );
    keys.push(item.PK);
  }
  return keys;
}

async function itemExists(pk: string): Promise<boolean> {
  const found = await documentClient.send(
    new GetCommand({ TableName: process.env.TABLE_NAME, Key: { PK: pk, SK: "APPLICATION" } }),
  );
  return found.Item !== undefined;
}

async function objectCount(generation: number): Promise<number> {
  let count = 0;
  for (const prefix of generationObjectPrefixes({ roundId: "2024", generation })) {
    const listed = await s3.send(
      new ListObjectsV2Command({ Bucket: process.env.EVIDENCE_BUCKET, Prefix: prefix }),
    );
    count += listed.KeyCount ?? 0;
  }
  return count;
}

describe("the round calendar and the reset on the local runtime (R3, DESIGN.md §8)", () => {
  it("opens pre-preparation by itself once the clock is inside it", async () => {
    await api.send("POST", "/dev/clock", { at: "2024-09-02T08:00:00+08:00", frozen: true });
    const office = await api.login("office-admin");
    const round = await until("preparation to open", async () => {
      const current = await adminRound(office);
      return current.openedPhases.includes("preparation") ? current : undefined;
    });
    expect(round.generation).toBe(1);
    expect(((await (await api.get("/rounds/2024")).json()) as { openPhase: string }).openPhase).toBe(
      "preparation",
    );
  });

  it("an admin's rehearsal reset hides test data at once, purges it, keeps unit admins, and runs once on a double click", async () => {
    const office = await api.login("office-admin");
    const handlerToken = await api.login("unit-handler");
    const testKeys = await writeGenerationData(1, 30);
    expect(await objectCount(1)).toBe(30);

    const clicks = await Promise.all([
      api.send("POST", "/admin/rounds/2024/resets", { expectedGeneration: 1 }, office),
      api.send("POST", "/admin/rounds/2024/resets", { expectedGeneration: 1 }, office),
    ]);
    // Two clicks that both read generation 1 join one reset (202 twice, one execution); a click read
    // after the move is told the generation is now 2 (409). Either way the round moves once.
    const answers = await Promise.all(
      clicks.map(async (click) => ({
        status: click.status,
        body: (await click.json()) as Record<string, unknown>,
      })),
    );
    const started = answers.filter((answer) => answer.status === 202);
    expect(started.length).toBeGreaterThanOrEqual(1);
    expect(new Set(started.map((answer) => answer.body.executionName)).size).toBe(1);
    for (const answer of answers.filter((each) => each.status !== 202)) {
      expect(answer).toMatchObject({ status: 409, body: { code: "STALE_GENERATION" } });
    }
    expect((await adminRound(office)).generation).toBe(2);

    // Asked again on the old generation, the office is told the current one and nothing moves.
    const stale = await api.send("POST", "/admin/rounds/2024/resets", { expectedGeneration: 1 }, office);
    expect(stale.status).toBe(409);
    const staleRefusal = (await stale.json()) as { code: string; message: string; fields: unknown[] };
    expect(staleRefusal.code).toBe("STALE_GENERATION");
    expect(staleRefusal.message).toContain("当前为第 2 代数据");
    expect(staleRefusal.fields).toEqual([{ path: "body.expectedGeneration", message: "当前代次为 2" }]);
    expect((await adminRound(office)).generation).toBe(2);

    // Invisible at once: the handler's role belonged to generation 1 (R3.2).
    const me = (await (await api.get("/me", handlerToken)).json()) as { roles: unknown[] };
    expect(me.roles).toEqual([]);
    // The handler's next unit action says why and who gives the role back (R3.2), not a bare 403.
    const unitList = "/rounds/2024/units/unit-demo-training-center/applications";
    const removed = await api.get(unitList, handlerToken);
    expect(removed.status).toBe(403);
    const refusal = (await removed.json()) as { code: string; rule: string; message: string };
    expect(refusal).toMatchObject({ code: "ROLE_REMOVED_BY_RESET", rule: "R3.2" });
    expect(refusal.message).toMatch(/“经办人”.*已随系统重置清除|已重置.*“经办人”/);
    expect(refusal.message).toContain("请联系本单位系统管理员");
    const staffing = await (
      await api.get("/rounds/2024/units/unit-demo-training-center/staffing", await api.login("unit-admin"))
    ).json();
    expect(staffing).toMatchObject({ staffed: false, missingRoles: ["unit_handler", "unit_leader"] });

    const done = await until("the purge to finish", async () => {
      const { resets } = (await (await api.get("/admin/rounds/2024/resets", office)).json()) as {
        resets: { status: string; purgedObjects: number; purgedItems: number }[];
      };
      return resets.length === 1 && resets[0]?.status === "done" ? resets[0] : undefined;
    });
    expect(done.purgedObjects).toBe(30);
    // Once the purge has removed the old assignments, the refusal still explains the reset.
    const afterPurge = (await (await api.get(unitList, handlerToken)).json()) as {
      code: string;
      message: string;
    };
    expect(afterPurge.code).toBe("ROLE_REMOVED_BY_RESET");
    expect(afterPurge.message).toContain("本轮次已重置，重置前分配的“经办人”、“审核领导”等角色均已清除");
    // Someone whose organisation never held those roles is refused as before.
    const other = (await (await api.get(unitList, await api.login("dept-admin"))).json()) as { code: string };
    expect(other.code).toBe("FORBIDDEN");
    expect(done.purgedItems).toBeGreaterThanOrEqual(32);
    for (const key of testKeys) expect(await itemExists(key)).toBe(false);
    expect(await objectCount(1)).toBe(0);
  });

  it("at 09-11 00:00 the scheduled reset runs and the application window opens; new data survives the purge", async () => {
    await writeGenerationData(2, 5);
    await api.send("POST", "/dev/clock", { at: "2024-09-10T23:59:59.999+08:00", frozen: true });
    // Tokens expire by the virtual clock too: log in after the jump.
    const office = await api.login("office-admin");
    await new Promise((resolveDelay) => setTimeout(resolveDelay, 1200));
    expect((await adminRound(office)).openedPhases).not.toContain("application");

    await api.send("POST", "/dev/clock", { at: "2024-09-11T00:00:00+08:00", frozen: true });
    const round = await until("the application window", async () => {
      const current = await adminRound(office);
      return current.openedPhases.includes("application") ? current : undefined;
    });
    expect(round.generation).toBe(3);
    const formalKeys = await writeGenerationData(3, 3);
    await until("the purge of generation 2", async () => ((await objectCount(2)) === 0 ? true : undefined));
    for (const key of formalKeys) expect(await itemExists(key)).toBe(true);
    expect(await objectCount(3)).toBe(3);
  });

  it("R3.3 refuses to reset formal data without the round id typed back, deleting nothing", async () => {
    const office = await api.login("office-admin");
    const refused = await api.send("POST", "/admin/rounds/2024/resets", { expectedGeneration: 3 }, office);
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({ code: "FORMAL_DATA_RESET_NOT_CONFIRMED", rule: "R3.3" });
    expect((await adminRound(office)).generation).toBe(3);
    expect(await objectCount(3)).toBe(3);

    const handler = await api.login("unit-admin");
    expect(
      (
        await api.send(
          "POST",
          "/admin/rounds/2024/resets",
          { expectedGeneration: 3, confirmRoundId: "2024" },
          handler,
        )
      ).status,
    ).toBe(403);

    const confirmed = await api.send(
      "POST",
      "/admin/rounds/2024/resets",
      { expectedGeneration: 3, confirmRoundId: "2024" },
      office,
    );
    expect(confirmed.status).toBe(202);
    expect((await adminRound(office)).generation).toBe(4);
  });

  it("a clock moved backwards undoes nothing and runs nothing twice", async () => {
    let office = await api.login("office-admin");
    const before = await adminRound(office);
    const resetsBefore = (
      (await (await api.get("/admin/rounds/2024/resets", office)).json()) as { resets: unknown[] }
    ).resets;
    await api.send("POST", "/dev/clock", { at: "2024-09-05T10:00:00+08:00", frozen: true });
    await new Promise((resolveDelay) => setTimeout(resolveDelay, 1500));
    office = await api.login("office-admin");
    const after = await adminRound(office);
    expect(after.generation).toBe(before.generation);
    expect(after.openedPhases).toEqual(before.openedPhases);
    const resetsAfter = (
      (await (await api.get("/admin/rounds/2024/resets", office)).json()) as { resets: unknown[] }
    ).resets;
    expect(resetsAfter).toHaveLength(resetsBefore.length);
    // Before 09-11 the application window is closed by the clock, though the workflow opened it.
    expect(((await (await api.get("/rounds/2024")).json()) as { openPhase: string | null }).openPhase).toBe(
      "preparation",
    );
  });
});
