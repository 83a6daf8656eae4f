import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import middy from "@middy/core";
import type {
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyStructuredResultV2,
  Context,
} from "aws-lambda";
import type * as z from "zod/mini";
import { isServiceUnavailable } from "../adapters/aws-clients";
import { clock } from "../adapters/clock";
import { logger } from "../adapters/logger";
import { DomainError, type FieldIssue } from "../core/errors";
import { accessRuleOf } from "./access-policy";
import type { Actor } from "./actor";
import { authorize, type SubjectOf } from "./authorize";
import { type Caller, callerFromEvent } from "./caller";
import { fieldIssuesOf, mapError } from "./error-mapper";
import { httpErrors } from "./errors";
import { routeErrorCodes } from "./route-errors";
import { type RouteSpec, routeKey } from "./route-spec";
import "./validation-locale";

/** JSON bodies are forms and small records; files go straight to S3 through presigned posts. */
export const MAX_JSON_BODY_BYTES = 256 * 1024;

/** After a 503: a paused or overloaded service is usually back within seconds. */
const RETRY_AFTER_SECONDS = 5;

type Infer<T> = T extends z.ZodMiniType ? z.output<T> : undefined;

export interface RouteRequest<S extends RouteSpec> {
  params: Infer<S["params"]>;
  query: Infer<S["query"]>;
  body: Infer<S["body"]>;
  caller: S["access"] extends "authenticated" ? Caller : Caller | undefined;
  /** The caller's account and current roles, read from the table for this request. */
  actor: S["access"] extends "public" ? undefined : Actor;
  /** The records the route acts on, already checked to be in the caller's scope. */
  subject: SubjectOf<S["operationId"]>;
  now: Date;
  requestId: string;
  sourceIp: string;
  headers: Record<string, string | undefined>;
  /** For work that must know how long the invocation has left (idempotency records). */
  lambdaContext: Context;
}

/** A route that answers something other than JSON (the docs page and its assets). */
export interface RawResult {
  raw: APIGatewayProxyStructuredResultV2;
}

type RouteResult<S extends RouteSpec> = S["response"] extends z.ZodMiniType
  ? z.input<S["response"]> | (S["htmlAlternative"] extends string ? RawResult : never)
  : RawResult;

export interface BoundRoute {
  spec: RouteSpec;
  run(request: RouteRequest<RouteSpec>): Promise<unknown>;
}

export function route<S extends RouteSpec>(
  spec: S,
  run: (request: RouteRequest<S>) => Promise<RouteResult<S>>,
): BoundRoute {
  return { spec, run: run as BoundRoute["run"] };
}

export type HttpEvent = APIGatewayProxyEventV2WithJWTAuthorizer;

type Parsed<T> = { ok: true; value: T } | { ok: false; fields: FieldIssue[] };

function parsePart<T extends z.ZodMiniType | undefined>(
  schema: T,
  value: unknown,
  where: string,
): Parsed<Infer<T>> {
  if (!schema) return { ok: true, value: undefined as Infer<T> };
  const result = schema.safeParse(value ?? {});
  return result.success
    ? { ok: true, value: result.data as Infer<T> }
    : { ok: false, fields: fieldIssuesOf(result.error, where) };
}

/** Path, query and body are checked together, so one answer names every field to correct. */
function parseRequest(spec: RouteSpec, event: HttpEvent) {
  const params = parsePart(spec.params, event.pathParameters, "path");
  const query = parsePart(spec.query, event.queryStringParameters, "query");
  const headers = parsePart(spec.headers, event.headers, "header");
  const body = spec.body
    ? parsePart(spec.body, jsonBody(event, spec.maxBodyBytes ?? MAX_JSON_BODY_BYTES), "body")
    : ({ ok: true, value: undefined } as const);
  const fields = [params, query, headers, body].flatMap((part) => (part.ok ? [] : part.fields));
  if (!params.ok || !query.ok || !headers.ok || !body.ok) {
    throw new DomainError("VALIDATION_FAILED", "提交的数据不符合要求，请按提示修改后重试。", {
      fields,
    });
  }
  return { params: params.value, query: query.value, body: body.value };
}

function jsonBody(event: HttpEvent, limitBytes: number): unknown {
  if (event.body === undefined || event.body === null || event.body === "") return undefined;
  const text = event.isBase64Encoded ? Buffer.from(event.body, "base64").toString("utf8") : event.body;
  if (Buffer.byteLength(text, "utf8") > limitBytes) throw httpErrors.payloadTooLarge(limitBytes);
  try {
    return JSON.parse(text);
  } catch {
    throw httpErrors.malformedJson();
  }
}

function toResponse(spec: RouteSpec, result: unknown): APIGatewayProxyStructuredResultV2 {
  if (!spec.response || (spec.htmlAlternative && typeof result === "object" && result && "raw" in result)) {
    return (result as RawResult).raw;
  }
  const status = spec.successStatus ?? 200;
  if (status === 204) return { statusCode: 204 };
  return {
    statusCode: status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" },
    body: JSON.stringify(result),
  };
}

/** A URL that answers a page or JSON by `Accept` tells caches so, on every answer including errors. */
function varyByAccept(spec: RouteSpec | undefined, response: APIGatewayProxyStructuredResultV2) {
  if (!spec?.htmlAlternative) return response;
  return { ...response, headers: { ...response.headers, vary: "accept" } };
}

/**
 * The Lambda handler of one handler group: dispatch on the route key API Gateway sets, parse with the
 * route's zod schemas, run, and map every error through the one error mapper.
 */
export function createHandlerGroup(routes: BoundRoute[]) {
  const byKey = new Map(
    routes.map((bound) => {
      const { operationId, access } = bound.spec;
      const rule = accessRuleOf(operationId);
      // Deny by default, at start-up: a route without its entry never serves a request.
      if (!rule) {
        throw new Error(`route ${operationId} has no entry in functions/http/access-policy.ts`);
      }
      if ((rule.access === "public") !== (access === "public")) {
        throw new Error(`route ${operationId} is ${access} but its access-policy entry is ${rule.access}`);
      }
      const answers = new Set(routeErrorCodes(bound.spec, { roleBased: rule.access === "roles" }));
      return [routeKey(bound.spec), { bound, rule, answers }] as const;
    }),
  );

  const dispatch = async (event: HttpEvent, context: Context): Promise<APIGatewayProxyStructuredResultV2> => {
    // When the request arrived: the deadlines judge this instant, not how long the checks before took.
    const now = clock().now();
    const requestId = event.requestContext?.requestId ?? context.awsRequestId;
    const entry = byKey.get(event.routeKey);
    try {
      if (!entry) throw httpErrors.routeNotFound();
      const { bound, rule } = entry;
      const { spec } = bound;
      const caller = callerFromEvent(event);
      if (spec.access === "authenticated" && !caller) throw httpErrors.unauthenticated();
      const parsed = parseRequest(spec, event);
      const authorized =
        rule.access === "public" || !caller
          ? undefined
          : await authorize(rule, caller, (parsed.params ?? {}) as Record<string, unknown>);
      const request: RouteRequest<RouteSpec> = {
        ...parsed,
        caller: caller as Caller,
        actor: authorized?.actor as Actor,
        subject: (authorized?.subject ?? {}) as RouteRequest<RouteSpec>["subject"],
        now,
        requestId,
        sourceIp: event.requestContext?.http?.sourceIp ?? "",
        headers: event.headers ?? {},
        lambdaContext: context,
      };
      return varyByAccept(spec, toResponse(spec, await bound.run(request)));
    } catch (error) {
      if (entry && error instanceof DomainError && !entry.answers.has(error.code)) {
        // Still answered as thrown, so a person reads the real reason; the contract must be amended.
        logger.error("error code missing from the route's contract", {
          operationId: entry.bound.spec.operationId,
          code: error.code,
        });
      }
      // A stalled or unreachable service, after the clients' bounded attempts: the person retries later.
      const unavailable = isServiceUnavailable(error);
      if (unavailable)
        logger.warn("service unavailable", { error: error as Error, routeKey: event.routeKey });
      const { response, unexpected } = mapError(
        unavailable ? httpErrors.serviceUnavailable(RETRY_AFTER_SECONDS) : error,
        requestId,
      );
      if (unexpected) logger.error("unhandled error", { error: error as Error, routeKey: event.routeKey });
      return varyByAccept(entry?.bound.spec, response);
    }
  };

  return middy<HttpEvent, APIGatewayProxyStructuredResultV2>()
    .use(injectLambdaContext(logger))
    .handler(dispatch);
}
