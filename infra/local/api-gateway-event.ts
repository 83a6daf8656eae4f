import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from "aws-lambda";
import type { AccessClaims } from "./identity-provider";

const TEXT_TYPES = /^(text\/|application\/(json|[\w.+-]+\+json|xml|x-www-form-urlencoded|javascript))/i;

/** API Gateway joins repeated headers and query parameters with commas; so do we. */
function joinValues(values: Record<string, string | string[] | undefined>): Record<string, string> {
  const joined: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined) joined[name.toLowerCase()] = Array.isArray(value) ? value.join(",") : value;
  }
  return joined;
}

function clfTime(instant: Date): string {
  const [, day, month, year, time] = instant.toUTCString().split(" ");
  return `${day}/${month}/${year}:${time} +0000`;
}

export interface EventInput {
  request: IncomingMessage;
  url: URL;
  routeKey: string;
  pathParameters: Record<string, string>;
  body: Buffer;
  claims?: AccessClaims;
  now: Date;
}

/**
 * The payload-format-2.0 event API Gateway's HTTP API sends to Lambda, built field by field so that
 * a handler cannot tell the local server from AWS.
 */
export function buildApiGatewayEvent(input: EventInput): APIGatewayProxyEventV2WithJWTAuthorizer {
  const { request, url, body, claims, now } = input;
  const headers = joinValues(request.headers);
  const query: Record<string, string[]> = {};
  for (const [name, value] of url.searchParams) query[name] = [...(query[name] ?? []), value];
  const isText = body.length === 0 || TEXT_TYPES.test(headers["content-type"] ?? "");
  const requestId = randomUUID();
  const event: APIGatewayProxyEventV2WithJWTAuthorizer = {
    version: "2.0",
    routeKey: input.routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.replace(/^\?/, ""),
    headers,
    isBase64Encoded: !isText,
    requestContext: {
      accountId: "000000000000",
      apiId: "local",
      domainName: headers.host ?? "127.0.0.1",
      domainPrefix: (headers.host ?? "127").split(".")[0] ?? "127",
      http: {
        method: request.method ?? "GET",
        path: url.pathname,
        protocol: `HTTP/${request.httpVersion}`,
        sourceIp: request.socket.remoteAddress?.replace(/^::ffff:/, "") ?? "127.0.0.1",
        userAgent: headers["user-agent"] ?? "",
      },
      requestId,
      routeKey: input.routeKey,
      stage: "$default",
      time: clfTime(now),
      timeEpoch: now.getTime(),
      authorizer: {
        principalId: "",
        integrationLatency: 0,
        jwt: {
          // The JWT authorizer hands every claim over as a string.
          claims: Object.fromEntries(
            Object.entries(claims ?? {}).map(([name, value]) => [name, String(value)]),
          ),
          scopes: claims?.scope ? claims.scope.split(" ") : [],
        },
      },
    },
  };
  if (headers.cookie) event.cookies = headers.cookie.split(";").map((cookie) => cookie.trim());
  if (Object.keys(query).length) {
    event.queryStringParameters = Object.fromEntries(Object.entries(query).map(([k, v]) => [k, v.join(",")]));
  }
  if (Object.keys(input.pathParameters).length) event.pathParameters = input.pathParameters;
  if (body.length) event.body = isText ? body.toString("utf8") : body.toString("base64");
  return event;
}
