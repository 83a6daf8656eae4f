import { randomUUID } from "node:crypto";
import type { APIGatewayProxyStructuredResultV2, Context, Handler } from "aws-lambda";
import { FUNCTION_TIMEOUT_SECONDS, type FunctionName } from "../../functions/function-timeouts";

// Imported on first use, like a cold start, so `npm start` does not pay for functions nobody calls.
const MODULES: Record<FunctionName, () => Promise<{ handler: Handler }>> = {
  submission: () => import("../../functions/handlers/submission/index"),
  review: () => import("../../functions/handlers/review/index"),
  publicity: () => import("../../functions/handlers/publicity/index"),
  admin: () => import("../../functions/handlers/admin/index"),
  docs: () => import("../../functions/handlers/docs/index"),
  certificate: () => import("../../functions/handlers/certificate/index"),
  workflow: () => import("../../functions/handlers/workflow/index"),
  notifier: () => import("../../functions/handlers/notifier/index"),
};

/** The same time budget as in AWS: what the idempotency records of an interrupted request expire by. */
function lambdaContext(name: FunctionName): Context {
  const deadline = Date.now() + FUNCTION_TIMEOUT_SECONDS[name] * 1000;
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: `local-${name}`,
    functionVersion: "$LATEST",
    invokedFunctionArn: `arn:aws:lambda:cn-northwest-1:000000000000:function:local-${name}`,
    memoryLimitInMB: "1024",
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/local-${name}`,
    logStreamName: "local",
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

/** Runs a function's exported handler in-process, with a Lambda-shaped context. */
export async function invokeFunction<T = APIGatewayProxyStructuredResultV2>(
  name: FunctionName,
  event: unknown,
): Promise<T> {
  const { handler } = await MODULES[name]();
  return (await handler(event, lambdaContext(name), () => undefined)) as T;
}
