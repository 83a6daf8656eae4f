import type { Context } from "aws-lambda";
import { describe, expect, it, vi } from "vitest";
import * as z from "zod/mini";
import { DomainError, ruleViolation } from "../../../functions/core/errors";
import {
  createHandlerGroup,
  type HttpEvent,
  MAX_JSON_BODY_BYTES,
  route,
} from "../../../functions/http/handler-group";
import { defineRoute } from "../../../functions/http/route-spec";

// The group reads the real access policy; these test routes get entries of their own, and the
// table-reading authorization is replaced by an actor that holds the one role the entry names.
vi.mock("../../../functions/http/access-policy", async (original) => {
  const actual = await original<typeof import("../../../functions/http/access-policy")>();
  const entries: Record<string, unknown> = {
    ...actual.ACCESS_POLICY,
    echo: { access: "roles", subject: { kind: "none" }, grants: { office_admin: "any" } },
    bulk: { access: "roles", subject: { kind: "none" }, grants: { office_admin: "any" } },
    fails: { access: "public" },
    negotiates: { access: "public" },
    mismatched: { access: "public" },
  };
  return { ...actual, accessRuleOf: (operationId: string) => entries[operationId] };
});
vi.mock("../../../functions/http/authorize", () => ({
  authorize: vi.fn(async (_rule: unknown, caller: { sub: string }) => ({
    actor: {
      account: { accountId: caller.sub },
      roles: [{ role: "office_admin", orgId: "office", accountId: caller.sub }],
    },
    subject: {},
  })),
}));

const echo = defineRoute({
  operationId: "echo",
  method: "POST",
  path: "/echo/{id}",
  group: "admin",
  access: "authenticated",
  summary: "echo",
  tag: "test",
  params: z.object({ id: z.string().check(z.regex(/^\d+$/, "编号须为数字")) }),
  body: z.object({ name: z.string().check(z.minLength(1, "姓名不能为空")) }),
  response: z.object({ id: z.string(), name: z.string(), caller: z.string() }),
});
const bulk = defineRoute({
  operationId: "bulk",
  method: "POST",
  path: "/bulk",
  group: "admin",
  access: "authenticated",
  summary: "bulk",
  tag: "test",
  body: z.object({ rows: z.array(z.string()) }),
  maxBodyBytes: 2 * MAX_JSON_BODY_BYTES,
  response: z.object({ rows: z.number() }),
});
/** What the SDK throws after its attempts, as @smithy/node-http-handler and the services shape it. */
const STALLS: Record<string, () => Error> = {
  "request-timeout": () =>
    Object.assign(
      new Error("a request has exceeded the configured 2500 ms requestTimeout at /var/task/x.mjs"),
      {
        name: "TimeoutError",
        code: "ETIMEDOUT",
        $metadata: { attempts: 3 },
      },
    ),
  refused: () => Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:4566"), { code: "ECONNREFUSED" }),
  "server-error": () =>
    Object.assign(new Error("We encountered an internal error"), {
      name: "InternalError",
      $fault: "server",
      $metadata: { httpStatusCode: 500 },
    }),
  throttled: () =>
    Object.assign(new Error("Rate of requests exceeds the allowed throughput"), {
      name: "ThrottlingException",
      $fault: "client",
      $metadata: { httpStatusCode: 400 },
    }),
  // The idempotency layer wraps what the table threw.
  wrapped: () =>
    Object.assign(new Error("Failed to save in progress record to idempotency store"), {
      name: "IdempotencyPersistenceLayerError",
      cause: Object.assign(new Error("socket timed out"), { name: "TimeoutError" }),
    }),
};

const fails = defineRoute({
  operationId: "fails",
  method: "GET",
  path: "/fails/{how}",
  group: "admin",
  access: "public",
  summary: "fails",
  tag: "test",
  params: z.object({
    how: z.enum(["rule", "crash", "conflict", ...Object.keys(STALLS)] as [string, ...string[]]),
  }),
  response: z.object({}),
});

const negotiates = defineRoute({
  operationId: "negotiates",
  method: "GET",
  path: "/negotiates/{found}",
  group: "admin",
  access: "public",
  summary: "negotiates",
  tag: "test",
  htmlAlternative: "a page",
  params: z.object({ found: z.enum(["yes", "no"]) }),
  headers: z.object({ accept: z.optional(z.string()) }),
  response: z.object({ found: z.boolean() }),
});

const handler = createHandlerGroup([
  route(negotiates, async ({ params, headers }) => {
    if (params.found === "no") throw new DomainError("NOT_FOUND", "未找到");
    if (headers.accept === "text/html")
      return { raw: { statusCode: 200, headers: { "content-type": "text/html" }, body: "<p>页</p>" } };
    return { found: true };
  }),
  route(echo, async ({ params, body, actor }) => ({
    id: params.id,
    name: body.name,
    caller: actor.account.accountId,
  })),
  route(bulk, async ({ body }) => ({ rows: body.rows.length })),
  route(fails, async ({ params }) => {
    if (params.how === "rule")
      throw ruleViolation("R4.3", "DEPARTMENT_RETURN_LIMIT", "退回次数已达 3 次上限");
    if (params.how === "conflict") throw new DomainError("STALE_VERSION", "记录已被修改");
    const stall = STALLS[params.how];
    if (stall) throw stall();
    throw new Error("secret internal detail at /var/task/index.mjs:1:2");
  }),
]);

const context = { awsRequestId: "req-1", functionName: "test" } as Context;

function event(partial: Partial<HttpEvent> & { routeKey: string }): HttpEvent {
  return {
    version: "2.0",
    rawPath: "/",
    rawQueryString: "",
    headers: {},
    isBase64Encoded: false,
    requestContext: {
      requestId: "req-1",
      http: { method: "POST", path: "/", protocol: "HTTP/1.1", sourceIp: "127.0.0.1", userAgent: "" },
      authorizer: { jwt: { claims: { sub: "user-1", "cognito:username": "alice" }, scopes: [] } },
    },
    ...partial,
  } as HttpEvent;
}

async function call(e: HttpEvent) {
  const result = await handler(e, context);
  return { status: result.statusCode, body: result.body ? JSON.parse(result.body) : undefined };
}

describe("handler group", () => {
  it("lets a route with an HTML alternative answer a page or JSON, every answer varying by Accept", async () => {
    const get = (found: string, accept?: string) =>
      handler(
        event({
          routeKey: "GET /negotiates/{found}",
          pathParameters: { found },
          headers: accept ? { accept } : {},
        }),
        context,
      );
    const page = await get("yes", "text/html");
    expect(page).toMatchObject({ statusCode: 200, body: "<p>页</p>", headers: { vary: "accept" } });
    const data = await get("yes");
    expect(data).toMatchObject({ statusCode: 200, headers: { vary: "accept" } });
    expect(JSON.parse(data.body ?? "")).toEqual({ found: true });
    expect(await get("no")).toMatchObject({ statusCode: 404, headers: { vary: "accept" } });
    // Routes without an alternative say nothing about Accept.
    const plain = await handler(
      event({ routeKey: "GET /fails/{how}", pathParameters: { how: "conflict" } }),
      context,
    );
    expect(plain.headers?.vary).toBeUndefined();
  });

  it("runs the route with parsed params, body and caller", async () => {
    const answer = await call(
      event({
        routeKey: "POST /echo/{id}",
        pathParameters: { id: "42" },
        body: JSON.stringify({ name: "张三" }),
      }),
    );
    expect(answer).toEqual({ status: 200, body: { id: "42", name: "张三", caller: "user-1" } });
  });

  it("decodes base64 bodies the way API Gateway sends them", async () => {
    const answer = await call(
      event({
        routeKey: "POST /echo/{id}",
        pathParameters: { id: "7" },
        body: Buffer.from(JSON.stringify({ name: "李四" })).toString("base64"),
        isBase64Encoded: true,
      }),
    );
    expect(answer.body.name).toBe("李四");
  });

  it("answers 404 with a code for a route key it does not serve", async () => {
    const answer = await call(event({ routeKey: "GET /nowhere" }));
    expect(answer.status).toBe(404);
    expect(answer.body.code).toBe("ROUTE_NOT_FOUND");
  });

  it("answers 401 when an authenticated route has no claims", async () => {
    const e = event({ routeKey: "POST /echo/{id}", pathParameters: { id: "1" }, body: "{}" });
    e.requestContext.authorizer = {
      jwt: { claims: {}, scopes: [] },
    } as HttpEvent["requestContext"]["authorizer"];
    const answer = await call(e);
    expect(answer.status).toBe(401);
    expect(answer.body.code).toBe("UNAUTHENTICATED");
  });

  it("answers 400 MALFORMED_JSON for a body that is not JSON", async () => {
    const answer = await call(
      event({ routeKey: "POST /echo/{id}", pathParameters: { id: "1" }, body: "{name:" }),
    );
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe("MALFORMED_JSON");
  });

  it("answers 413 for a JSON body over the limit", async () => {
    const big = JSON.stringify({ name: "x".repeat(MAX_JSON_BODY_BYTES) });
    const answer = await call(event({ routeKey: "POST /echo/{id}", pathParameters: { id: "1" }, body: big }));
    expect(answer.status).toBe(413);
    expect(answer.body.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("a bulk route takes a body over the default limit, up to its own", async () => {
    const rows = (bytes: number) => JSON.stringify({ rows: ["x".repeat(bytes)] });
    const within = await call(event({ routeKey: "POST /bulk", body: rows(MAX_JSON_BODY_BYTES + 1024) }));
    expect(within).toEqual({ status: 200, body: { rows: 1 } });
    const over = await call(event({ routeKey: "POST /bulk", body: rows(2 * MAX_JSON_BODY_BYTES) }));
    expect([over.status, over.body.code]).toEqual([413, "PAYLOAD_TOO_LARGE"]);
  });

  it("answers 400 naming every offending field, in path and body", async () => {
    const answer = await call(
      event({
        routeKey: "POST /echo/{id}",
        pathParameters: { id: "abc" },
        body: JSON.stringify({ name: "" }),
      }),
    );
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe("VALIDATION_FAILED");
    expect(answer.body.fields).toEqual([
      { path: "path.id", message: "编号须为数字" },
      { path: "body.name", message: "姓名不能为空" },
    ]);
  });

  it("explains in Chinese a field whose schema gives no message of its own", async () => {
    const answer = await call(
      event({ routeKey: "POST /echo/{id}", pathParameters: { id: "1" }, body: JSON.stringify({ name: 7 }) }),
    );
    expect(answer.status).toBe(400);
    expect(answer.body.fields).toEqual([{ path: "body.name", message: expect.stringMatching(/^无效输入/) }]);
  });

  it("answers 422 naming the rule for a rule violation", async () => {
    const answer = await call(event({ routeKey: "GET /fails/{how}", pathParameters: { how: "rule" } }));
    expect(answer).toEqual({
      status: 422,
      body: {
        code: "DEPARTMENT_RETURN_LIMIT",
        message: "退回次数已达 3 次上限",
        rule: "R4.3",
        requestId: "req-1",
      },
    });
  });

  it("answers 409 for a conflict", async () => {
    const answer = await call(event({ routeKey: "GET /fails/{how}", pathParameters: { how: "conflict" } }));
    expect(answer.status).toBe(409);
  });

  it("answers 500 without leaking the error's text or stack", async () => {
    const result = await handler(
      event({ routeKey: "GET /fails/{how}", pathParameters: { how: "crash" } }),
      context,
    );
    expect(result.statusCode).toBe(500);
    expect(result.body).not.toContain("secret");
    expect(result.body).not.toContain("/var/task");
    expect(JSON.parse(result.body ?? "{}").code).toBe("INTERNAL_ERROR");
  });

  it.each(Object.keys(STALLS))(
    "answers 503 SERVICE_UNAVAILABLE with Retry-After and a Chinese message for %s, never the error's text",
    async (how) => {
      const result = await handler(event({ routeKey: "GET /fails/{how}", pathParameters: { how } }), context);
      expect(result.statusCode).toBe(503);
      expect(result.headers?.["retry-after"]).toBe("5");
      const body = JSON.parse(result.body ?? "{}");
      expect(body).toMatchObject({ code: "SERVICE_UNAVAILABLE", requestId: "req-1" });
      expect(body.message).toMatch(/^\p{Script=Han}.*5秒后重试.*Idempotency-Key/u);
      expect(result.body).not.toMatch(/var\/task|127\.0\.0\.1|ECONN|Timeout|internal error/i);
    },
  );

  it("a client error of the service stays an internal error: only unavailability is worth a retry", async () => {
    const result = await handler(
      event({ routeKey: "GET /fails/{how}", pathParameters: { how: "crash" } }),
      context,
    );
    expect(result.headers?.["retry-after"]).toBeUndefined();
  });

  it("refuses to start with a route that has no access-policy entry, or one that disagrees on public", () => {
    const unlisted = defineRoute({ ...echo, operationId: "unlisted" });
    expect(() =>
      createHandlerGroup([route(unlisted, async () => ({ id: "", name: "", caller: "" }))]),
    ).toThrow(/no entry in functions\/http\/access-policy.ts/);
    const mismatched = defineRoute({ ...echo, operationId: "mismatched" });
    expect(() =>
      createHandlerGroup([route(mismatched, async () => ({ id: "", name: "", caller: "" }))]),
    ).toThrow(/is authenticated but its access-policy entry is public/);
  });
});
