import { OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import type { RouteSpec } from "./route-spec";

const errorBody = z
  .object({
    code: z.string().describe("Stable machine-readable code, e.g. VALIDATION_FAILED"),
    message: z.string().describe("Chinese message telling the person what to do"),
    rule: z.string().optional().describe("Rule id of DESIGN.md §2 when a rule forbids the action, e.g. R4.3"),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    requestId: z.string().optional(),
  })
  .meta({ id: "Error" });

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: "输入有误（字段错误见 fields）",
  401: "未登录或令牌无效",
  403: "角色无权调用此接口",
  404: "记录不存在或不在您的范围内",
  409: "状态冲突或版本已变化",
  413: "请求内容过大",
  422: "违反规则（rule 字段给出规则编号）",
  429: "同一网络地址提交过于频繁",
  500: "系统内部错误",
};

function errorResponses(spec: RouteSpec): RouteConfig["responses"] {
  const statuses = [400, 404, 500];
  if (spec.access === "authenticated") statuses.push(401, 403, 409, 422);
  if (spec.body) statuses.push(413);
  if (spec.rateLimited) statuses.push(429);
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: ERROR_DESCRIPTIONS[status] ?? "",
        content: {
          "application/json": { schema: errorBody },
          // A page asked for by `Accept` is also refused with a page (the same one for every 404).
          ...(spec.htmlAlternative && status === 404 ? { "text/html": { schema: z.string() } } : {}),
        },
      },
    ]),
  );
}

/** The API contract, generated from the same zod schemas that validate every request. */
export function buildOpenApiDocument(routes: readonly RouteSpec[]) {
  const registry = new OpenAPIRegistry();
  registry.registerComponent("securitySchemes", "cognito", {
    type: "http",
    scheme: "bearer",
    bearerFormat: "JWT",
  });
  for (const spec of routes) {
    const status = spec.successStatus ?? 200;
    const success = spec.response
      ? {
          description: spec.htmlAlternative
            ? `${spec.summary}. text/html: ${spec.htmlAlternative}`
            : spec.summary,
          content: {
            "application/json": { schema: spec.response },
            ...(spec.htmlAlternative ? { "text/html": { schema: z.string() } } : {}),
          },
        }
      : {
          description: spec.summary,
          content: { [spec.rawContentType ?? "text/plain"]: { schema: z.string() } },
        };
    const request: RouteConfig["request"] = {};
    if (spec.params) request.params = spec.params;
    if (spec.query) request.query = spec.query;
    if (spec.headers) request.headers = spec.headers;
    if (spec.body) request.body = { required: true, content: { "application/json": { schema: spec.body } } };
    registry.registerPath({
      method: spec.method.toLowerCase() as RouteConfig["method"],
      path: spec.path,
      operationId: spec.operationId,
      summary: spec.summary,
      tags: [spec.tag],
      security: spec.access === "public" ? [] : [{ cognito: [] }],
      request,
      responses: {
        [status]: status === 204 ? { description: spec.summary } : success,
        ...errorResponses(spec),
      },
    });
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "甘肃省人力资源培训专业职称申报评审系统 API",
      version: "1.0.0",
      description:
        "Errors answer a JSON body with a stable `code`, a Chinese `message` and the offending `fields`. " +
        "Out-of-scope records answer 404.",
    },
    servers: [{ url: "/" }],
  });
}
