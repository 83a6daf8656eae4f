import { createHash } from "node:crypto";
import { PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applicationRepository, headItem } from "../../functions/adapters/dynamodb/application-repository";
import { documentClient } from "../../functions/adapters/dynamodb/client";
import { keys } from "../../functions/adapters/dynamodb/keys";
import { EXCLUSION_MESSAGES } from "../../functions/core/committee";
import type { LocalSystem } from "../../infra/local/system";
import {
  type ApplicationAnswer,
  applicationPath,
  createApplication,
  DEMO_UNIT,
  designateRepresentativePapers,
  fillApplication,
  json,
  listEvidence,
  registerApplicant,
  untilOpen,
  uploadEverythingMissing,
  uploadEvidence,
} from "../support/applicant";
import { makePdf } from "../support/evidence-files";
import { type Client, client, startTestSystem } from "../support/local-system";
import { type Refusal, refusedWithoutTrace } from "../support/refusals";
import { createStaff, Sessions, type Submitted, submitAs, submittedApplication } from "../support/review";
import { SAMPLE_BASE_INFO } from "../support/sample-application";

/**
 * The paper appraisal over HTTP (issue #8 item 3, R4.4, R8.2): the applicant designates two papers,
 * the office records the experts' profiles, the organiser assigns experts to senior applications that
 * passed the qualification review, and the experts give their verdicts. The qualification review is
 * another desk's: applications are put in `qualification_passed` directly.
 */
const SCOPE = { roundId: "2024", generation: 2 };
const DEMO_UNIT_NAME = "兰州市职工培训教育中心（演示单位）";
const COMMENTS = "论文选题紧扣干部教育培训实践，论证充分，具有较好的推广价值。";

let system: LocalSystem;
let api: Client;
let sessions: Sessions;
const people: Record<"a" | "b" | "c", Submitted | undefined> = { a: undefined, b: undefined, c: undefined };
const experts: Record<"same" | "declared" | "junior" | "one" | "two" | "three", string> = {
  same: "",
  declared: "",
  junior: "",
  one: "",
  two: "",
  three: "",
};
const USERNAMES: Record<keyof typeof experts, string> = {
  same: "ex-same",
  declared: "ex-declared",
  junior: "ex-junior",
  one: "ex-one",
  two: "ex-two",
  three: "ex-three",
};

interface Assignment {
  state: string;
  version: number;
  appraisal: {
    mode: string;
    anonymised: boolean;
    passRule: string;
    experts: { accountId: string; realName: string }[];
    excluded: { accountId: string; conflict: string; reason: string }[];
  };
}
interface ExpertView {
  applicationId: string;
  reference: string;
  state: string;
  anonymised: boolean;
  qualification: string;
  specialty: string;
  applicant?: { name: string; unitName: string };
  papers: {
    evidenceId: string;
    title: string;
    journal: string;
    year: number;
    download: { url: string; sha256: string };
  }[];
  myVerdict?: { verdict: string };
}

const who = (key: keyof typeof people): Submitted => {
  const person = people[key];
  if (!person) throw new Error(`applicant ${key} was not set up`);
  return person;
};

/** The committee's earlier desk (qualification review) is another issue's: its outcome is written directly. */
async function qualificationPassed(key: keyof typeof people): Promise<void> {
  const application = await applicationRepository.get(SCOPE, who(key).applicationId);
  if (!application) throw new Error(`no application for ${key}`);
  await documentClient.send(
    new PutCommand({
      TableName: process.env.TABLE_NAME,
      Item: headItem({ ...application, state: "qualification_passed", version: application.version + 1 }),
    }),
  );
}

async function versionOf(key: keyof typeof people): Promise<number> {
  const application = await applicationRepository.get(SCOPE, who(key).applicationId);
  if (!application) throw new Error(`no application for ${key}`);
  return application.version;
}

const assignPath = (key: keyof typeof people) =>
  `/rounds/2024/committee/applications/${who(key).applicationId}/appraisal`;
const appraisalPath = (key: keyof typeof people, suffix = "") =>
  `/rounds/2024/appraisals/${who(key).applicationId}${suffix}`;

async function assign(key: keyof typeof people, body: Record<string, unknown> = {}) {
  return api.send(
    "POST",
    assignPath(key),
    { expectedVersion: await versionOf(key), ...body },
    await sessions.as("organiser"),
  );
}

async function expertView(key: keyof typeof people, expert: keyof typeof experts): Promise<ExpertView> {
  return json<ExpertView>(await api.get(appraisalPath(key), await sessions.as(USERNAMES[expert])), 200);
}

async function giveVerdict(
  key: keyof typeof people,
  expert: keyof typeof experts,
  verdict: string,
  comments = COMMENTS,
) {
  return api.send(
    "PUT",
    appraisalPath(key, "/verdict"),
    { verdict, comments },
    await sessions.as(USERNAMES[expert]),
  );
}

async function profile(expert: keyof typeof experts, body: Record<string, unknown>) {
  return api.send(
    "PUT",
    `/rounds/2024/reviewers/${experts[expert]}`,
    body,
    await sessions.as("office-admin"),
  );
}

beforeAll(async () => {
  system = await startTestSystem();
  api = client(system);
  sessions = new Sessions(api);
  await sessions.at("2024-09-11T00:00:00+08:00");
  await untilOpen(api, "application");
  const names: Record<keyof typeof experts, string> = {
    same: "钱同单",
    declared: "孙回避",
    junior: "李副高",
    one: "周正一",
    two: "吴正二",
    three: "郑正三",
  };
  for (const key of Object.keys(experts) as (keyof typeof experts)[]) {
    experts[key] = await createStaff(api, sessions, "office-admin", "office", USERNAMES[key], names[key], [
      "expert",
    ]);
  }

  // The purge of the pre-preparation runs in the background: let it finish before comparing tables.
  const deadline = Date.now() + 20_000;
  for (;;) {
    const { resets } = await json<{ resets: { status: string }[] }>(
      await api.get("/admin/rounds/2024/resets", await sessions.as("office-admin")),
      200,
    );
    if (resets.length > 0 && resets.every((reset) => reset.status === "done")) break;
    if (Date.now() > deadline) throw new Error("the reset's purge did not finish");
    await new Promise((resolveDelay) => setTimeout(resolveDelay, 100));
  }

  await sessions.at("2024-09-12T10:00:00+08:00");
  people.a = await submittedApplication(api, sessions, system.url, {
    unitId: DEMO_UNIT,
    username: "pa-a",
    realName: "王论文",
  });
  people.b = await submittedApplication(api, sessions, system.url, {
    unitId: DEMO_UNIT,
    username: "pa-b",
    realName: "刘鉴定",
  });
  people.c = await submittedApplication(api, sessions, system.url, {
    unitId: DEMO_UNIT,
    username: "pa-c",
    realName: "陈高级",
  });
  for (const key of ["a", "b", "c"] as const) await qualificationPassed(key);
}, 180_000);

afterAll(async () => {
  await system?.stop();
});

describe("representative papers (R4.4)", () => {
  let token = "";
  let applicationId = "";

  it("R4.4 deleting a designated paper clears it; the checklist names the designation and blocks submission until fixed", async () => {
    const applicant = await registerApplicant(api, "pa-d", "赵草稿");
    sessions.remember(applicant.username, "Apply#2024ok");
    token = await sessions.as(applicant.username);
    const created = await createApplication(api, token, applicant);
    applicationId = created.applicationId;
    await fillApplication(api, token, applicant, created);
    await uploadEverythingMissing(api, token, applicationId);
    expect(
      (
        await json<{ ready: boolean }>(
          await api.get(applicationPath(applicationId, "/checklist"), token),
          200,
        )
      ).ready,
    ).toBe(true);

    const designatedBody = (await listEvidence(api, token, applicationId)).find(
      (item) => item.slotId === "paper_body" && item.index === 1,
    );
    await json(
      await api.send(
        "DELETE",
        applicationPath(applicationId, `/evidence/${designatedBody?.evidenceId}`),
        undefined,
        token,
      ),
      204,
    );
    await uploadEvidence(
      api,
      token,
      applicationId,
      { slotId: "paper_body", index: 1 },
      await makePdf(2),
      "application/pdf",
    );
    const checklist = await json<{
      ready: boolean;
      sections: {
        section: string;
        items: { code: string; rule: string; message: string; field: string }[];
      }[];
    }>(await api.get(applicationPath(applicationId, "/checklist"), token), 200);
    expect(checklist.ready).toBe(false);
    expect(checklist.sections.flatMap((section) => section.items)).toEqual([
      {
        rule: "R4.4",
        code: "REPRESENTATIVE_PAPERS_NOT_DESIGNATED",
        message: "请从已上传的论文正文中指定2篇代表作，供论文鉴定专家评审（现已指定1篇）",
        field: "achievements.representativePapers",
      },
    ]);
    const current = await json<ApplicationAnswer>(await api.get(applicationPath(applicationId), token), 200);
    const refused = await refusedWithoutTrace(
      () => submitAs(system.url, token, applicationId, "submit", current.version),
      422,
      "APPLICATION_NOT_READY",
      "R7.3",
    );
    expect(refused.fields?.map((field) => field.path)).toEqual(["achievements.representativePapers"]);

    await designateRepresentativePapers(api, token, applicationId);
    const designated = await json<{ representativePapers: string[] }>(
      await api.get(applicationPath(applicationId), token),
      200,
    );
    const bodies = (await listEvidence(api, token, applicationId))
      .filter((item) => item.slotId === "paper_body")
      .map((item) => item.evidenceId);
    expect(designated.representativePapers).toHaveLength(2);
    expect(bodies).toEqual(expect.arrayContaining(designated.representativePapers));
    expect(
      (
        await json<{ ready: boolean }>(
          await api.get(applicationPath(applicationId, "/checklist"), token),
          200,
        )
      ).ready,
    ).toBe(true);
  });

  it("R4.4 a designation that is not two paper texts of different papers is refused naming each problem, nothing changed", async () => {
    const evidence = await listEvidence(api, token, applicationId);
    const cover = evidence.find((item) => item.slotId === "paper_cover" && item.index === 0)?.evidenceId;
    const body = evidence.find((item) => item.slotId === "paper_body" && item.index === 1)?.evidenceId;
    const othersPaper = (await listEvidence(api, await sessions.as("pa-a"), who("a").applicationId)).find(
      (item) => item.slotId === "paper_body",
    )?.evidenceId;
    const put = async (evidenceIds: unknown[], expectedVersion?: number) =>
      api.send(
        "PUT",
        applicationPath(applicationId, "/representative-papers"),
        {
          expectedVersion:
            expectedVersion ??
            (await json<ApplicationAnswer>(await api.get(applicationPath(applicationId), token), 200))
              .version,
          evidenceIds,
        },
        token,
      );
    const wrongSlot = await refusedWithoutTrace(
      () => put([cover, body]),
      422,
      "REPRESENTATIVE_PAPERS_INVALID",
      "R4.4",
    );
    expect(wrongSlot.fields).toEqual([
      { path: "body.evidenceIds.0", message: "第1篇代表作须为“论文正文”栏目中上传的文件" },
    ]);
    const foreign = await refusedWithoutTrace(
      () => put([othersPaper, body]),
      422,
      "REPRESENTATIVE_PAPERS_INVALID",
      "R4.4",
    );
    expect(foreign.fields).toEqual([
      { path: "body.evidenceIds.0", message: "第1篇代表作所指的文件已不存在，请重新指定" },
    ]);
    const one = await refusedWithoutTrace(() => put([body]), 400, "VALIDATION_FAILED");
    expect(one.fields?.[0]).toMatchObject({
      path: "body.evidenceIds",
      message: "须指定2篇代表作（论文正文的材料编号）",
    });
    await refusedWithoutTrace(() => put([body, body]), 400, "VALIDATION_FAILED");
    const text0 = evidence.find((item) => item.slotId === "paper_body" && item.index === 0)?.evidenceId;
    await refusedWithoutTrace(() => put([text0, body], 1), 409, "STALE_VERSION");
    // Someone else's application does not exist for an applicant; staff may not designate at all.
    for (const [as, status, code] of [
      ["pa-a", 404, "NOT_FOUND"],
      ["office-admin", 403, "FORBIDDEN"],
    ] as const) {
      await refusedWithoutTrace(
        async () =>
          api.send(
            "PUT",
            applicationPath(applicationId, "/representative-papers"),
            { expectedVersion: 1, evidenceIds: [text0, body] },
            await sessions.as(as),
          ),
        status,
        code,
      );
    }
  });

  it("R7.3 once the committee has the materials the designation is locked", async () => {
    const token = await sessions.as("pa-a");
    const bodies = (await listEvidence(api, token, who("a").applicationId)).filter(
      (item) => item.slotId === "paper_body",
    );
    await refusedWithoutTrace(
      async () =>
        api.send(
          "PUT",
          applicationPath(who("a").applicationId, "/representative-papers"),
          {
            expectedVersion: await versionOf("a"),
            evidenceIds: bodies.map((item) => item.evidenceId).reverse(),
          },
          token,
        ),
      422,
      "MATERIALS_LOCKED",
      "R7.3",
    );
  });
});

describe("reviewer profiles (R4.4, R8.2)", () => {
  it("R8.2 the office records title, unit and declared conflicts of the round's experts", async () => {
    const external = { title: "教授", fullSenior: true, workUnitName: "兰州大学" };
    const bodies: Record<keyof typeof experts, Record<string, unknown>> = {
      same: { title: "研究员", fullSenior: true, workUnitId: DEMO_UNIT },
      declared: { ...external, declaredConflicts: [who("a").applicant.accountId] },
      junior: { ...external, title: "副教授", fullSenior: false },
      one: external,
      two: external,
      three: { ...external, workUnitName: "西北师范大学" },
    };
    for (const key of Object.keys(bodies) as (keyof typeof experts)[]) {
      const saved = await json<{ version: number; load: number; workUnitName: string }>(
        await profile(key, bodies[key]),
        200,
      );
      expect(saved).toMatchObject({ version: 1, load: 0 });
    }
    const same = await json<{ workUnitId: string; workUnitName: string; version: number }>(
      await profile("same", { expectedVersion: 1, title: "研究员", fullSenior: true, workUnitId: DEMO_UNIT }),
      200,
    );
    expect(same).toMatchObject({ workUnitId: DEMO_UNIT, workUnitName: DEMO_UNIT_NAME, version: 2 });

    const listed = await json<{ reviewers: { accountId: string; load: number }[] }>(
      await api.get("/rounds/2024/reviewers", await sessions.as("organiser")),
      200,
    );
    expect(listed.reviewers.map((reviewer) => reviewer.accountId).sort()).toEqual(
      Object.values(experts).sort(),
    );
  });

  it("R8.2 refusals: no reviewer role, a unit not in the system, a stale or duplicate profile, nothing changed", async () => {
    const office = await sessions.as("office-admin");
    const me = await json<{ accountId: string }>(await api.get("/me", office), 200);
    await refusedWithoutTrace(
      () =>
        api.send(
          "PUT",
          `/rounds/2024/reviewers/${me.accountId}`,
          { title: "教授", fullSenior: true, workUnitName: "省职改办" },
          office,
        ),
      422,
      "NOT_A_REVIEWER",
      "R8.2",
    );
    const notUnit = await refusedWithoutTrace(
      () => profile("one", { expectedVersion: 1, title: "教授", fullSenior: true, workUnitId: "office" }),
      400,
      "VALIDATION_FAILED",
    );
    expect(notUnit.fields?.[0]?.path).toBe("body.workUnitId");
    const notApplicant = await refusedWithoutTrace(
      () =>
        profile("one", {
          expectedVersion: 1,
          title: "教授",
          fullSenior: true,
          workUnitName: "兰州大学",
          declaredConflicts: [experts.two],
        }),
      400,
      "VALIDATION_FAILED",
    );
    expect(notApplicant.fields).toEqual([
      { path: "body.declaredConflicts.0", message: "不是申报人的账号编号" },
    ]);
    await refusedWithoutTrace(
      () => profile("one", { title: "教授", fullSenior: true, workUnitName: "兰州大学" }),
      409,
      "REVIEWER_PROFILE_EXISTS",
    );
    await refusedWithoutTrace(
      () => profile("same", { expectedVersion: 1, title: "研究员", fullSenior: true, workUnitId: DEMO_UNIT }),
      409,
      "STALE_VERSION",
    );
    const noUnit = await json<Refusal>(await profile("one", { title: "教授", fullSenior: true }), 400);
    expect(noUnit.fields?.[0]?.path).toBe("body.workUnitName");
    await refusedWithoutTrace(
      async () =>
        api.send(
          "PUT",
          `/rounds/2024/reviewers/${experts.one}`,
          { title: "教授", fullSenior: true, workUnitName: "兰州大学" },
          await sessions.as("organiser"),
        ),
      403,
      "FORBIDDEN",
    );
  });
});

describe("assigning the experts (R4.4, R8.2)", () => {
  it("R8.2 a manual assignment naming a conflicted expert is refused, each named with the kind of conflict, nothing changed", async () => {
    const declared = await refusedWithoutTrace(
      () => assign("a", { experts: [experts.declared, experts.one, experts.two] }),
      422,
      "EXPERT_NOT_ELIGIBLE",
      "R8.2",
    );
    expect(declared.fields).toEqual([{ path: "body.experts.0", message: EXCLUSION_MESSAGES.declared }]);
    const sameUnit = await refusedWithoutTrace(
      () => assign("a", { experts: [experts.one, experts.same, experts.junior] }),
      422,
      "EXPERT_NOT_ELIGIBLE",
      "R8.2",
    );
    expect(sameUnit.fields).toEqual([
      { path: "body.experts.1", message: EXCLUSION_MESSAGES.same_unit },
      { path: "body.experts.2", message: EXCLUSION_MESSAGES.not_full_senior },
    ]);
    const applicantAsExpert = await refusedWithoutTrace(
      () => assign("a", { experts: [experts.one, experts.two, who("a").applicant.accountId] }),
      422,
      "EXPERT_NOT_ELIGIBLE",
    );
    expect(applicantAsExpert.fields?.[0]?.message).toBe("专家不在本轮专家库中");
    await refusedWithoutTrace(
      () => assign("a", { experts: [experts.one, experts.two] }),
      422,
      "WRONG_EXPERT_COUNT",
      "R4.4",
    );
    await refusedWithoutTrace(
      async () =>
        api.send(
          "POST",
          assignPath("a"),
          { expectedVersion: await versionOf("a") },
          await sessions.as("office-admin"),
        ),
      403,
      "FORBIDDEN",
    );
  });

  it("R4.4 R8.2 the automatic assignment takes full-senior experts without conflict and records every exclusion with its kind", async () => {
    const assigned = await json<Assignment>(await assign("a"), 200);
    expect(assigned.state).toBe("appraisal");
    expect(assigned.appraisal).toMatchObject({
      mode: "automatic",
      anonymised: true,
      passRule: "过半数鉴定专家通过",
    });
    expect(assigned.appraisal.experts.map((expert) => expert.accountId).sort()).toEqual(
      [experts.one, experts.two, experts.three].sort(),
    );
    expect(
      assigned.appraisal.excluded.map(({ accountId, conflict }) => [accountId, conflict]).sort(),
    ).toEqual(
      [
        [experts.same, "same_unit"],
        [experts.declared, "declared"],
        [experts.junior, "not_full_senior"],
      ].sort(),
    );
    const stored = await applicationRepository.get(SCOPE, who("a").applicationId);
    expect(stored?.appraisal?.excluded).toContainEqual({ expertId: experts.declared, conflict: "declared" });

    await refusedWithoutTrace(() => assign("a"), 409, "INVALID_TRANSITION");
  });

  it("R4.4 a manual assignment may show the applicant to the experts; the round's settings decide count and rule", async () => {
    const manual = await json<Assignment>(
      await assign("b", { experts: [experts.declared, experts.one, experts.two], anonymised: false }),
      200,
    );
    expect(manual.appraisal).toMatchObject({ mode: "manual", anonymised: false });

    await documentClient.send(
      new UpdateCommand({
        TableName: process.env.TABLE_NAME,
        Key: keys.round("2024"),
        UpdateExpression: "SET appraisalSettings = :settings",
        ExpressionAttributeValues: {
          ":settings": { expertsPerApplication: 2, passRule: { kind: "unanimous" } },
        },
      }),
    );
    const configured = await json<Assignment>(await assign("c"), 200);
    expect(configured.appraisal.passRule).toBe("全体鉴定专家通过");
    // Least-loaded first: one and two already appraise A and B, declared and three one application each.
    expect(configured.appraisal.experts.map((expert) => expert.accountId).sort()).toEqual(
      [experts.declared, experts.three].sort(),
    );
    const loads = await json<{ reviewers: { accountId: string; load: number }[] }>(
      await api.get("/rounds/2024/reviewers", await sessions.as("office-admin")),
      200,
    );
    const load = Object.fromEntries(loads.reviewers.map((reviewer) => [reviewer.accountId, reviewer.load]));
    expect(
      [experts.one, experts.two, experts.three, experts.declared, experts.same].map((id) => load[id]),
    ).toEqual([2, 2, 2, 2, 0]);
  });
});

describe("what the experts see (R4.4)", () => {
  it("R4.4 an expert not assigned to an application finds nothing there (404) and sees only their own list", async () => {
    const token = await sessions.as(USERNAMES.same);
    await refusedWithoutTrace(() => api.get(appraisalPath("a"), token), 404, "NOT_FOUND");
    const paper = (await expertView("a", "one")).papers[0]?.evidenceId;
    await refusedWithoutTrace(() => api.get(appraisalPath("a", `/papers/${paper}`), token), 404, "NOT_FOUND");
    await refusedWithoutTrace(
      () => api.send("PUT", appraisalPath("a", "/verdict"), { verdict: "pass", comments: COMMENTS }, token),
      404,
      "NOT_FOUND",
    );
    expect(await json(await api.get("/rounds/2024/appraisals", token), 200)).toEqual({ appraisals: [] });
    await refusedWithoutTrace(
      async () => api.get(appraisalPath("a"), await sessions.as("office-admin")),
      403,
      "FORBIDDEN",
    );
  });

  it("R4.4 the anonymised view has the qualification, specialty and the two papers, and nothing that names the applicant", async () => {
    const view = await expertView("a", "one");
    expect(view).toMatchObject({
      state: "appraisal",
      anonymised: true,
      qualification: "副高级",
      specialty: SAMPLE_BASE_INFO.specialty,
    });
    expect(view.applicant).toBeUndefined();
    expect(view.reference).toMatch(/^LW2024-[0-9A-F]{8}$/);
    expect(view.papers.map(({ title, journal, year }) => [title, journal, year])).toEqual([
      ["论干部教育培训", "甘肃社会科学", 2022],
      ["培训评估方法", "甘肃社会科学", 2022],
    ]);
    const text = JSON.stringify(view);
    for (const secret of [
      who("a").applicant.realName,
      who("a").applicant.residentId,
      "13800138000",
      DEMO_UNIT_NAME,
      SAMPLE_BASE_INFO.unitName,
      DEMO_UNIT,
    ]) {
      expect(text).not.toContain(secret);
    }
    const [first] = view.papers;
    const bytes = new Uint8Array(await (await fetch(first?.download.url ?? "")).arrayBuffer());
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(first?.download.sha256);

    const listed = await json<{
      appraisals: { applicationId: string; reference: string; verdict: string; applicantName?: string }[];
    }>(await api.get("/rounds/2024/appraisals", await sessions.as(USERNAMES.one)), 200);
    expect(listed.appraisals.find((item) => item.applicationId === who("a").applicationId)).toEqual({
      applicationId: who("a").applicationId,
      reference: view.reference,
      anonymised: true,
      qualification: "副高级",
      specialty: SAMPLE_BASE_INFO.specialty,
      assignedAt: expect.any(String),
      verdict: "pending",
    });
  });

  it("R4.4 only the two designated papers can be downloaded, by the assigned experts and the organiser", async () => {
    const [paper] = (await expertView("a", "one")).papers;
    const download = await json<{ url: string; sha256: string }>(
      await api.get(appraisalPath("a", `/papers/${paper?.evidenceId}`), await sessions.as("organiser")),
      200,
    );
    expect(download.sha256).toBe(paper?.download.sha256);
    const cover = (await listEvidence(api, await sessions.as("pa-a"), who("a").applicationId)).find(
      (item) => item.slotId === "paper_cover",
    );
    await refusedWithoutTrace(
      async () =>
        api.get(appraisalPath("a", `/papers/${cover?.evidenceId}`), await sessions.as(USERNAMES.one)),
      404,
      "PAPER_NOT_FOUND",
    );
  });

  it("R4.4 without anonymity the experts see the applicant's name and unit, never the ID number or the phone", async () => {
    const view = await expertView("b", "declared");
    expect(view.applicant).toEqual({
      name: who("b").applicant.realName,
      unitName: SAMPLE_BASE_INFO.unitName,
    });
    const text = JSON.stringify(view);
    expect(text).not.toContain(who("b").applicant.residentId);
    expect(text).not.toContain("13800138000");
  });
});

describe("verdicts (R4.4)", () => {
  it("R4.4 each expert gives one verdict with comments; the last of three decides appraisal_passed", async () => {
    const short = await refusedWithoutTrace(
      () => giveVerdict("a", "one", "pass", "很好"),
      400,
      "VALIDATION_FAILED",
    );
    expect(short.fields?.[0]).toMatchObject({ path: "body.comments" });

    const first = await json<{ state: string; verdict: string }>(await giveVerdict("a", "one", "pass"), 200);
    expect(first).toMatchObject({ state: "appraisal", verdict: "pass" });
    await refusedWithoutTrace(() => giveVerdict("a", "one", "fail"), 409, "VERDICT_ALREADY_RECORDED");
    expect((await expertView("a", "one")).myVerdict).toMatchObject({ verdict: "pass" });

    const second = await json<{ state: string }>(await giveVerdict("a", "two", "pass"), 200);
    expect(second.state).toBe("appraisal");
    const third = await json<{ state: string }>(await giveVerdict("a", "three", "fail"), 200);
    expect(third.state).toBe("appraisal_passed");
  });

  it("R4.4 two fails of three give appraisal_failed; the applicant reads the computed reason, never who gave which verdict", async () => {
    await json(await giveVerdict("b", "declared", "fail"), 200);
    await json(await giveVerdict("b", "one", "fail"), 200);
    const decided = await json<{ state: string }>(await giveVerdict("b", "two", "pass"), 200);
    expect(decided.state).toBe("appraisal_failed");
    const status = await json<{
      state: string;
      availableActions: string[];
      timeline: { action: string; role: string; reason?: string }[];
    }>(await api.get(applicationPath(who("b").applicationId, "/status"), await sessions.as("pa-b")), 200);
    expect(status.state).toBe("appraisal_failed");
    expect(status.timeline.at(-1)).toEqual(
      expect.objectContaining({
        action: "fail_appraisal",
        role: "expert",
        reason: "论文鉴定未通过：3名鉴定专家中1名通过、2名不通过，未达到“过半数鉴定专家通过”的要求",
      }),
    );
  });
});
