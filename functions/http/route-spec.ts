import type * as z from "zod/mini";
import type { ErrorCode } from "../core/error-catalogue";

/** The Lambda functions that serve the HTTP API; each bundles only its own routes. */
export type HandlerGroup = "submission" | "review" | "publicity" | "admin" | "docs" | "certificate";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * What a route is, without what it does: CDK reads it to create API Gateway routes and pick the
 * authorizer, the local server to match requests, and the OpenAPI generator to document it.
 */
export interface RouteSpec {
  operationId: string;
  method: HttpMethod;
  /** API Gateway path template, e.g. `/rounds/{roundId}`. */
  path: string;
  group: HandlerGroup;
  /** `public` routes have no authorizer; every other route needs a valid JWT. */
  access: "public" | "authenticated";
  summary: string;
  tag: string;
  params?: z.ZodMiniObject;
  query?: z.ZodMiniObject;
  /** Request headers the route reads, by their lower-case names (API Gateway passes them so). */
  headers?: z.ZodMiniObject;
  body?: z.ZodMiniType;
  /** A JSON body larger than the default (256 KiB) the route accepts: bulk imports. */
  maxBodyBytes?: number;
  /** JSON answer; absent for routes that answer HTML or files. */
  response?: z.ZodMiniType;
  /** Content type of an answer the route writes itself (a page, a file, the contract), for the document. */
  rawContentType?: string | readonly string[];
  /** The schema of such an answer when it is JSON (the audit export's json form, the contract itself). */
  rawJsonSchema?: z.ZodMiniType;
  /**
   * The same URL also answers an HTML page, to a client whose `Accept` ranks `text/html` above JSON
   * (content negotiation); describes that page for the OpenAPI document. Answers carry `Vary: Accept`.
   */
  htmlAlternative?: string;
  successStatus?: 200 | 201 | 202 | 204;
  /**
   * The codes of the catalogue this route answers besides those every route of its kind answers (see
   * `route-errors.ts`). The handler group logs any other code as a breach of the contract, the end-to-end
   * tests refuse it, and `test/unit/http/error-contract.test.ts` fails for a code the route's code can
   * throw that is not listed.
   */
  errors?: readonly ErrorCode[];
}

export function routeKey(spec: Pick<RouteSpec, "method" | "path">): string {
  return `${spec.method} ${spec.path}`;
}

export function defineRoute<const S extends RouteSpec>(spec: S): S {
  return spec;
}
