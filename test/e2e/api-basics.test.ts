import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "../../functions/http/openapi";
import { ROUTES } from "../../functions/http/route-catalogue";
import type { LocalSystem } from "../../infra/local/system";
import { type Client, client, startTestSystem } from "../support/local-system";

let system: LocalSystem;
let api: Client;

beforeAll(async () => {
  system = await startTestSystem();
  api = client(system);
});
afterAll(async () => {
  await system?.stop();
});

describe("local runtime over HTTP", () => {
  it("starts a new system at the opening of the seeded round", async () => {
    const clock = (await (await api.get("/dev/clock")).json()) as { now: string };
    expect(Date.parse(clock.now) - Date.parse("2024-09-01T00:00:00+08:00")).toBeLessThan(60_000);
  });

  it("answers /health with the time it sees, which the virtual clock sets (inside pre-preparation)", async () => {
    await api.send("POST", "/dev/clock", { at: "2024-09-05T12:00:00.123+08:00", frozen: true });
    const response = await api.get("/health");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", time: "2024-09-05T04:00:00.123Z" });
    const clock = await (await api.get("/dev/clock")).json();
    expect(clock).toEqual({ now: "2024-09-05T04:00:00.123Z", frozen: true });
  });

  it("serves the seeded 2024 round with the notice's calendar in Beijing time (R3, R3.1)", async () => {
    const round = (await (await api.get("/rounds/2024")).json()) as Record<string, Record<string, string>>;
    expect(round.calendarText).toMatchObject({
      preparation: "2024-09-01 00:00 至 2024-09-11 00:00（不含，北京时间）",
      application: "2024-09-11 00:00 至 2024-10-21 00:00（不含，北京时间）",
      review: "2024-10-21 00:00 至 2024-11-05 00:00（不含，北京时间）",
      receiptCutoff: "2024-11-05 00:00（北京时间）",
    });
    expect(round.calendar?.receiptCutoff).toBe("2024-11-04T16:00:00.000Z");
    const list = (await (await api.get("/rounds")).json()) as { rounds: { roundId: string }[] };
    expect(list.rounds.map((r) => r.roundId)).toEqual(["2024"]);
  });

  it("serves the OpenAPI document the route schemas generate, and the docs page with its assets, no CDN", async () => {
    const answer = await api.get("/openapi.json");
    expect(answer.headers.get("content-type")).toContain("application/json");
    // The served file is the one written at build time; it must be what the routes generate now.
    expect(await answer.json()).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument(ROUTES))));
    const page = await api.get("/docs");
    const html = await page.text();
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(html).not.toMatch(/https?:\/\//);
    for (const asset of html.matchAll(/(?:src|href)="(\/docs\/assets\/[^"]+)"/g)) {
      const response = await api.get(asset[1] ?? "");
      expect(response.status, asset[1]).toBe(200);
      expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(10);
    }
    expect((await api.get("/docs/assets/evil.js")).status).toBe(404);
    expect((await api.get("/docs/assets/..%2Fpackage.json")).status).toBe(400);
  });

  it("answers an unknown route with 404 JSON", async () => {
    const response = await api.get("/no/such/route");
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: "ROUTE_NOT_FOUND" });
    expect((await api.send("DELETE", "/health", "")).status).toBe(404);
  });

  it("answers 401 on a protected route without a token, with a forged one, or after it expired", async () => {
    expect((await api.get("/me")).status).toBe(401);
    expect(await (await api.get("/me", "forged.token.value")).json()).toMatchObject({
      code: "UNAUTHENTICATED",
    });
    const token = await api.login("office-admin");
    expect((await api.get("/me", token)).status).toBe(200);
    await api.send("POST", "/dev/clock", { advanceSeconds: 3601 });
    expect((await api.get("/me", token)).status).toBe(401);
  });

  it("refuses a wrong password without saying which part was wrong", async () => {
    const response = await api.send("POST", "/dev/login", { username: "office-admin", password: "wrong" });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: "INVALID_CREDENTIALS" });
    const unknown = await api.send("POST", "/dev/login", { username: "nobody", password: "wrong" });
    expect(await unknown.json()).toMatchObject({ code: "INVALID_CREDENTIALS" });
  });

  it("tells a signed-in account who it is and which roles it holds, read from the table", async () => {
    const token = await api.login("unit-handler");
    const me = await (await api.get("/me", token)).json();
    expect(me).toMatchObject({
      username: "unit-handler",
      realName: "李晓燕",
      roles: [{ role: "unit_handler", orgId: "unit-demo-training-center", roundId: "2024" }],
    });
  });

  it("R3.2 shows the demo unit staffed to its members, its department and the office, and 404 to others", async () => {
    const path = "/rounds/2024/units/unit-demo-training-center/staffing";
    const own = await (await api.get(path, await api.login("unit-leader"))).json();
    expect(own).toMatchObject({ staffed: true, missingRoles: [] });
    expect((await api.get(path, await api.login("office-admin"))).status).toBe(200);
    expect((await api.get(path, await api.login("dept-admin"))).status).toBe(200);
    expect((await api.get(path, await api.login("organiser"))).status).toBe(403);
    expect(
      (await api.get("/rounds/2024/units/other-unit/staffing", await api.login("unit-leader"))).status,
    ).toBe(404);
  });

  it("lets only the office announce meeting dates, refusing bad input, wrong order and stale versions", async () => {
    const office = await api.login("office-admin");
    const path = "/admin/rounds/2024/schedule";
    const handler = await api.login("unit-handler");
    expect(
      (await api.send("PUT", path, { expectedVersion: 1, defenseAt: "2024-12-01 09:00" }, handler)).status,
    ).toBe(403);

    const malformed = await api.send("PUT", path, "{not json", office);
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ code: "MALFORMED_JSON" });

    const invalid = await api.send(
      "PUT",
      path,
      { expectedVersion: 1, defenseAt: "12月1日", role: "x" },
      office,
    );
    expect(invalid.status).toBe(400);
    const fields = ((await invalid.json()) as { fields: { path: string }[] }).fields.map((f) => f.path);
    expect(fields).toEqual(expect.arrayContaining(["body.defenseAt", "body"]));

    const tooEarly = await api.send(
      "PUT",
      path,
      { expectedVersion: 1, defenseAt: "2024-11-04 09:00" },
      office,
    );
    expect(tooEarly.status).toBe(400);
    expect(await tooEarly.json()).toMatchObject({ code: "INVALID_ROUND_CALENDAR" });

    const { version } = (await (await api.get("/admin/rounds/2024", office)).json()) as { version: number };
    const ok = await api.send(
      "PUT",
      path,
      { expectedVersion: version, defenseAt: "2024-12-01 09:00" },
      office,
    );
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({
      version: version + 1,
      calendarText: { defenseAt: "2024-12-01 09:00（北京时间）" },
    });

    const stale = await api.send(
      "PUT",
      path,
      { expectedVersion: version, committeeMeetingAt: "2024-12-10 09:00" },
      office,
    );
    expect(stale.status).toBe(409);
    const round = (await (await api.get("/rounds/2024")).json()) as { calendar: Record<string, string> };
    expect(round.calendar.committeeMeetingAt).toBeUndefined();
  });

  it("answers 413 for a body over API Gateway's 10 MB limit and for a JSON body over 256 KB", async () => {
    const office = await api.login("office-admin");
    const huge = await api.send(
      "PUT",
      "/admin/rounds/2024/schedule",
      "x".repeat(10 * 1024 * 1024 + 1),
      office,
    );
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    const big = await api.send(
      "PUT",
      "/admin/rounds/2024/schedule",
      { expectedVersion: 1, pad: "x".repeat(300_000) },
      office,
    );
    expect(big.status).toBe(413);
  });
});
