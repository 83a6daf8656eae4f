/**
 * Errors the domain raises. The HTTP layer maps `kind` to a status code; `code` is stable and
 * machine-readable; `message` is Chinese, written for the person who must act on it.
 */
export type ErrorKind =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "rule_violation"
  | "payload_too_large"
  | "too_many_requests"
  | "service_unavailable";

export interface FieldIssue {
  /** Dotted path of the offending field, e.g. `sections.summary.text`. */
  path: string;
  message: string;
}

export interface DomainErrorDetails {
  /** Rule id from DESIGN.md §2 (e.g. `R4.3`) when a rule forbids the action. */
  rule?: string;
  fields?: FieldIssue[];
  /** When to try again (HTTP `Retry-After`), for an answer that a retry may well change. */
  retryAfterSeconds?: number;
}

export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly details: DomainErrorDetails = {},
  ) {
    super(message);
    this.name = "DomainError";
  }
}

/** A rule of the notice forbids the action: HTTP 422 naming the rule. */
export function ruleViolation(
  rule: string,
  code: string,
  message: string,
  fields?: FieldIssue[],
): DomainError {
  return new DomainError("rule_violation", code, message, fields ? { rule, fields } : { rule });
}
