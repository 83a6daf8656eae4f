/**
 * How every AWS SDK client of the functions talks to its service. Without this the SDK waits for a
 * stalled connection as long as the socket allows — far past any function's timeout — and the person
 * gets API Gateway's bare 503 after 30 s, or Lambda's timeout, instead of an answer. Here every call is
 * bounded: a connection within 1 s, a response within the request timeout, a stated number of attempts
 * (the SDK's standard retry, with jittered backoff); `worstCaseMs` is what one call can cost before it
 * fails, and test/unit/adapters/aws-clients.test.ts keeps it well under the timeout of every function
 * that calls the service (functions/function-timeouts.ts).
 */
interface ServiceSettings {
  /** Attempts per call, the first included. */
  maxAttempts: number;
  /** The SDK's Node HTTP handler options (passed as `requestHandler`), in milliseconds. */
  handler: {
    /** To establish the connection. */
    connectionTimeout: number;
    /** For the whole request and response; `throwOnRequestTimeout` makes it an error, not a warning. */
    requestTimeout: number;
    throwOnRequestTimeout: true;
    /** Without a byte either way: a stall, for transfers that may take long as a whole. */
    socketTimeout?: number;
  };
}

export const SERVICE_SETTINGS = {
  // Single-digit milliseconds normally; a 100-item transaction well under a second.
  dynamodb: {
    maxAttempts: 3,
    handler: { connectionTimeout: 1_000, requestTimeout: 2_000, throwOnRequestTimeout: true },
  },
  // Reads and server-side copies of evidence up to 20 MB; a stall is seen by 4 s without a byte.
  s3: {
    maxAttempts: 2,
    handler: {
      connectionTimeout: 1_000,
      requestTimeout: 8_000,
      socketTimeout: 4_000,
      throwOnRequestTimeout: true,
    },
  },
  stepFunctions: {
    maxAttempts: 3,
    handler: { connectionTimeout: 1_000, requestTimeout: 3_000, throwOnRequestTimeout: true },
  },
  cognito: {
    maxAttempts: 3,
    handler: { connectionTimeout: 1_000, requestTimeout: 3_000, throwOnRequestTimeout: true },
  },
  // Notifications: a failed send fails its stream record, which the event source mapping retries, so
  // more attempts here only spare a redelivery of the whole batch.
  sns: {
    maxAttempts: 5,
    handler: { connectionTimeout: 1_000, requestTimeout: 3_000, throwOnRequestTimeout: true },
  },
  ses: {
    maxAttempts: 5,
    handler: { connectionTimeout: 1_000, requestTimeout: 3_000, throwOnRequestTimeout: true },
  },
} satisfies Record<string, ServiceSettings>;

export type AwsService = keyof typeof SERVICE_SETTINGS;

/** The SDK's standard retry waits at most 100 ms × 2^attempt before each retry (jitter makes it less). */
const BACKOFF_BASE_MS = 100;

/** The longest one call can take before it fails: every attempt timing out, and the backoffs between. */
export function worstCaseMs(service: AwsService): number {
  const { maxAttempts, handler } = SERVICE_SETTINGS[service];
  let backoff = 0;
  for (let retry = 1; retry < maxAttempts; retry += 1) backoff += BACKOFF_BASE_MS * 2 ** retry;
  return maxAttempts * (handler.connectionTimeout + handler.requestTimeout) + backoff;
}

/**
 * DynamoDB Local, which the tests run on, can take seconds over two concurrent 100-item transactions that
 * DynamoDB answers in milliseconds; the test setup lengthens its request time by this factor
 * (`DYNAMODB_REQUEST_TIMEOUT_SCALE`). A deployed function never sets it: the settings above hold there.
 */
function requestTimeScale(service: AwsService): number {
  if (service !== "dynamodb") return 1;
  const scale = Number(process.env.DYNAMODB_REQUEST_TIMEOUT_SCALE ?? 1);
  return Number.isFinite(scale) && scale > 1 ? scale : 1;
}

/** Constructor settings for one service's client: `new DynamoDBClient(clientSettings("dynamodb"))`. */
export function clientSettings(service: AwsService) {
  const { maxAttempts, handler } = SERVICE_SETTINGS[service];
  return {
    maxAttempts,
    requestHandler: { ...handler, requestTimeout: handler.requestTimeout * requestTimeScale(service) },
  };
}

const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
]);

const THROTTLING = new Set([
  "ProvisionedThroughputExceededException",
  "RequestLimitExceeded",
  "ThrottlingException",
  "TooManyRequestsException",
  "SlowDown",
]);

interface SdkFailure {
  name?: string;
  code?: string;
  $fault?: string;
  $metadata?: { httpStatusCode?: number };
  cause?: unknown;
}

/**
 * A service that did not answer in time, could not be reached, or answered that it is failing or
 * overloaded — after the client's own attempts. Looks through `cause` (the idempotency layer wraps what
 * the table threw).
 */
export function isServiceUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== "object" || error === null || depth > 4) return false;
  const failure = error as SdkFailure;
  if (failure.name === "TimeoutError" || failure.name === "RequestTimeout") return true;
  if (failure.code !== undefined && NETWORK_CODES.has(failure.code)) return true;
  if (failure.name !== undefined && THROTTLING.has(failure.name)) return true;
  const status = failure.$metadata?.httpStatusCode;
  if (failure.$fault === "server" || (status !== undefined && status >= 500)) return true;
  return isServiceUnavailable(failure.cause, depth + 1);
}
