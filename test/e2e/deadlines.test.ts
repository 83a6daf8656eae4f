import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApplicationRecord } from "../../functions/adapters/dynamodb/application-record";
import { applicationRepository, headItem } from "../../functions/adapters/dynamodb/application-repository";
import { documentClient } from "../../functions/adapters/dynamodb/client";
import { roundRepository } from "../../functions/adapters/dynamodb/round-repository";
import type { ApplicationState } from "../../functions/core/lifecycle";
import type { LocalSystem } from "../../infra/local/system";
import {
  APPLICANT_PASSWORD,
  type Applicant,
  type ApplicationAnswer,
  applicationPath,
  createApplication,
  DEMO_UNIT,
  json,
  registerApplicant,
  untilOpen,
} from "../support/applicant";
import { type Client, client, startTestSystem } from "../support/local-system";
import { until } from "../support/refusals";
import { createStaff, Sessions } from "../support/review";

const DEPT = "dept-lanzhou-hrss";
const PEOPLE = ["drafter", "returned", "reviewing", "recommended", "approved"] as const;
type Who = (typeof PEOPLE)[number];

let system: LocalSystem;
let api: Client;
let sessions: Sessions;
const people = new Map<Who, { applicant: Applicant; applicationId: string }>();

beforeAll(async () => {
  system = await startTestSystem();
  api = client(system);
  sessions = new Sessions(api);
});
afterAll(async () => {
  await system?.stop();
});

function who(key: Who) {
  const person = people.get(key);
  if (!person) throw new Error(`${key} was not registered`);
  return person;
}

async function stored(key: Who): Promise<ApplicationRecord> {
  const round = await roundRepository.get("2024");
  const application = round && (await applicationRepository.get(round, who(key).applicationId));
  if (!application) throw new Error(`no application for ${key}`);
  return application;
}

/** Review is other tests' subject: here an application is placed in the state a deadline meets it in. */
async function placeIn(key: Who, state: ApplicationState): Promise<void> {
  const application = await stored(key);
  const at = "2024-10-15T02:00:00.000Z";
  await documentClient.send(
    new PutCommand({
      TableName: process.env.TABLE_NAME,
      Item: headItem({
        ...application,
        state,
        firstSubmittedAt: at,
        lastSubmittedAt: at,
        submissions: 1,
        ...(state === "recommended" || state === "department_approved" ? { recommendedAt: at } : {}),
        version: application.version + 1,
      }),
    }),
  );
}

async function stateOf(key: Who): Promise<ApplicationState> {
  return (await stored(key)).state;
}

type Answer = { status: number; body: Record<string, unknown> };

async function answer(response: Promise<Response>): Promise<Answer> {
  const received = await response;
  const body = (await received.json()) as Record<string, unknown>;
  const { requestId: _id, ...rest } = body;
  return { status: received.status, body: rest };
}

/** Every write a latecomer may try, each on the version they read just before (as a screen sends it). */
const LATE_WRITES: Record<string, (key: Who) => Promise<Answer>> = {
  submit: async (key) => {
    const token = await sessions.as(who(key).applicant.username);
    const { version } = await stored(key);
    return answer(
      fetch(`${system.url}${applicationPath(who(key).applicationId, "/submit")}`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          authorization: `Bearer ${token}`,
          "idempotency-key": `late-submit-${key}-${version}`,
        },
        body: JSON.stringify({ expectedVersion: version }),
      }),
    );
  },
  resubmit: async (key) => {
    const token = await sessions.as(who(key).applicant.username);
    const { version } = await stored(key);
    return answer(
      fetch(`${system.url}${applicationPath(who(key).applicationId, "/resubmit")}`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          authorization: `Bearer ${token}`,
          "idempotency-key": `late-resubmit-${key}-${version}`,
        },
        body: JSON.stringify({ expectedVersion: version }),
      }),
    );
  },
  "section edit": async (key) =>
    answer(
      api.send(
        "PUT",
        applicationPath(who(key).applicationId, "/sections/summary"),
        { expectedVersion: (await stored(key)).version, confirmed: true, data: { text: "截止后修改" } },
        await sessions.as(who(key).applicant.username),
      ),
    ),
  "evidence upload": async (key) =>
    answer(
      api.send(
        "POST",
        applicationPath(who(key).applicationId, "/evidence"),
        { slotId: "id_photo", contentType: "image/png", size: 1024, fileName: "照片.png" },
        await sessions.as(who(key).applicant.username),
      ),
    ),
  withdraw: async (key) =>
    answer(
      api.send(
        "POST",
        applicationPath(who(key).applicationId, "/withdraw"),
        { expectedVersion: (await stored(key)).version },
        await sessions.as(who(key).applicant.username),
      ),
    ),
  "unit return": async (key) =>
    answer(
      api.send(
        "POST",
        `/rounds/2024/review/applications/${who(key).applicationId}/unit-return`,
        {
          expectedVersion: (await stored(key)).version,
          reason: "材料不全",
          items: [{ section: "summary", comment: "请补充工作总结" }],
        },
        await sessions.as("dl-handler"),
      ),
    ),
  "department approval": async (key) =>
    answer(
      api.send(
        "POST",
        `/rounds/2024/review/applications/${who(key).applicationId}/department-approval`,
        { expectedVersion: (await stored(key)).version, opinion: "同意" },
        await sessions.as("dl-reviewer"),
      ),
    ),
};

/** Asks every write of `plan` and answers what each got. */
async function ask(plan: [Who, keyof typeof LATE_WRITES][]): Promise<Record<string, Answer>> {
  const answers: Record<string, Answer> = {};
  for (const [key, write] of plan)
    answers[`${write} by ${key}`] = await (LATE_WRITES[write] as (key: Who) => Promise<Answer>)(key);
  return answers;
}

function expectDeadline(answers: Record<string, Answer>, deadline: string): void {
  for (const [what, got] of Object.entries(answers)) {
    expect(got.status, what).toBe(422);
    expect(got.body, what).toMatchObject({ code: "DEADLINE_PASSED", rule: "R3" });
    expect(String(got.body.message), what).toContain(deadline);
  }
}

describe("R3 the deadline answers first, before and after the workflow's sweeps (DESIGN.md §4, §5)", () => {
  it("creates applications in the formal window and staffs the unit and the department", async () => {
    await sessions.at("2024-09-11T00:00:00+08:00");
    await untilOpen(api, "application");
    for (const key of PEOPLE) {
      const applicant = await registerApplicant(api, `deadline-${key}`);
      sessions.remember(applicant.username, APPLICANT_PASSWORD);
      const token = await sessions.as(applicant.username);
      people.set(key, {
        applicant,
        applicationId: (await createApplication(api, token, applicant)).applicationId,
      });
    }
    await sessions.at("2024-10-15T10:00:00+08:00");
    await createStaff(api, sessions, "unit-admin", DEMO_UNIT, "dl-handler", "李晓燕", ["unit_handler"]);
    await createStaff(api, sessions, "unit-admin", DEMO_UNIT, "dl-leader", "张志强", ["unit_leader"]);
    await createStaff(api, sessions, "dept-admin", DEPT, "dl-reviewer", "陈静", ["department_reviewer"]);
    await placeIn("returned", "returned_by_unit");
    await placeIn("reviewing", "submitted");
    await placeIn("recommended", "recommended");
    await placeIn("approved", "department_approved");
    expect(await stateOf("drafter")).toBe("draft");
  });

  it("10-21 00:00: the latecomer's every write is refused with the deadline, and the same after the drafts expire", async () => {
    const plan: [Who, keyof typeof LATE_WRITES][] = [
      ["drafter", "submit"],
      ["drafter", "section edit"],
      ["drafter", "evidence upload"],
      ["drafter", "withdraw"],
    ];
    await sessions.at("2024-10-21T00:00:00.000+08:00");
    const beforeSweep = await ask(plan);
    expectDeadline(beforeSweep, "2024-10-21 00:00");
    expect(await stateOf("drafter")).toBe("draft");

    // The sweep waits until no request that came in time can still be running (API Gateway's 30 s).
    await sessions.at("2024-10-21T00:00:30.000+08:00");
    await until("the draft to expire", async () => (await stateOf("drafter")) === "expired");
    await until(
      "the expiry to be recorded",
      async () => (await roundRepository.get("2024"))?.progress.unsubmittedExpired === true,
    );
    expect(await ask(plan)).toEqual(beforeSweep);

    // Inside its own window, a returned application is still the applicant's to fix: state and version decide.
    const fixed = await LATE_WRITES["section edit"]?.("returned");
    expect(fixed?.status).toBe(200);
    expect(await stateOf("returned")).toBe("returned_by_unit");
  });

  it("11-05 00:00: resubmission, unit and department actions and withdrawal answer the cutoff, before and after the receipt", async () => {
    const plan: [Who, keyof typeof LATE_WRITES][] = [
      ["returned", "resubmit"],
      ["returned", "section edit"],
      ["reviewing", "unit return"],
      ["recommended", "department approval"],
      ["approved", "withdraw"],
    ];
    await sessions.at("2024-11-05T00:00:00.000+08:00");
    const beforeSweep = await ask(plan);
    expectDeadline(beforeSweep, "2024-11-05 00:00");
    const expiredDraft = await ask([["drafter", "submit"]]);
    expectDeadline(expiredDraft, "2024-10-21 00:00");
    expect(await stateOf("approved")).toBe("department_approved");

    await sessions.at("2024-11-05T00:00:30.000+08:00");
    await until(
      "the receipt to be recorded",
      async () => (await roundRepository.get("2024"))?.progress.materialsReceived === true,
    );
    expect(
      Object.fromEntries(await Promise.all(PEOPLE.map(async (key) => [key, await stateOf(key)]))),
    ).toEqual({
      drafter: "expired",
      returned: "expired",
      reviewing: "expired",
      recommended: "expired",
      approved: "received",
    });
    expect(await ask(plan)).toEqual(beforeSweep);
    expect(await ask([["drafter", "submit"]])).toEqual(expiredDraft);
  });

  it("R7.9 the applicant's status reads the same expiry the sweep recorded", async () => {
    const token = await sessions.as(who("drafter").applicant.username);
    const read = await json<ApplicationAnswer>(
      await api.get(applicationPath(who("drafter").applicationId), token),
      200,
    );
    expect(read.state).toBe("expired");
  });
});
