import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { getDocument, OPS } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applicationRepository, headItem } from "../../functions/adapters/dynamodb/application-repository";
import { documentClient } from "../../functions/adapters/dynamodb/client";
import { roundRepository } from "../../functions/adapters/dynamodb/round-repository";
import type { LocalSystem } from "../../infra/local/system";
import { applicationPath, DEMO_UNIT, json, untilOpen } from "../support/applicant";
import { launchBrowser } from "../support/browser";
import { apiFetch } from "../support/contract-validator";
import { type Client, client, startTestSystem } from "../support/local-system";
import { type Refusal, refusedWithoutTrace, until } from "../support/refusals";
import { decodeQrCode, renderPage } from "../support/rendered-pdf";
import { Sessions, type Submitted, submittedApplication } from "../support/review";
import { tableSnapshot } from "../support/table-snapshot";

/**
 * The end of the committee path over HTTP (issue #8 items 6 and 7): the title office publishes the results
 * (R4.5), the public objects, the office resolves, issues the qualification document and the certificates
 * (R4.6); holders download them and anyone verifies them. Three applicants of the demo unit are submitted
 * for real (evidence and ID photo uploaded and pinned) and then placed in `approved` by writing their head,
 * as the committee path before it is another issue's.
 */
const OFFICE = "office-admin";
const PUBLISHED_AT = "2024-12-27T10:00:00+08:00";

let system: LocalSystem;
let api: Client;
let sessions: Sessions;
const people: Record<"a" | "b" | "c", Submitted | undefined> = { a: undefined, b: undefined, c: undefined };
let noticeId = "";
const certificates: Record<string, { number: string; code: string; scanned: string }> = {};

const who = (key: keyof typeof people): Submitted => {
  const person = people[key];
  if (!person) throw new Error(`applicant ${key} was not set up`);
  return person;
};

/** The committee approved it: its head as the committee path leaves it (that path is another issue's). */
async function placeApproved(key: keyof typeof people): Promise<void> {
  const round = await roundRepository.get("2024");
  if (!round) throw new Error("no round");
  const application = await applicationRepository.get(round, who(key).applicationId);
  if (!application) throw new Error(`no application for ${key}`);
  await documentClient.send(
    new PutCommand({
      TableName: process.env.TABLE_NAME,
      Item: headItem({ ...application, state: "approved", version: application.version + 1 }),
    }),
  );
}

async function stateOf(key: keyof typeof people): Promise<string> {
  const { applicant, applicationId } = who(key);
  const status = await json<{ state: string }>(
    await api.get(applicationPath(applicationId, "/status"), await sessions.as(applicant.username)),
    200,
  );
  return status.state;
}

const publish = async () =>
  api.send(
    "POST",
    "/admin/rounds/2024/result-notices",
    { publicityScope: "甘肃省人力资源和社会保障厅门户网站" },
    await sessions.as(OFFICE),
  );

const DOCUMENT = { documentNumber: "甘职改办〔2025〕1号", issuedOn: "2025-01-07" };
const issue = async (document: Record<string, unknown> = DOCUMENT) =>
  api.send("POST", "/admin/rounds/2024/qualification-document", document, await sessions.as(OFFICE));

const download = async (key: keyof typeof people, as: string = who(key).applicant.username) =>
  api.get(applicationPath(who(key).applicationId, "/certificate"), await sessions.as(as));

const objectionsPath = (key: keyof typeof people) =>
  `/admin/rounds/2024/applications/${who(key).applicationId}/objections`;

interface OfficeObjections {
  version: number;
  unresolvedObjections: number;
  objections: {
    objectionId: string;
    onResultNotice: boolean;
    content: string;
    contact?: unknown;
    status: string;
  }[];
}

async function resolve(key: keyof typeof people, body: Record<string, unknown>) {
  const listed = await json<OfficeObjections>(
    await api.get(objectionsPath(key), await sessions.as(OFFICE)),
    200,
  );
  const [objection] = listed.objections;
  if (!objection) throw new Error(`no objection against ${key}`);
  return api.send(
    "POST",
    `${objectionsPath(key)}/${objection.objectionId}/resolution`,
    { expectedVersion: listed.version, ...body },
    await sessions.as(OFFICE),
  );
}

async function pdfText(bytes: Uint8Array): Promise<{ text: string; images: number }> {
  const document = await getDocument({ data: bytes, verbosity: 0 }).promise;
  const page = await document.getPage(1);
  const content = await page.getTextContent();
  const operators = await page.getOperatorList();
  return {
    text: content.items.map((item) => ("str" in item ? item.str : "")).join(""),
    images: operators.fnArray.filter((operation) => operation === OPS.paintImageXObject).length,
  };
}

beforeAll(async () => {
  system = await startTestSystem();
  api = client(system);
  sessions = new Sessions(api);
  await sessions.at("2024-09-11T00:00:00+08:00");
  await untilOpen(api, "application");
  // The purge of the pre-preparation runs in the background: let it finish before comparing tables.
  await until("the reset's purge", async () => {
    const { resets } = await json<{ resets: { status: string }[] }>(
      await api.get("/admin/rounds/2024/resets", await sessions.as(OFFICE)),
      200,
    );
    return resets.length > 0 && resets.every((reset) => reset.status === "done");
  });
  const arrivals = [
    ["a", "10:00", "王甲"],
    ["b", "10:05", "刘乙"],
    ["c", "10:10", "孙丙"],
  ] as const;
  for (const [key, time, realName] of arrivals) {
    await sessions.at(`2024-09-12T${time}:00+08:00`);
    people[key] = await submittedApplication(api, sessions, system.url, {
      username: `result-${key}`,
      realName,
      unitId: DEMO_UNIT,
    });
  }
}, 180_000);

afterAll(async () => {
  await system?.stop();
});

describe("the result notice (R4.5, §7)", () => {
  it("R4.5 refuses to publish while nothing is approved: 422 naming the rule, nothing written", async () => {
    await sessions.at("2024-09-13T10:00:00+08:00");
    await refusedWithoutTrace(publish, 422, "NOTHING_TO_PUBLISH", "R4.5");
  });

  it("R4.5 puts every approved applicant on one public notice of 5 working days (New Year's Day not counted)", async () => {
    for (const key of ["a", "b", "c"] as const) await placeApproved(key);
    await sessions.at(PUBLISHED_AT);
    // Jumping past the receipt cutoff: let the workflow's sweeps finish before tables are compared.
    await until(
      "the round workflow's sweeps",
      async () => (await roundRepository.get("2024"))?.progress.materialsReceived === true,
    );
    const published = await json<{
      notice: {
        noticeId: string;
        kind: string;
        endsAt: string;
        lastDay: string;
        entries: { name: string }[];
      };
      published: number;
      complete: boolean;
    }>(await publish(), 200);
    expect(published).toMatchObject({ published: 3, complete: true });
    expect(published.notice).toMatchObject({
      kind: "result",
      endsAt: new Date("2025-01-07T00:00:00+08:00").toISOString(),
      lastDay: "2025-01-06",
    });
    expect(published.notice.entries.map((entry) => entry.name)).toEqual(["王甲", "刘乙", "孙丙"]);
    noticeId = published.notice.noticeId;
    expect(await stateOf("a")).toBe("result_publicity");

    const listed = await json<{ notices: { noticeId: string; kind: string; publisher: string }[] }>(
      await api.get("/rounds/2024/notices"),
      200,
    );
    expect(listed.notices).toContainEqual(
      expect.objectContaining({ noticeId, kind: "result", publisher: "甘肃省职称改革工作领导小组办公室" }),
    );
    const notice = await json<{ running: boolean; entries: { entry: number; maskedResidentId: string }[] }>(
      await api.get(`/rounds/2024/notices/${noticeId}`),
      200,
    );
    expect(notice.running).toBe(true);
    expect(notice.entries.map((entry) => entry.entry)).toEqual([1, 2, 3]);
    expect(notice.entries[0]?.maskedResidentId).toMatch(/^\d{4}\*{10}\d{3}[\dX]$/);
    const text = JSON.stringify(notice);
    for (const key of ["a", "b", "c"] as const) {
      expect(text).not.toContain(who(key).applicationId);
      expect(text).not.toContain(who(key).applicant.residentId);
    }
    expect(text).not.toContain("13800138000");
  });

  it("R4.5 publishing again answers the same notice and writes nothing", async () => {
    const before = await tableSnapshot();
    const again = await json<{ notice: { noticeId: string }; published: number; complete: boolean }>(
      await publish(),
      200,
    );
    expect(again).toMatchObject({ notice: { noticeId }, published: 0, complete: true });
    expect(await tableSnapshot()).toEqual(before);
  });

  it("R4.6 no certificate before the document is issued: 409 naming the rule, nothing written", async () => {
    const refused = await refusedWithoutTrace(() => download("a"), 409, "CERTIFICATE_NOT_ISSUED", "R4.6");
    expect(refused.message).toContain("评审结果公示");
  });

  it("§7 anyone objects to a listed applicant without login while the notice runs", async () => {
    await sessions.at("2024-12-30T10:00:00+08:00");
    for (const [entry, content] of [
      [2, "该人员所报获奖证书系伪造，请核查。"],
      [3, "该人员的学历证书系伪造，可向学信网核实。"],
    ] as const) {
      await json(
        await api.send("POST", `/rounds/2024/notices/${noticeId}/objections`, {
          entry,
          content,
          contact: { name: "林某", phone: "13912345678" },
        }),
        201,
      );
    }
  });

  it("R4.5 no document and no certificate before 5 working days have passed: 422, nothing written", async () => {
    await sessions.at("2024-12-31T10:00:00+08:00");
    const early = await refusedWithoutTrace(issue, 422, "RESULT_NOTICE_NOT_FINISHED", "R4.5");
    expect(early.message).toContain("2025-01-07 00:00");
    // Ten calendar days after posting, but only four working days: still refused.
    await sessions.at("2025-01-06T23:59:59.999+08:00");
    await refusedWithoutTrace(issue, 422, "RESULT_NOTICE_NOT_FINISHED", "R4.5");
  });

  it("§7 R5.5 the office reads an objection with the contact and upholds it: the application is cancelled", async () => {
    await sessions.at("2025-01-06T10:00:00+08:00");
    const listed = await json<OfficeObjections>(
      await api.get(objectionsPath("c"), await sessions.as(OFFICE)),
      200,
    );
    expect(listed.unresolvedObjections).toBe(1);
    expect(listed.objections).toEqual([
      expect.objectContaining({
        onResultNotice: true,
        status: "unresolved",
        content: "该人员的学历证书系伪造，可向学信网核实。",
        contact: { name: "林某", phone: "13912345678" },
      }),
    ]);

    const bad = await refusedWithoutTrace(
      () => resolve("c", { outcome: "dismissed", followUp: "cancel", reason: "不属实" }),
      400,
      "VALIDATION_FAILED",
    );
    expect(bad.fields?.map((field) => field.path)).toEqual(["body.followUp"]);

    const cancelled = await json<{ status: string; application: { state: string } }>(
      await resolve("c", { outcome: "upheld", followUp: "cancel", reason: "经学信网核实，学历证书系伪造" }),
      200,
    );
    expect(cancelled).toMatchObject({ status: "upheld", application: { state: "cancelled" } });
    await refusedWithoutTrace(
      () => resolve("c", { outcome: "dismissed", reason: "重复处理" }),
      409,
      "OBJECTION_RESOLVED",
    );
  });

  it("§7 once the notice has ended no objection is accepted", async () => {
    await sessions.at("2025-01-07T00:00:00+08:00");
    await refusedWithoutTrace(
      () =>
        api.send("POST", `/rounds/2024/notices/${noticeId}/objections`, {
          entry: 1,
          content: "公示结束后提交的异议内容。",
        }),
      409,
      "NOTICE_CLOSED",
    );
  });
});

describe("qualification document and certificates (R4.6)", () => {
  it("R4.6 after the notice the office records the document; those with an objection unresolved wait, named", async () => {
    const issued = await json<{
      document: { documentNumber: string; certificatesIssued: number };
      certified: { applicationId: string; certificateNumber: string }[];
      pending: { applicationId: string; code: string; rule: string }[];
      complete: boolean;
    }>(await issue(), 200);
    expect(issued.document).toMatchObject({ ...DOCUMENT, certificatesIssued: 1 });
    expect(issued.certified).toEqual([
      expect.objectContaining({ applicationId: who("a").applicationId, certificateNumber: "GS2024-000001" }),
    ]);
    expect(issued.pending).toEqual([
      expect.objectContaining({
        applicationId: who("b").applicationId,
        code: "OBJECTION_UNRESOLVED",
        rule: "R4.5",
      }),
    ]);
    expect(await stateOf("a")).toBe("certified");
    expect(await stateOf("b")).toBe("result_publicity");
    expect(await stateOf("c")).toBe("cancelled");
  });

  it("§7 issuing again while the objection is unresolved certifies nothing and writes nothing", async () => {
    const before = await tableSnapshot();
    const again = await json<{ certified: unknown[]; pending: { code: string; rule: string }[] }>(
      await issue(),
      200,
    );
    expect(again.certified).toEqual([]);
    expect(again.pending).toEqual([expect.objectContaining({ code: "OBJECTION_UNRESOLVED", rule: "R4.5" })]);
    expect(await tableSnapshot()).toEqual(before);
  });

  it("R4.6 another document for the round is refused: 409, nothing written", async () => {
    const refused = await refusedWithoutTrace(
      () => issue({ ...DOCUMENT, documentNumber: "甘职改办〔2025〕9号" }),
      409,
      "QUALIFICATION_DOCUMENT_CONFLICT",
    );
    expect(refused.message).toContain(DOCUMENT.documentNumber);
  });

  it("§7 R4.6 the office dismisses the last objection and issuing again certifies that applicant, and no one twice", async () => {
    await sessions.at("2025-01-07T10:00:00+08:00");
    await json(await resolve("b", { outcome: "dismissed", reason: "经核查，获奖证书真实有效" }), 200);
    const issued = await json<{
      certified: { applicationId: string; certificateNumber: string }[];
      pending: unknown[];
      complete: boolean;
    }>(await issue(), 200);
    expect(issued).toMatchObject({ pending: [], complete: true });
    expect(issued.certified).toEqual([
      expect.objectContaining({ applicationId: who("b").applicationId, certificateNumber: "GS2024-000002" }),
    ]);
  });

  it("R4.6 the holder downloads a PDF with name, photo, series, qualification, scope, number, date and code", async () => {
    for (const [key, name, number] of [
      ["a", "王甲", "GS2024-000001"],
      ["b", "刘乙", "GS2024-000002"],
    ] as const) {
      const response = await download(key);
      expect(response.status).toBe(200);
      const pdf = await response.clone().arrayBuffer();
      expect(response.headers.get("content-type")).toBe("application/pdf");
      expect(response.headers.get("content-disposition")).toBe(
        `attachment; filename="certificate-${number}.pdf"; filename*=UTF-8''${encodeURIComponent(`专业技术资格证书-${number}.pdf`)}`,
      );
      const { text, images } = await pdfText(new Uint8Array(await response.arrayBuffer()));
      for (const printed of [
        name,
        number,
        "人力资源培训",
        "副高级",
        "全省有效",
        DOCUMENT.issuedOn,
        "专业技术资格证书",
      ]) {
        expect(text).toContain(printed);
      }
      expect(images).toBe(1);
      const code = /验 证 码\s*([2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5})/.exec(text)?.[1];
      if (!code) throw new Error(`no verification code in ${text}`);
      // The QR code, as a phone reads it off the printed page: this server's verification page.
      const scanned = decodeQrCode(await renderPage(new Uint8Array(pdf), "poppler", 150));
      expect(scanned).toBe(`${system.url}/certificates/${number}?code=${code}`);
      certificates[key] = { number, code, scanned: scanned ?? "" };
    }
  });

  it("R4.6 someone else's certificate does not exist (404), staff may not download (403), a cancelled one has none (409)", async () => {
    await refusedWithoutTrace(() => download("a", who("b").applicant.username), 404, "NOT_FOUND");
    await refusedWithoutTrace(() => download("a", OFFICE), 403, "FORBIDDEN");
    await refusedWithoutTrace(() => download("c"), 409, "CERTIFICATE_NOT_ISSUED", "R4.6");
  });

  it("R4.6 anyone verifies a certificate by number and code: what is printed, the name masked", async () => {
    const { number, code } = certificates.a ?? { number: "", code: "" };
    const response = await api.get(`/certificates/${number}?code=${encodeURIComponent(code)}`);
    expect(response.headers.get("vary")).toBe("accept");
    const verified = await json<Record<string, unknown>>(response, 200);
    expect(verified).toEqual({
      certificateNumber: number,
      maskedHolderName: "王*",
      series: "人力资源培训",
      qualification: "副高级",
      validityScope: "全省有效",
      issuedOn: DOCUMENT.issuedOn,
      issuer: "甘肃省职称改革工作领导小组办公室",
      status: "valid",
      statusLabel: "有效",
    });
    // Typed from paper: lower case, no hyphen.
    await json(await api.get(`/certificates/${number}?code=${code.replace("-", "").toLowerCase()}`), 200);
  });

  it("R4.6 a mistyped code, a missing code and an unknown number all answer the same 404, as JSON and as a page", async () => {
    const { number, code } = certificates.a ?? { number: "", code: "" };
    const mistyped = `${code.slice(0, -1)}${code.endsWith("2") ? "3" : "2"}`;
    const paths = [
      `/certificates/${number}?code=${mistyped}`,
      `/certificates/${number}`,
      `/certificates/GS2024-000003?code=${code}`,
    ];
    const answers = [];
    const pages = [];
    for (const path of paths) {
      const { requestId: _requestId, ...body } = await json<Refusal & { requestId?: string }>(
        await api.get(path),
        404,
      );
      answers.push(body);
      const page = await apiFetch(`${system.url}${path}`, { headers: { accept: "text/html" } });
      expect(page.status).toBe(404);
      expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
      pages.push(await page.text());
    }
    expect(answers[0]).toMatchObject({ code: "CERTIFICATE_NOT_FOUND" });
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    expect(pages[0]).toContain("未找到该证书");
    expect(pages[1]).toBe(pages[0]);
    expect(pages[2]).toBe(pages[0]);
  });
});

/** What a person sees after scanning the QR code with a phone: the page, in a real browser. */
describe("the verification page in a browser (R4.6, R5.5)", () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
  });

  async function open(url: string) {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 3,
      isMobile: true,
      hasTouch: true,
      locale: "zh-CN",
    });
    const page = await context.newPage();
    const requested: string[] = [];
    const logged: string[] = [];
    page.on("request", (request) => requested.push(request.url()));
    page.on("console", (message) => logged.push(message.text()));
    const response = await page.goto(url);
    const seen = {
      status: response?.status(),
      headers: response?.headers() ?? {},
      text: (await page.textContent("body")) ?? "",
      title: await page.title(),
      // Evaluated in the page (expressions: this project's TypeScript has no DOM types).
      scripts: (await page.evaluate("document.scripts.length")) as number,
      fitsThePhone: (await page.evaluate(
        "document.documentElement.scrollWidth <= window.innerWidth && " +
          "parseFloat(getComputedStyle(document.body).fontSize) >= 16",
      )) as boolean,
      styled: (await page.evaluate(
        "getComputedStyle(document.querySelector('.status')).borderTopStyle",
      )) as string,
      requested,
      consoleMessages: logged,
    };
    await context.close();
    return seen;
  }

  it("R4.6 the QR code opens a page in Chinese: valid, the masked name, series, level, scope, number and date", async () => {
    const { scanned, number } = certificates.a ?? { scanned: "", number: "" };
    const seen = await open(scanned);
    expect(seen.status).toBe(200);
    expect(seen.title).toBe("证书核验：有效");
    for (const shown of [
      "有效",
      "王*",
      "人力资源培训",
      "副高级",
      "全省有效",
      number,
      "2025年1月7日",
      "甘肃省职称改革工作领导小组办公室",
    ]) {
      expect(seen.text).toContain(shown);
    }
    expect(seen.text).not.toContain("王甲");
    expect(seen.text).not.toContain("已撤销");
    // Nothing but the page itself is loaded; the inline style passes the CSP (no violation logged).
    expect(seen.requested).toEqual([scanned]);
    expect(seen.scripts).toBe(0);
    expect(seen.styled).toBe("solid");
    expect(seen.consoleMessages).toEqual([]);
    expect(seen.fitsThePhone).toBe(true);
    expect(seen.headers["content-security-policy"]).toMatch(
      /^default-src 'none'; style-src 'sha256-[^']+'; /,
    );
    expect(seen.headers["referrer-policy"]).toBe("no-referrer");
  });

  it("R4.6 a wrong code shows the same not-found page as an unknown number", async () => {
    const { scanned } = certificates.a ?? { scanned: "" };
    const wrong = await open(scanned.replace(/.(?=$)/, (last) => (last === "2" ? "3" : "2")));
    const unknown = await open(scanned.replace(/GS2024-\d+/, "GS2024-000099"));
    expect(wrong.status).toBe(404);
    expect(wrong.text).toContain("未找到该证书");
    const shown = ({ status, title, text }: typeof wrong) => ({ status, title, text });
    expect(shown(unknown)).toEqual(shown(wrong));
    expect(wrong.requested).toHaveLength(1);
  });

  it("R5.5 after a fraud finding the page and the JSON say 已撤销 with the date, and the holder can no longer download", async () => {
    const { number, code, scanned } = certificates.b ?? { number: "", code: "", scanned: "" };
    await sessions.at("2025-03-01T10:00:00+08:00");
    const round = await roundRepository.get("2024");
    const stored = round ? await applicationRepository.get(round, who("b").applicationId) : undefined;
    await json(
      await api.send(
        "POST",
        `/admin/rounds/2024/applications/${who("b").applicationId}/fraud-cancellation`,
        {
          expectedVersion: stored?.version,
          finding: "经核查，申报人提交的获奖证书系伪造",
          unitAccountability: "申报单位审核把关不严，予以通报批评",
          handlerAccountability: "单位经办人未履行审核职责，予以诫勉谈话",
        },
        await sessions.as(OFFICE),
      ),
      200,
    );

    const seen = await open(scanned);
    expect(seen.status).toBe(200);
    expect(seen.title).toBe("证书核验：已撤销");
    expect(seen.text).toContain("已撤销");
    expect(seen.text).toContain("本证书已于2025年3月1日撤销");
    expect(seen.text).toContain("刘*");
    expect(seen.text).not.toContain("伪造");

    const verified = await json<Record<string, unknown>>(
      await api.get(`/certificates/${number}?code=${code}`),
      200,
    );
    expect(verified).toMatchObject({
      status: "revoked",
      statusLabel: "已撤销",
      revokedAt: "2025-03-01T02:00:00.000Z",
      revokedOn: "2025-03-01",
      maskedHolderName: "刘*",
    });
    expect(JSON.stringify(verified)).not.toContain("伪造");

    const refused = await refusedWithoutTrace(() => download("b"), 409, "CERTIFICATE_REVOKED", "R5.5");
    expect(refused.message).toContain("2025-03-01");
  });
});
