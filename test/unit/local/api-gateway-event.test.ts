import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { buildApiGatewayEvent } from "../../../infra/local/api-gateway-event";

function request(headers: Record<string, string | string[]>, method = "POST"): IncomingMessage {
  return {
    headers,
    method,
    httpVersion: "1.1",
    socket: { remoteAddress: "::ffff:127.0.0.1" },
  } as unknown as IncomingMessage;
}

describe("API Gateway v2 event built by the local server", () => {
  const now = new Date("2024-10-20T15:59:59.999Z");

  it("carries route, path, query, headers, body and time like API Gateway", () => {
    const event = buildApiGatewayEvent({
      request: request({ "content-type": "application/json", "x-multi": ["a", "b"], host: "127.0.0.1:3000" }),
      url: new URL("http://127.0.0.1/rounds/2024?state=draft&state=submitted&page=2"),
      routeKey: "GET /rounds/{roundId}",
      pathParameters: { roundId: "2024" },
      body: Buffer.from('{"a":1}'),
      now,
    });
    expect(event.version).toBe("2.0");
    expect(event.routeKey).toBe("GET /rounds/{roundId}");
    expect(event.rawPath).toBe("/rounds/2024");
    expect(event.rawQueryString).toBe("state=draft&state=submitted&page=2");
    expect(event.queryStringParameters).toEqual({ state: "draft,submitted", page: "2" });
    expect(event.headers["x-multi"]).toBe("a,b");
    expect(event.pathParameters).toEqual({ roundId: "2024" });
    expect(event.body).toBe('{"a":1}');
    expect(event.isBase64Encoded).toBe(false);
    expect(event.requestContext.timeEpoch).toBe(now.getTime());
    expect(event.requestContext.time).toBe("20/Oct/2024:15:59:59 +0000");
    expect(event.requestContext.http.sourceIp).toBe("127.0.0.1");
  });

  it("base64-encodes binary bodies", () => {
    const bytes = Buffer.from([0x25, 0x50, 0x44, 0x46, 0xff, 0x00]);
    const event = buildApiGatewayEvent({
      request: request({ "content-type": "application/pdf" }),
      url: new URL("http://127.0.0.1/x"),
      routeKey: "POST /x",
      pathParameters: {},
      body: bytes,
      now,
    });
    expect(event.isBase64Encoded).toBe(true);
    expect(Buffer.from(event.body ?? "", "base64")).toEqual(bytes);
  });

  it("places the JWT claims as strings where the JWT authorizer puts them", () => {
    const event = buildApiGatewayEvent({
      request: request({}, "GET"),
      url: new URL("http://127.0.0.1/me"),
      routeKey: "GET /me",
      pathParameters: {},
      body: Buffer.alloc(0),
      now,
      claims: {
        sub: "abc",
        "cognito:username": "office-admin",
        token_use: "access",
        client_id: "local-portal",
        scope: "aws.cognito.signin.user.admin",
        exp: 1729440000,
      },
    });
    expect(event.requestContext.authorizer.jwt.claims).toMatchObject({ sub: "abc", exp: "1729440000" });
    expect(event.requestContext.authorizer.jwt.scopes).toEqual(["aws.cognito.signin.user.admin"]);
    expect(event.pathParameters).toBeUndefined();
    expect(event.queryStringParameters).toBeUndefined();
    expect(event.body).toBeUndefined();
  });
});
