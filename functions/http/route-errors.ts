import { ERROR_CATALOGUE, type ErrorCode } from "../core/error-catalogue";
import type { RouteSpec } from "./route-spec";

/** What decides the codes every route of a kind answers: its spec, and whether roles grant it. */
export interface RouteErrorContext {
  /** The route's access-policy entry lists roles (403 for the others, 404 outside their reach). */
  roleBased: boolean;
}

/**
 * Every code a route may answer: those of the HTTP layer that follow from what the route is (it reads
 * input, it needs a login, roles grant it), then its own `errors`. The OpenAPI document lists exactly
 * these per status, and the handler group checks every refusal against them.
 */
export function routeErrorCodes(spec: RouteSpec, context: RouteErrorContext): ErrorCode[] {
  const codes: ErrorCode[] = [];
  if (spec.params || spec.query || spec.headers || spec.body) codes.push("VALIDATION_FAILED");
  if (spec.body) codes.push("MALFORMED_JSON", "PAYLOAD_TOO_LARGE");
  if (spec.access === "authenticated") codes.push("UNAUTHENTICATED", "ACCOUNT_DISABLED", "FORBIDDEN");
  if (context.roleBased) codes.push("ROLE_REMOVED_BY_RESET");
  if (spec.access === "authenticated" || spec.params) codes.push("NOT_FOUND");
  // A stalled or unreachable service, after the clients' bounded attempts (aws-clients.ts).
  codes.push("INTERNAL_ERROR", "SERVICE_UNAVAILABLE");
  for (const code of spec.errors ?? []) if (!codes.includes(code)) codes.push(code);
  return codes;
}

/** The codes grouped by the status they answer with, statuses ascending. */
export function codesByStatus(codes: readonly ErrorCode[]): Map<number, ErrorCode[]> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) {
    const { status } = ERROR_CATALOGUE[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return new Map([...byStatus].sort(([a], [b]) => a - b));
}
