import { OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { ERROR_CATALOGUE, type ErrorCode } from "../core/error-catalogue";
import { accessRuleOf } from "./access-policy";
import { codesByStatus, routeErrorCodes } from "./route-errors";
import type { RouteSpec } from "./route-spec";

const fieldIssue = {
  type: "object",
  required: ["path", "message"],
  properties: {
    path: {
      type: "string",
      description: "Dotted path of the offending field, e.g. body.data.papers.0.publishedOn",
    },
    message: { type: "string", description: "What is wrong with it, in Chinese" },
    rule: { type: "string", description: "The rule of DESIGN.md §2 the field breaks, e.g. R6.1" },
    code: { type: "string", description: "A finer code for the field, e.g. ACHIEVEMENT_AFTER_CUTOFF" },
  },
} as const;

const errorBody = {
  type: "object",
  required: ["code", "message"],
  properties: {
    code: { type: "string", description: "Stable machine-readable code of the error catalogue" },
    message: { type: "string", description: "Chinese message telling the person what to do" },
    rule: {
      type: "string",
      description: "Rule id of DESIGN.md §2 when a rule forbids the action, e.g. R4.3",
    },
    fields: { type: "array", items: fieldIssue },
    requestId: { type: "string" },
  },
} as const;

const STATUS_DESCRIPTIONS: Record<number, string> = {
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

/** One line per code, as the reference page shows it under the status. */
function codeLine(code: ErrorCode): string {
  const { message, rule } = ERROR_CATALOGUE[code];
  return `- \`${code}\`${rule ? ` (${rule})` : ""}: ${message}`;
}

/** Per status the codes this route answers: in the schema (an enum), as `x-error-codes`, and in words. */
function errorResponses(spec: RouteSpec): RouteConfig["responses"] {
  const rule = accessRuleOf(spec.operationId);
  const codes = routeErrorCodes(spec, { roleBased: rule?.access === "roles" });
  return Object.fromEntries(
    [...codesByStatus(codes)].map(([status, statusCodes]) => [
      status,
      {
        description: [STATUS_DESCRIPTIONS[status] ?? "", "", ...statusCodes.map(codeLine)].join("\n"),
        "x-error-codes": statusCodes,
        content: {
          "application/json": {
            schema: {
              allOf: [
                { $ref: "#/components/schemas/Error" },
                { type: "object", properties: { code: { type: "string", enum: statusCodes } } },
              ],
            },
          },
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
  registry.registerComponent("schemas", "Error", errorBody as never);
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
          content: Object.fromEntries(
            [spec.rawContentType ?? "text/plain"].flat().map((type) => [
              type,
              // A file format that is JSON (the audit export's json) is an array of records.
              {
                schema: type === "application/json" ? z.array(z.record(z.string(), z.unknown())) : z.string(),
              },
            ]),
          ),
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
