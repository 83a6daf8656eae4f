import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { $ZodError } from "zod/v4/core";
import { ERROR_CATALOGUE, type ErrorCode } from "../core/error-catalogue";
import { DomainError, type FieldIssue } from "../core/errors";

/** The JSON body of every error answer (DESIGN.md §11). */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  rule?: string;
  fields?: FieldIssue[];
  requestId?: string;
}

/** Zod issues become field errors, so a form can point at the exact input to correct. */
export function fieldIssuesOf(error: $ZodError, prefix?: string): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter((part) => part !== undefined && part !== "").join("."),
    message: issue.message,
  }));
}

export function errorResponse(
  status: number,
  body: ErrorBody,
  retryAfterSeconds?: number,
): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: status,
    headers: {
      "content-type": "application/json; charset=utf-8",
      "cache-control": "no-store",
      ...(retryAfterSeconds === undefined ? {} : { "retry-after": String(retryAfterSeconds) }),
    },
    body: JSON.stringify(body),
  };
}

/**
 * The one place where anything thrown becomes an HTTP answer. Unknown errors answer 500 with a generic
 * message: their details go to the log, never to the client.
 */
export function mapError(
  error: unknown,
  requestId?: string,
): { response: APIGatewayProxyStructuredResultV2; unexpected: boolean } {
  const withId = (body: ErrorBody): ErrorBody => (requestId ? { ...body, requestId } : body);
  if (error instanceof DomainError) {
    const body: ErrorBody = { code: error.code, message: error.message };
    if (error.details.rule) body.rule = error.details.rule;
    if (error.details.fields?.length) body.fields = error.details.fields;
    return {
      response: errorResponse(error.status, withId(body), error.details.retryAfterSeconds),
      unexpected: false,
    };
  }
  if (error instanceof $ZodError) {
    return {
      response: errorResponse(
        400,
        withId({
          code: "VALIDATION_FAILED",
          message: ERROR_CATALOGUE.VALIDATION_FAILED.message,
          fields: fieldIssuesOf(error),
        }),
      ),
      unexpected: false,
    };
  }
  return {
    response: errorResponse(
      500,
      withId({
        code: "INTERNAL_ERROR",
        message: ERROR_CATALOGUE.INTERNAL_ERROR.message,
      }),
    ),
    unexpected: true,
  };
}
