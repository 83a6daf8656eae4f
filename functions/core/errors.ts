import { ERROR_CATALOGUE, type ErrorCode, type RuleCode } from "./error-catalogue";

export type { ErrorCode, RuleCode } from "./error-catalogue";

/** How the HTTP layer reads an error, by the status its catalogue entry gives. */
export type ErrorKind =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "rule_violation"
  | "payload_too_large"
  | "too_many_requests"
  | "service_unavailable"
  | "internal";

const KIND_OF_STATUS: Record<number, ErrorKind> = {
  400: "bad_request",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  409: "conflict",
  413: "payload_too_large",
  422: "rule_violation",
  429: "too_many_requests",
  500: "internal",
  503: "service_unavailable",
};

export interface FieldIssue {
  /** Dotted path of the offending field, e.g. `sections.summary.text`. */
  path: string;
  message: string;
  /** The rule the field breaks, when a rule of DESIGN.md §2 does (e.g. `R6.1`). */
  rule?: string;
  /** A finer code for the field, e.g. a checklist item's `ACHIEVEMENT_AFTER_CUTOFF`. */
  code?: string;
}

export interface DomainErrorDetails {
  /** Rule id from DESIGN.md §2 (e.g. `R4.3`); defaults to the catalogue's rule of the code. */
  rule?: string;
  fields?: FieldIssue[];
  /** When to try again (HTTP `Retry-After`), for an answer that a retry may well change. */
  retryAfterSeconds?: number;
}

/**
 * An error with a stable code from the catalogue (`error-catalogue.ts`), which gives its status and
 * rule. `message` is Chinese, written for the person who must act on it; without one the catalogue's
 * general message is used.
 */
export class DomainError extends Error {
  readonly details: DomainErrorDetails;

  constructor(
    readonly code: ErrorCode,
    message?: string,
    details: DomainErrorDetails = {},
  ) {
    super(message ?? ERROR_CATALOGUE[code].message);
    this.name = "DomainError";
    const rule = details.rule ?? ERROR_CATALOGUE[code].rule;
    this.details = rule ? { ...details, rule } : details;
  }

  get status(): number {
    return ERROR_CATALOGUE[this.code].status;
  }

  get kind(): ErrorKind {
    return KIND_OF_STATUS[this.status] ?? "internal";
  }
}

/** A rule of the notice forbids the action: HTTP 422 naming the rule. */
export function ruleViolation(
  rule: string,
  code: RuleCode,
  message: string,
  fields?: FieldIssue[],
): DomainError {
  return new DomainError(code, message, fields ? { rule, fields } : { rule });
}
