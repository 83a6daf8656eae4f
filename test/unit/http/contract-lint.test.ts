import { execFile } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

/**
 * The linter of `npm run check` fails on the defects it exists for: each canary document breaks one
 * rule of `contract/rules.js` and must be refused with that rule, and the generated contract must pass.
 */
const ROOT = resolve(import.meta.dirname, "../../..");
const REDOCLY = join(ROOT, "node_modules/.bin/redocly");

interface Problem {
  ruleId: string;
  message: string;
}

async function lint(document: unknown): Promise<Problem[]> {
  const file = join(await mkdtemp(join(tmpdir(), "contract-lint-")), "openapi.json");
  await writeFile(file, JSON.stringify(document));
  const { stdout } = await promisify(execFile)(
    REDOCLY,
    ["lint", file, "--config", join(ROOT, "redocly.yaml"), "--format", "json"],
    { env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" } },
  ).catch((error: { stdout: string }) => ({ stdout: error.stdout }));
  return (JSON.parse(stdout) as { problems: Problem[] }).problems;
}

/** A valid document with one operation taking `body` and answering `answer`. */
function documentWith(body: object, answer: object = { type: "object" }) {
  return {
    openapi: "3.1.0",
    info: { title: "canary", version: "1" },
    servers: [{ url: "/" }],
    security: [],
    paths: {
      "/things": {
        post: {
          operationId: "createThing",
          summary: "canary",
          tags: ["canary"],
          requestBody: { required: true, content: { "application/json": { schema: body } } },
          responses: {
            "200": { description: "ok", content: { "application/json": { schema: answer } } },
            "400": { description: "bad" },
          },
        },
      },
    },
    tags: [{ name: "canary", description: "canary" }],
  };
}

const objectOf = (properties: object) => ({ type: "object", properties });

describe("contract linter (redocly.yaml, contract/rules.js)", () => {
  it.each([
    [
      "a pattern with a trailing flag, as zod printed realName",
      { type: "string", maxLength: 30, pattern: "^[\\p{Script=Han}]{2,30}$/u" },
    ],
    ["a pattern written with delimiters", { type: "string", maxLength: 30, pattern: "/^[a-z]+$/" }],
    ["a pattern that is no u-mode expression", { type: "string", maxLength: 30, pattern: "^\\p{Nonsense}$" }],
  ])("refuses %s", async (_name, schema) => {
    const problems = await lint(documentWith(objectOf({ name: schema })));
    expect(problems.map((problem) => problem.ruleId)).toContain("title-review/pattern-is-ecma-u-regex");
  });

  it.each([
    ["a date in a request", documentWith(objectOf({ publishedOn: { type: "string", maxLength: 10 } }))],
    ["a month in an answer", documentWith(objectOf({}), objectOf({ newSeriesSince: { type: "string" } }))],
    [
      "a time behind a reference",
      {
        ...documentWith(objectOf({ at: { $ref: "#/components/schemas/Instant" } })),
        components: { schemas: { Instant: { type: "string", maxLength: 40 } } },
      },
    ],
  ])("refuses %s without format or pattern", async (_name, document) => {
    const problems = await lint(document);
    expect(problems.map((problem) => problem.ruleId)).toContain("title-review/time-field-has-format");
  });

  it("refuses a request string without maxLength, however deep, and names where it is", async () => {
    const problems = await lint(
      documentWith(
        objectOf({
          items: { type: "array", items: objectOf({ content: { type: "string", minLength: 10 } }) },
        }),
      ),
    );
    const bounded = problems.filter((problem) => problem.ruleId === "title-review/request-string-bounded");
    expect(bounded.map((problem) => problem.message)).toEqual([
      "request string without maxLength: body.items[].content",
    ]);
  });

  it("passes the same shapes written as the contract writes them", async () => {
    const problems = await lint(
      documentWith(
        objectOf({
          name: {
            type: "string",
            minLength: 2,
            maxLength: 30,
            pattern: "^[\\p{Script=Han}A-Za-z·• ]{2,30}$",
          },
          publishedOn: { type: "string", format: "date" },
          newSeriesSince: {
            type: "string",
            minLength: 7,
            maxLength: 7,
            pattern: "^\\d{4}-(?:0[1-9]|1[0-2])$",
          },
          content: { type: "string", minLength: 10, maxLength: 2000 },
          kind: { type: "string", enum: ["a", "b"] },
        }),
      ),
    );
    expect(problems.filter((problem) => problem.ruleId.startsWith("title-review/"))).toEqual([]);
  });

  // The whole contract (about 1 MB) takes the linter seconds on a busy machine: a budget, not a measure.
  it("passes the generated contract (clients/typescript/openapi.json)", { timeout: 60_000 }, async () => {
    const document = JSON.parse(await readFile(join(ROOT, "clients/typescript/openapi.json"), "utf8"));
    expect(await lint(document)).toEqual([]);
  });
});
