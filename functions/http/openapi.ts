import * as z from "zod/mini";
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
function errorResponses(spec: RouteSpec): Record<string, OpenApiResponse> {
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
          ...(spec.htmlAlternative && status === 404 ? { "text/html": { schema: { type: "string" } } } : {}),
        },
      },
    ]),
  );
}

type JsonSchema = Record<string, unknown>;

export interface OpenApiParameter {
  schema: JsonSchema;
  required: boolean;
  description?: string;
  name: string;
  in: "path" | "query" | "header";
}

export interface OpenApiResponse {
  description: string;
  "x-error-codes"?: readonly string[];
  content?: Record<string, { schema: unknown }>;
}

export interface OpenApiOperation {
  operationId: string;
  summary: string;
  tags: string[];
  security: Record<string, string[]>[];
  parameters?: OpenApiParameter[];
  requestBody?: { required: true; content: { "application/json": { schema: JsonSchema } } };
  responses: Record<string, OpenApiResponse>;
}

type Method = "get" | "post" | "put" | "patch" | "delete";

export interface OpenApiDocument {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  servers: { url: string }[];
  components: {
    schemas: Record<string, unknown>;
    securitySchemes: Record<string, Record<string, string>>;
  };
  paths: Record<string, Partial<Record<Method, OpenApiOperation>>>;
}

/**
 * Schemas that carry an `id` (`.meta({ id })`) become components. A schema can read differently as a
 * request (its input: defaults optional) and as an answer (its output).
 */
class Components {
  readonly schemas: Record<string, JsonSchema> = {};

  /** The JSON Schema of `schema` for one direction, its identified parts moved to the components. */
  convert(schema: z.ZodMiniType, io: "input" | "output"): JsonSchema {
    const {
      $schema: _dialect,
      $defs = {},
      ...root
    } = z.toJSONSchema(schema, {
      target: "draft-2020-12",
      io,
      unrepresentable: "any",
      override: ({ zodSchema, jsonSchema }) => {
        // An answer may gain fields over time; a client reading it should not refuse them.
        if (
          io === "output" &&
          zodSchema._zod.def.type === "object" &&
          jsonSchema.additionalProperties === false
        )
          delete jsonSchema.additionalProperties;
        // z.int()'s implicit safe-integer bounds say nothing a client needs.
        if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
        if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
      },
    }) as JsonSchema & { $defs?: Record<string, JsonSchema> };
    const names = new Map(Object.keys($defs).map((id) => [id, id]));
    const located = (value: unknown): JsonSchema =>
      JSON.parse(
        JSON.stringify(value).replace(/"#\/\$defs\/([^"]+)"/g, (_, id: string) =>
          JSON.stringify(`#/components/schemas/${names.get(id) ?? id}`),
        ),
      );
    // A definition that reads differently from the component of its name (its input against its
    // output) gets a name of its own; references are rewritten once every name is known.
    for (const id of names.keys()) names.set(id, this.freeName(id, located($defs[id])));
    for (const [id, name] of names) this.schemas[name] = located($defs[id]);
    return located(root);
  }

  private freeName(id: string, schema: JsonSchema): string {
    const existing = this.schemas[id];
    if (existing === undefined || JSON.stringify(existing) === JSON.stringify(schema)) return id;
    return this.freeName(`${id}Input`, schema);
  }
}

/** Path, query and header parameters: one per property of the route's object schema. */
function parameters(
  components: Components,
  location: OpenApiParameter["in"],
  schema?: z.ZodMiniObject,
): OpenApiParameter[] {
  if (!schema) return [];
  const json = components.convert(schema, "input") as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    schema: property,
    required: json.required?.includes(name) ?? false,
    ...(typeof property.description === "string" ? { description: property.description } : {}),
    name,
    in: location,
  }));
}

/**
 * The API contract, generated from the same zod schemas that validate every request (zod's own JSON
 * Schema output, draft 2020-12 as OpenAPI 3.1 uses). Run at build time (`npm run contract`); the
 * functions serve the file it writes.
 */
export function buildOpenApiDocument(routes: readonly RouteSpec[]): OpenApiDocument {
  const components = new Components();
  const text = { type: "string" };
  const paths: OpenApiDocument["paths"] = {};
  for (const spec of routes) {
    const status = spec.successStatus ?? 200;
    const success = spec.response
      ? {
          description: spec.htmlAlternative
            ? `${spec.summary}. text/html: ${spec.htmlAlternative}`
            : spec.summary,
          content: {
            "application/json": { schema: components.convert(spec.response, "output") },
            ...(spec.htmlAlternative ? { "text/html": { schema: text } } : {}),
          },
        }
      : {
          description: spec.summary,
          content: Object.fromEntries(
            [spec.rawContentType ?? "text/plain"].flat().map((type) => [
              type,
              {
                schema:
                  type === "application/json" && spec.rawJsonSchema
                    ? components.convert(spec.rawJsonSchema, "output")
                    : text,
              },
            ]),
          ),
        };
    const operationParameters = [
      ...parameters(components, "path", spec.params),
      ...parameters(components, "query", spec.query),
      ...parameters(components, "header", spec.headers),
    ];
    const item = paths[spec.path] ?? {};
    paths[spec.path] = item;
    item[spec.method.toLowerCase() as Method] = {
      operationId: spec.operationId,
      summary: spec.summary,
      tags: [spec.tag],
      security: spec.access === "public" ? [] : [{ cognito: [] }],
      ...(operationParameters.length ? { parameters: operationParameters } : {}),
      ...(spec.body
        ? {
            requestBody: {
              required: true,
              content: { "application/json": { schema: components.convert(spec.body, "input") } },
            },
          }
        : {}),
      responses: {
        [status]: status === 204 ? { description: spec.summary } : success,
        ...errorResponses(spec),
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "甘肃省人力资源培训专业职称申报评审系统 API",
      version: "1.0.0",
      description:
        "Errors answer a JSON body with a stable `code`, a Chinese `message` and the offending `fields`. " +
        "Out-of-scope records answer 404.",
    },
    servers: [{ url: "/" }],
    components: {
      schemas: { Error: errorBody, ...components.schemas },
      securitySchemes: { cognito: { type: "http", scheme: "bearer", bearerFormat: "JWT" } },
    },
    paths,
  };
}
