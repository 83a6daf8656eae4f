import { describe, expect, it } from "vitest";
import {
  type AwsService,
  clientSettings,
  isServiceUnavailable,
  SERVICE_SETTINGS,
  worstCaseMs,
} from "../../../functions/adapters/aws-clients";
import {
  API_GATEWAY_TIMEOUT_SECONDS,
  FUNCTION_SERVICES,
  FUNCTION_TIMEOUT_SECONDS,
  type FunctionName,
} from "../../../functions/function-timeouts";

/** What the function still needs after a call failed: map the error, log, answer. */
const ANSWER_MARGIN_MS = 2_000;

describe("every AWS SDK client is bounded (aws-clients.ts)", () => {
  it.each(Object.keys(FUNCTION_SERVICES) as FunctionName[])(
    "%s: one call to each service it uses fails, after all its attempts, well before the function's timeout",
    (name) => {
      for (const service of FUNCTION_SERVICES[name]) {
        const { handler } = SERVICE_SETTINGS[service];
        // Each attempt is a fraction of the budget, and all of them with their backoffs leave time to answer.
        expect(handler.connectionTimeout + handler.requestTimeout, service).toBeLessThanOrEqual(
          (FUNCTION_TIMEOUT_SECONDS[name] * 1000) / 2.5,
        );
        expect(worstCaseMs(service) + ANSWER_MARGIN_MS, service).toBeLessThanOrEqual(
          FUNCTION_TIMEOUT_SECONDS[name] * 1000,
        );
      }
    },
  );

  it("states its attempts and turns a request over its time into an error, never a warning", () => {
    for (const service of Object.keys(SERVICE_SETTINGS) as AwsService[]) {
      const settings = clientSettings(service);
      expect(settings.maxAttempts).toBeGreaterThanOrEqual(2);
      expect(settings.requestHandler).toMatchObject({
        connectionTimeout: expect.any(Number),
        requestTimeout: expect.any(Number),
        throwOnRequestTimeout: true,
      });
    }
  });

  it("worst case: every attempt times out, plus the standard retry's backoffs", () => {
    expect(worstCaseMs("dynamodb")).toBe(3 * (1_000 + 2_000) + 200 + 400);
    expect(worstCaseMs("s3")).toBe(2 * (1_000 + 8_000) + 200);
  });

  it("the functions behind the API answer before API Gateway gives up", () => {
    for (const name of ["submission", "review", "publicity", "admin", "docs", "certificate"] as const) {
      expect(FUNCTION_TIMEOUT_SECONDS[name]).toBeLessThan(API_GATEWAY_TIMEOUT_SECONDS);
    }
  });
});

describe("isServiceUnavailable: what a retry may cure", () => {
  it.each([
    ["a request timeout", { name: "TimeoutError", code: "ETIMEDOUT" }],
    ["an idle socket", { name: "TimeoutError" }],
    ["a refused connection", { code: "ECONNREFUSED" }],
    ["a reset connection", { code: "ECONNRESET" }],
    ["a server fault", { name: "InternalServerError", $fault: "server", $metadata: { httpStatusCode: 500 } }],
    ["a gateway's 502", { name: "Unknown", $fault: "client", $metadata: { httpStatusCode: 502 } }],
    ["throttling", { name: "ProvisionedThroughputExceededException", $fault: "client" }],
    ["S3 slowing down", { name: "SlowDown", $metadata: { httpStatusCode: 503 } }],
    ["a wrapped timeout", { name: "IdempotencyPersistenceLayerError", cause: { name: "TimeoutError" } }],
  ])("%s is", (_name, error) => {
    expect(isServiceUnavailable(Object.assign(new Error("x"), error))).toBe(true);
  });

  it.each([
    ["a failed condition", { name: "ConditionalCheckFailedException", $fault: "client" }],
    ["a validation error", { name: "ValidationException", $metadata: { httpStatusCode: 400 } }],
    ["a missing object", { name: "NoSuchKey", $metadata: { httpStatusCode: 404 } }],
    ["a plain bug", { name: "TypeError" }],
    ["nothing", undefined],
  ])("%s is not", (_name, error) => {
    expect(isServiceUnavailable(error === undefined ? undefined : Object.assign(new Error("x"), error))).toBe(
      false,
    );
  });
});
