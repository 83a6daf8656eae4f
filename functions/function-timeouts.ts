import type { AwsService } from "./adapters/aws-clients";

/**
 * How long each function may run, in seconds: the CDK stack deploys these and the local runtime gives
 * every invocation the same budget (the Lambda context's remaining time, which the idempotency record of
 * an interrupted submission expires by). Each covers two things: the function's slowest operation, and
 * one call to each service it uses failing after all its attempts (aws-clients.ts), so that the function
 * answers 503 itself instead of being cut off. `npm run bench` (figure 10; alone: `npm run bench:timeouts`)
 * runs the slowest operations of the submission and workflow functions against DynamoDB Local and s3rver
 * and holds each against this table, target half the timeout (Lambda's share of a CPU is smaller than the
 * bench machine's); the times quoted below are its medians and maxima there. Every function behind the
 * HTTP API stays under API Gateway's 30 s, so a person never waits for the gateway's own timeout.
 */
export const FUNCTION_TIMEOUT_SECONDS = {
  // Merging 20 scans of 150 dpi (19 MB) into one PDF: 7.3 s on a quiet machine, up to 13.6 s on a busy one —
  // over half of the 25 s this was, so 28 s, still under the gateway's 30 s. Completing a 20 MB PDF of 100
  // pages: under 1.4 s.
  // An S3 call failing takes 18.2 s.
  submission: 28,
  review: 15,
  publicity: 15,
  // The blacklist import of 2,000 rows: 40 transactions of 100 items; a Cognito call failing takes 12.6 s.
  admin: 20,
  docs: 10,
  // Subsetting the 15 MB CJK font, one ID photo read, the page.
  certificate: 25,
  // A deadline sweep step of 1,000 transitions: up to 7.2 s; a purge batch of 1,600 items and 1,000
  // objects: up to 1.6 s. Kept well above them: the step's transitions each wait on DynamoDB, whose
  // throttling in a real table backs off where DynamoDB Local never does.
  workflow: 300,
  // A stream batch of ten outbox items, each sent to one or a few people.
  notifier: 60,
} as const;

export type FunctionName = keyof typeof FUNCTION_TIMEOUT_SECONDS;

/** The services each function calls at run time (the docs function serves files it carries). */
export const FUNCTION_SERVICES: Readonly<Record<FunctionName, readonly AwsService[]>> = {
  submission: ["dynamodb", "s3", "cognito"],
  review: ["dynamodb"],
  publicity: ["dynamodb"],
  admin: ["dynamodb", "cognito", "stepFunctions"],
  docs: [],
  certificate: ["dynamodb", "s3"],
  workflow: ["dynamodb", "s3", "stepFunctions"],
  notifier: ["dynamodb", "sns", "ses"],
};

/** API Gateway's maximum integration timeout for HTTP APIs. */
export const API_GATEWAY_TIMEOUT_SECONDS = 30;
