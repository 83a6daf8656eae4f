import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { APIGatewayProxyEventV2WithJWTAuthorizer, Context } from "aws-lambda";
import { ROUTES } from "../../functions/http/route-catalogue";
import { routeKey } from "../../functions/http/route-spec";
import { buildApiGatewayEvent } from "../../infra/local/api-gateway-event";
import { RouteMatcher } from "../../infra/local/route-matcher";
import type { BenchSystem } from "../system/bench-system";

const matcher = new RouteMatcher(ROUTES);

export interface LambdaRequest {
  method: string;
  path: string;
  token?: string;
}

/**
 * The event API Gateway would hand the function for this request, built by the local runtime's own
 * builder, with the claims its JWT authorizer would pass: what an in-process invocation receives.
 */
export async function apiEvent(
  bench: BenchSystem,
  request: LambdaRequest,
): Promise<{ group: string; event: APIGatewayProxyEventV2WithJWTAuthorizer }> {
  const url = new URL(request.path, "http://127.0.0.1");
  const matched = matcher.match(request.method, url.pathname);
  if (matched.kind !== "route") throw new Error(`no route for ${request.method} ${request.path}`);
  const now = bench.system.clock.now();
  const claims = request.token ? await bench.idp.verify(request.token, now) : undefined;
  if (request.token && !claims) throw new Error("the token did not verify");
  const incoming = {
    method: request.method,
    httpVersion: "1.1",
    headers: {
      host: "127.0.0.1",
      "user-agent": "bench",
      ...(request.token ? { authorization: `Bearer ${request.token}` } : {}),
    },
    socket: { remoteAddress: "127.0.0.1" },
  } as unknown as IncomingMessage;
  const event = buildApiGatewayEvent({
    request: incoming,
    url,
    routeKey: routeKey(matched.spec),
    pathParameters: matched.pathParameters,
    body: Buffer.alloc(0),
    now,
    ...(claims ? { claims } : {}),
  });
  return { group: matched.spec.group, event };
}

export function lambdaContext(name: string): Context {
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: `bench-${name}`,
    functionVersion: "$LATEST",
    invokedFunctionArn: `arn:aws:lambda:cn-northwest-1:000000000000:function:bench-${name}`,
    memoryLimitInMB: "1024",
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/bench-${name}`,
    logStreamName: "bench",
    getRemainingTimeInMillis: () => 30_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
