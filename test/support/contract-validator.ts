import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { buildOpenApiDocument } from "../../functions/http/openapi";
import { ROUTES } from "../../functions/http/route-catalogue";
import { RouteMatcher } from "../../infra/local/route-matcher";

/**
 * Every JSON answer the end-to-end tests receive is checked against the contract: the schema the
 * OpenAPI document gives its route for that status (JSON Schema draft 2020-12, as OpenAPI 3.1 uses),
 * errors included — so an undocumented status, a field the document does not describe, or an error
 * code the route's contract does not list fails the test that met it.
 */
const document = buildOpenApiDocument(ROUTES) as unknown as {
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>
  >;
  components: Record<string, unknown>;
};

const CONTRACT_ID = "https://title-review.invalid/openapi.json";

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
// The document is one schema resource; each answer's schema is reached by its JSON pointer in it.
ajv.addSchema({ $id: CONTRACT_ID, components: document.components, paths: document.paths });

const matcher = new RouteMatcher(ROUTES);
const compiled = new Map<string, ValidateFunction>();

const pointer = (...parts: string[]) =>
  parts.map((part) => part.replaceAll("~", "~0").replaceAll("/", "~1")).join("/");

export class ContractViolation extends Error {
  override name = "ContractViolation";
}

/** Checks one answer; routes outside the contract (the local `/dev` routes) and non-JSON bodies pass. */
export function validateAnswer(
  method: string,
  url: string,
  status: number,
  contentType: string,
  body: string,
): void {
  const { pathname } = new URL(url);
  const match = matcher.match(method, pathname);
  if (match.kind === "none" || !contentType.includes("application/json")) return;
  const { spec } = match;
  const operation = document.paths[spec.path]?.[method.toLowerCase()];
  const response = operation?.responses[String(status)];
  const where = `${method} ${spec.path} → ${status}`;
  if (!response?.content?.["application/json"]) {
    throw new ContractViolation(
      `${where}: the contract documents no JSON answer for this status: ${body.slice(0, 300)}`,
    );
  }
  const key = `${spec.operationId} ${status}`;
  let validate = compiled.get(key);
  if (!validate) {
    const ref = `${CONTRACT_ID}#/${pointer("paths", spec.path, method.toLowerCase(), "responses", String(status), "content", "application/json", "schema")}`;
    validate = ajv.compile({ $ref: ref });
    compiled.set(key, validate);
  }
  const data: unknown = body === "" ? undefined : JSON.parse(body);
  if (!validate(data)) {
    const problems = (validate.errors ?? []).map(
      (error) => `${error.instancePath || "/"} ${error.message ?? ""} ${JSON.stringify(error.params)}`,
    );
    throw new ContractViolation(
      `${where}: the answer does not match the contract:\n${problems.join("\n")}\n${body.slice(0, 500)}`,
    );
  }
}

/** The same check as a fetch wrapper: answers the response untouched after checking a copy. */
export async function checkedFetch(input: Request): Promise<Response> {
  const response = await fetch(input);
  const body = await response.clone().text();
  validateAnswer(input.method, input.url, response.status, response.headers.get("content-type") ?? "", body);
  return response;
}

/** `fetch` for a call to the API the client helpers do not cover (custom headers): checked the same way. */
export function apiFetch(url: string, init?: RequestInit): Promise<Response> {
  return checkedFetch(new Request(url, init));
}
