import { GetCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentClient } from "../../functions/adapters/dynamodb/client";
import type { LocalSystem } from "../../infra/local/system";
import { type Client, client, startTestSystem } from "../support/local-system";
import { refusedWithoutTrace } from "../support/refusals";
import { freshResidentId, withWrongCheckDigit } from "../support/resident-ids";

let system: LocalSystem;
let api: Client;
let office: string;

const DEMO_UNIT = "unit-demo-training-center";
const DEPT_A = "dept-lanzhou-hrss";

beforeAll(async () => {
  system = await startTestSystem();
  api = client(system);
  await api.send("POST", "/dev/clock", { at: "2024-09-02T10:00:00+08:00", frozen: true });
  office = await api.login("office-admin");
});
afterAll(async () => {
  await system?.stop();
});

async function json<T = Record<string, unknown>>(response: Response, status: number): Promise<T> {
  const body = (await response.json()) as T;
  expect(response.status, JSON.stringify(body)).toBe(status);
  return body;
}

const unitBody = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  unitType: "enterprise_staff_training",
  central: false,
  region: "兰州市",
  departmentId: DEPT_A,
  underPostManagement: false,
  professionalPosts: 20,
  seniorTitleHolders: 2,
  ...extra,
});

const person = (username: string, realName: string, roles: string[]) => ({
  username,
  realName,
  residentId: freshResidentId(),
  phone: "13800138000",
  roles,
});

async function auditActions(entity: string): Promise<string[]> {
  const found = await documentClient.send(
    new QueryCommand({
      TableName: process.env.TABLE_NAME,
      KeyConditionExpression: "PK = :pk",
      ExpressionAttributeValues: { ":pk": `AUDIT#${entity}` },
    }),
  );
  // Sorted: events of one frozen instant carry the same time, so their stored order is arbitrary.
  return (found.Items ?? []).map((item) => String(item.action)).sort();
}

interface Created {
  accountId: string;
  temporaryPassword: string;
  version: number;
  roles: { role: string }[];
}

describe("a new unit gets staffed over HTTP (R3.2, issue #4)", () => {
  let unitId: string;
  let admin: string;
  let handler: Created;
  let handlerToken: string;

  it("the office creates a unit under a department, and it is not staffed yet", async () => {
    const unit = await json<{ orgId: string; version: number }>(
      await api.send("POST", "/admin/units", unitBody("兰州新区职工培训中心"), office),
      201,
    );
    unitId = unit.orgId;
    expect(await auditActions(`ORG#${unitId}`)).toEqual(["create_unit"]);
    const listed = await json<{ units: { unitId: string }[] }>(
      await api.get(`/units?departmentId=${DEPT_A}`),
      200,
    );
    expect(listed.units.map((u) => u.unitId)).toEqual(expect.arrayContaining([DEMO_UNIT, unitId]));
    const staffing = await json(await api.get(`/rounds/2024/units/${unitId}/staffing`, office), 200);
    expect(staffing).toMatchObject({
      staffed: false,
      missingRoles: ["unit_admin", "unit_handler", "unit_leader"],
    });
  });

  it("the office creates the unit's admin, who signs in with the temporary password", async () => {
    const created = await json<Created>(
      await api.send("POST", `/orgs/${unitId}/accounts`, person("xq-admin", "赵敏", ["unit_admin"]), office),
      201,
    );
    expect(created.temporaryPassword).toMatch(/^.{16}$/);
    expect(created.roles).toEqual([{ role: "unit_admin", orgId: unitId }]);
    expect(await auditActions(`ACCOUNT#${created.accountId}`)).toEqual(["create_account"]);
    admin = await api.login("xq-admin", created.temporaryPassword);
    expect(await json(await api.get("/me", admin), 200)).toMatchObject({
      realName: "赵敏",
      roles: [{ role: "unit_admin", orgId: unitId }],
    });
  });

  it("the admin creates a handler and a leader, and the unit is staffed", async () => {
    handler = await json<Created>(
      await api.send(
        "POST",
        `/orgs/${unitId}/accounts`,
        person("xq-handler", "钱进", ["unit_handler"]),
        admin,
      ),
      201,
    );
    expect(handler.roles).toEqual([{ role: "unit_handler", orgId: unitId, roundId: "2024" }]);
    await json(
      await api.send("POST", `/orgs/${unitId}/accounts`, person("xq-leader", "孙立", ["unit_leader"]), admin),
      201,
    );
    const staffing = await json(await api.get(`/rounds/2024/units/${unitId}/staffing`, admin), 200);
    expect(staffing).toMatchObject({ staffed: true, missingRoles: [] });
    const { accounts } = await json<{ accounts: { username: string; roles: { role: string }[] }[] }>(
      await api.get(`/orgs/${unitId}/accounts`, admin),
      200,
    );
    expect(accounts.map((a) => [a.username, a.roles.map((r) => r.role)]).sort()).toEqual([
      ["xq-admin", ["unit_admin"]],
      ["xq-handler", ["unit_handler"]],
      ["xq-leader", ["unit_leader"]],
    ]);
    expect(JSON.stringify(accounts)).not.toMatch(/\d{17}[\dX]/);
  });

  it("a disabled handler's next request is refused even with a valid token, and works again once enabled", async () => {
    handlerToken = await api.login("xq-handler", handler.temporaryPassword);
    await json(await api.get("/me", handlerToken), 200);

    const disabled = await json<{ disabled: boolean; version: number }>(
      await api.send(
        "POST",
        `/accounts/${handler.accountId}/disable`,
        { expectedVersion: 1, reason: "调离" },
        admin,
      ),
      200,
    );
    expect(disabled).toMatchObject({ disabled: true, version: 2 });
    expect(await json(await api.get("/me", handlerToken), 401)).toMatchObject({ code: "ACCOUNT_DISABLED" });
    const login = await api.send("POST", "/dev/login", {
      username: "xq-handler",
      password: handler.temporaryPassword,
    });
    expect(login.status).toBe(401);
    expect(await json(await api.get(`/rounds/2024/units/${unitId}/staffing`, admin), 200)).toMatchObject({
      staffed: false,
      missingRoles: ["unit_handler"],
    });

    const stale = await api.send(
      "POST",
      `/accounts/${handler.accountId}/enable`,
      { expectedVersion: 1 },
      admin,
    );
    expect(await json(stale, 409)).toMatchObject({ code: "STALE_VERSION" });
    await json(
      await api.send("POST", `/accounts/${handler.accountId}/enable`, { expectedVersion: 2 }, admin),
      200,
    );
    await json(await api.get("/me", handlerToken), 200);
    expect(await auditActions(`ACCOUNT#${handler.accountId}`)).toEqual([
      "create_account",
      "disable_account",
      "enable_account",
    ]);
  });

  it("the admin moves a role from one account to another, per generation, and cannot lock themselves out", async () => {
    const cleared = await json<{ version: number; roles: unknown[] }>(
      await api.send("PUT", `/accounts/${handler.accountId}/roles`, { expectedVersion: 3, roles: [] }, admin),
      200,
    );
    expect(cleared).toMatchObject({ version: 4, roles: [] });
    expect(await json(await api.get("/me", handlerToken), 200)).toMatchObject({ roles: [] });
    await json(
      await api.send(
        "PUT",
        `/accounts/${handler.accountId}/roles`,
        { expectedVersion: 4, roles: ["unit_handler"] },
        admin,
      ),
      200,
    );
    const me = await json<{ accountId: string }>(await api.get("/me", admin), 200);
    const self = await api.send(
      "POST",
      `/accounts/${me.accountId}/disable`,
      { expectedVersion: 1, reason: "测试" },
      admin,
    );
    expect(await json(self, 409)).toMatchObject({ code: "OWN_ACCOUNT" });
  });

  it("keeps the unit's edits behind optimistic locking, with their audit", async () => {
    const path = `/admin/units/${unitId}`;
    const edited = await json<{ version: number; professionalPosts: number }>(
      await api.send("PATCH", path, { expectedVersion: 1, professionalPosts: 30 }, office),
      200,
    );
    expect(edited).toMatchObject({ version: 2, professionalPosts: 30 });
    expect(
      await json(await api.send("PATCH", path, { expectedVersion: 1, professionalPosts: 31 }, office), 409),
    ).toMatchObject({ code: "STALE_VERSION" });
    const tooMany = await json<{ fields: { path: string }[] }>(
      await api.send("PATCH", path, { expectedVersion: 2, seniorTitleHolders: 31 }, office),
      400,
    );
    expect(tooMany.fields.map((f) => f.path)).toEqual(["body.seniorTitleHolders"]);
    expect(await auditActions(`ORG#${unitId}`)).toEqual(["create_unit", "update_unit"]);
  });
});

describe("applicant self-registration (issue #4 §6)", () => {
  const residentId = freshResidentId();
  let accountId: string;

  it("registers under real name through a unit, signs in with the chosen password, sees only a masked ID", async () => {
    const registered = await json<{ accountId: string }>(
      await api.send("POST", "/register", {
        username: "applicant-li",
        password: "Apply#2024ok",
        realName: "李申报",
        residentId: residentId.toLowerCase(),
        phone: "13912345678",
        unitId: DEMO_UNIT,
      }),
      201,
    );
    accountId = registered.accountId;
    const token = await api.login("applicant-li", "Apply#2024ok");
    const me = await json<{ residentId: string; roles: unknown[] }>(await api.get("/me", token), 200);
    expect(me.roles).toEqual([{ role: "applicant", orgId: DEMO_UNIT }]);
    expect(me.residentId).toBe(`${residentId.slice(0, 4)}**********${residentId.slice(14)}`);
    expect(await auditActions(`ACCOUNT#${accountId}`)).toEqual(["register_applicant"]);
  });

  it("stores the ID number as a keyed hash and a sealed value, never in clear", async () => {
    const stored = await documentClient.send(
      new GetCommand({
        TableName: process.env.TABLE_NAME,
        Key: { PK: `ACCOUNT#${accountId}`, SK: "PROFILE" },
      }),
    );
    const text = JSON.stringify(stored.Item);
    expect(text).not.toContain(residentId);
    expect(stored.Item?.residentId).toMatchObject({
      hash: expect.any(String),
      sealed: expect.stringMatching(/^v1\./),
    });
  });

  it("shows the clear number to the applicant and the unit's reviewers, audited, and to nobody out of scope", async () => {
    const path = `/applicants/${accountId}/resident-id`;
    const own = await json(await api.get(path, await api.login("applicant-li", "Apply#2024ok")), 200);
    expect(own).toEqual({ accountId, realName: "李申报", residentId });
    expect(await json(await api.get(path, await api.login("unit-handler")), 200)).toMatchObject({
      residentId,
    });
    expect((await api.get(path, await api.login("unit-admin"))).status).toBe(403);
    expect((await api.get(path, await api.login("organiser"))).status).toBe(403);
    expect(await auditActions(`ACCOUNT#${accountId}`)).toEqual([
      "read_resident_id",
      "read_resident_id",
      "register_applicant",
    ]);
  });

  it("lets the applicant change their phone under optimistic locking, and nothing else", async () => {
    const token = await api.login("applicant-li", "Apply#2024ok");
    const changed = await json(
      await api.send("PATCH", "/me", { expectedVersion: 1, phone: "13700001111" }, token),
      200,
    );
    expect(changed).toMatchObject({ phone: "13700001111", version: 2 });
    expect(
      await json(await api.send("PATCH", "/me", { expectedVersion: 1, phone: "13700002222" }, token), 409),
    ).toMatchObject({ code: "STALE_VERSION" });
  });
});

describe("bad input is refused and leaves the table unchanged (issue #4, Bad input)", () => {
  const registration = (extra: Record<string, unknown> = {}) => ({
    username: `applicant-${Math.random().toString(36).slice(2, 10)}`,
    password: "Apply#2024ok",
    realName: "王五",
    residentId: freshResidentId(),
    phone: "13912345678",
    unitId: DEMO_UNIT,
    ...extra,
  });

  it("409 for a username that is taken, in any letter case", async () => {
    await refusedWithoutTrace(
      () => api.send("POST", "/register", registration({ username: "Unit-Handler" })),
      409,
      "USERNAME_TAKEN",
    );
    const admin = await api.login("unit-admin");
    await refusedWithoutTrace(
      () =>
        api.send(
          "POST",
          `/orgs/${DEMO_UNIT}/accounts`,
          person("unit-leader", "周一", ["unit_leader"]),
          admin,
        ),
      409,
      "USERNAME_TAKEN",
    );
  });

  it("409 for an ID number that already has an applicant account, or a staff account in the same unit", async () => {
    const first = registration();
    await json(await api.send("POST", "/register", first), 201);
    await refusedWithoutTrace(
      () => api.send("POST", "/register", registration({ residentId: first.residentId })),
      409,
      "RESIDENT_ID_TAKEN",
    );
    const admin = await api.login("unit-admin");
    const staff = person("demo-clerk", "吴二", ["unit_handler"]);
    await json(await api.send("POST", `/orgs/${DEMO_UNIT}/accounts`, staff, admin), 201);
    await refusedWithoutTrace(
      () =>
        api.send(
          "POST",
          `/orgs/${DEMO_UNIT}/accounts`,
          { ...person("demo-clerk2", "吴二", ["unit_handler"]), residentId: staff.residentId },
          admin,
        ),
      409,
      "RESIDENT_ID_TAKEN",
    );
  });

  it("400 naming the field for an ID number with a wrong check digit", async () => {
    const body = await refusedWithoutTrace(
      () =>
        api.send("POST", "/register", registration({ residentId: withWrongCheckDigit(freshResidentId()) })),
      400,
      "VALIDATION_FAILED",
    );
    expect(body.fields).toEqual([{ path: "body.residentId", message: expect.stringContaining("校验位") }]);
    const admin = await api.login("unit-admin");
    const staff = await refusedWithoutTrace(
      () =>
        api.send(
          "POST",
          `/orgs/${DEMO_UNIT}/accounts`,
          {
            ...person("demo-typo", "郑三", ["unit_handler"]),
            residentId: withWrongCheckDigit(freshResidentId()),
          },
          admin,
        ),
      400,
      "VALIDATION_FAILED",
    );
    expect(staff.fields?.map((f) => f.path)).toEqual(["body.residentId"]);
  });

  it("404 for an admin creating accounts in another unit", async () => {
    const other = await json<{ orgId: string }>(
      await api.send("POST", "/admin/units", unitBody("白银市职工培训中心", { region: "白银市" }), office),
      201,
    );
    const admin = await api.login("unit-admin");
    await refusedWithoutTrace(
      () =>
        api.send(
          "POST",
          `/orgs/${other.orgId}/accounts`,
          person("intruder", "冯四", ["unit_handler"]),
          admin,
        ),
      404,
      "NOT_FOUND",
    );
    const deptAdmin = await api.login("dept-admin");
    await refusedWithoutTrace(
      () =>
        api.send(
          "POST",
          `/orgs/${other.orgId}/accounts`,
          person("intruder2", "冯四", ["unit_handler"]),
          deptAdmin,
        ),
      404,
      "NOT_FOUND",
    );
  });

  it("403 for a unit admin granting a role outside the unit's roles", async () => {
    const admin = await api.login("unit-admin");
    for (const role of ["office_admin", "department_reviewer", "expert"]) {
      const body = await refusedWithoutTrace(
        () =>
          api.send(
            "POST",
            `/orgs/${DEMO_UNIT}/accounts`,
            person(`grant-${role.replace("_", "-")}`, "陈五", [role]),
            admin,
          ),
        403,
        "ROLE_NOT_GRANTABLE",
      );
      expect(body.fields?.map((f) => f.path)).toEqual(["body.roles"]);
    }
    // The office creates a unit's admin, and leaves the rest of the unit to that admin (R3.2).
    await refusedWithoutTrace(
      () =>
        api.send(
          "POST",
          `/orgs/${DEMO_UNIT}/accounts`,
          person("office-made", "陈六", ["unit_handler"]),
          office,
        ),
      403,
      "ROLE_NOT_GRANTABLE",
    );
  });

  it("422 R3.2 for one account holding two of the unit's three roles", async () => {
    const admin = await api.login("unit-admin");
    const body = await refusedWithoutTrace(
      () =>
        api.send(
          "POST",
          `/orgs/${DEMO_UNIT}/accounts`,
          person("double-role", "韩七", ["unit_handler", "unit_leader"]),
          admin,
        ),
      422,
      "UNIT_ROLES_SEPARATE",
    );
    expect(body).toMatchObject({ rule: "R3.2" });
  });

  it("400 for mass assignment: a client setting its own roles, unit, generation or status", async () => {
    const cases: [string, () => Promise<Response>][] = [
      ["register with roles", () => api.send("POST", "/register", registration({ roles: ["office_admin"] }))],
      ["register with generation", () => api.send("POST", "/register", registration({ generation: 1 }))],
      [
        "register with kind",
        () => api.send("POST", "/register", registration({ kind: "staff", orgId: "office" })),
      ],
    ];
    const applicant = await api.login("applicant-li", "Apply#2024ok");
    cases.push(
      [
        "own roles",
        () => api.send("PATCH", "/me", { expectedVersion: 2, roles: ["office_admin"] }, applicant),
      ],
      [
        "own unit",
        () =>
          api.send("PATCH", "/me", { expectedVersion: 2, orgId: "office", phone: "13900000000" }, applicant),
      ],
      [
        "own status",
        () =>
          api.send("PATCH", "/me", { expectedVersion: 2, disabled: false, phone: "13900000000" }, applicant),
      ],
    );
    const admin = await api.login("unit-admin");
    cases.push(
      [
        "account in another org through the body",
        () =>
          api.send(
            "POST",
            `/orgs/${DEMO_UNIT}/accounts`,
            { ...person("smuggled", "蒋八", ["unit_handler"]), orgId: "office" },
            admin,
          ),
      ],
      [
        "account with a generation of its own",
        () =>
          api.send(
            "POST",
            `/orgs/${DEMO_UNIT}/accounts`,
            { ...person("smuggled2", "蒋八", ["unit_handler"]), generation: 9 },
            admin,
          ),
      ],
    );
    for (const [name, send] of cases) {
      const body = await refusedWithoutTrace(send, 400, "VALIDATION_FAILED");
      expect(body.fields?.map((field) => field.message).join(" "), name).toContain("不允许提交的字段");
    }
  });

  it("400 for a unit that does not exist, a weak password and a malformed phone", async () => {
    const body = await refusedWithoutTrace(
      () => api.send("POST", "/register", registration({ unitId: "unit-nowhere" })),
      400,
      "UNKNOWN_UNIT",
    );
    expect(body.fields?.map((f) => f.path)).toEqual(["body.unitId"]);
    const weak = await refusedWithoutTrace(
      () => api.send("POST", "/register", registration({ password: "password", phone: "12345" })),
      400,
      "VALIDATION_FAILED",
    );
    expect(weak.fields?.map((f) => f.path).sort()).toEqual(["body.password", "body.password", "body.phone"]);
  });
});

describe("entrustments (R2.4) and dispatch approvals (R2.5)", () => {
  it("files, approves and audits a central unit's entrustment letter, once", async () => {
    const central = await json<{ orgId: string }>(
      await api.send("POST", "/admin/units", unitBody("中央在甘某研究院培训中心", { central: true }), office),
      201,
    );
    const path = `/admin/rounds/2024/units/${central.orgId}/entrustment`;
    const filed = await json(
      await api.send(
        "POST",
        path,
        { letterNumber: "某院人函〔2024〕12号", receivedOn: "2024-09-05" },
        office,
      ),
      201,
    );
    expect(filed).toMatchObject({ status: "filed", version: 1 });
    expect(
      await json(
        await api.send("POST", path, { letterNumber: "重复", receivedOn: "2024-09-06" }, office),
        409,
      ),
    ).toMatchObject({ code: "ENTRUSTMENT_EXISTS" });
    expect(
      await json(
        await api.send("POST", `${path}/decision`, { expectedVersion: 1, decision: "refused" }, office),
        400,
      ),
    ).toMatchObject({ fields: [{ path: "body.reason" }] });
    const approved = await json(
      await api.send("POST", `${path}/decision`, { expectedVersion: 1, decision: "approved" }, office),
      200,
    );
    expect(approved).toMatchObject({ status: "approved", version: 2 });
    expect(
      await json(
        await api.send(
          "POST",
          `${path}/decision`,
          { expectedVersion: 2, decision: "refused", reason: "改判" },
          office,
        ),
        409,
      ),
    ).toMatchObject({ code: "ALREADY_DECIDED" });
    expect(
      await json(await api.get(`/rounds/2024/units/${central.orgId}/entrustment`, office), 200),
    ).toMatchObject({
      status: "approved",
    });
    expect(await auditActions(`ORG#${central.orgId}`)).toEqual([
      "create_unit",
      "entrustment_approved",
      "file_entrustment",
    ]);
  });

  it("refuses an entrustment for a unit that is not central (R2.4)", async () => {
    const refused = await api.send(
      "POST",
      `/admin/rounds/2024/units/${DEMO_UNIT}/entrustment`,
      { letterNumber: "某函", receivedOn: "2024-09-05" },
      office,
    );
    expect(await json(refused, 422)).toMatchObject({ code: "ENTRUSTMENT_NOT_NEEDED", rule: "R2.4" });
  });

  it("files a dispatch approval with the ID number masked, and decides it once", async () => {
    const residentId = freshResidentId();
    const filed = await json<{ approvalId: string; residentId: string }>(
      await api.send(
        "POST",
        "/admin/dispatch-approvals",
        {
          realName: "卫九",
          residentId,
          receivingUnitId: DEMO_UNIT,
          sendingOrganisation: "陕西省某研究院",
          approvalDocument: "陕人社函〔2024〕3号",
        },
        office,
      ),
      201,
    );
    expect(filed.residentId).not.toBe(residentId);
    expect(filed.residentId).toMatch(/\*{10}/);
    const path = `/admin/dispatch-approvals/${filed.approvalId}`;
    expect(
      await json(
        await api.send(
          "POST",
          `${path}/decision`,
          { expectedVersion: 1, decision: "refused", reason: "缺少接收地批准" },
          office,
        ),
        200,
      ),
    ).toMatchObject({ status: "refused", reason: "缺少接收地批准" });
    expect(await json(await api.get(path, office), 200)).toMatchObject({ status: "refused", version: 2 });
    expect(await auditActions(`DISPATCH#${filed.approvalId}`)).toEqual([
      "dispatch_refused",
      "file_dispatch_approval",
    ]);
  });
});
