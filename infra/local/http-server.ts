import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import type { DomainError } from "../../functions/core/errors";
import { mapError } from "../../functions/http/error-mapper";
import { httpErrors } from "../../functions/http/errors";
import { routeKey } from "../../functions/http/route-spec";
import { buildApiGatewayEvent } from "./api-gateway-event";
import type { DevRoutes } from "./dev-routes";
import type { LocalIdentityProvider } from "./identity-provider";
import { invokeFunction } from "./lambda-host";
import type { RouteMatcher } from "./route-matcher";
import type { VirtualClock } from "./virtual-clock";

/** API Gateway's HTTP API refuses payloads over 10 MB; so does the local server. */
export const MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;

export interface LocalServerDeps {
  matcher: RouteMatcher;
  idp: LocalIdentityProvider;
  clock: VirtualClock;
  devRoutes: DevRoutes;
}

class PayloadTooLarge extends Error {}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_PAYLOAD_BYTES) {
        reject(new PayloadTooLarge());
        request.resume();
        return;
      }
      chunks.push(chunk);
    });
    request.on("end", () => resolveBody(Buffer.concat(chunks)));
    request.on("error", reject);
  });
}

function send(response: ServerResponse, result: APIGatewayProxyStructuredResultV2): void {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(result.headers ?? {})) headers[name] = String(value);
  if (result.cookies?.length) headers["set-cookie"] = result.cookies;
  const body =
    result.body === undefined
      ? undefined
      : Buffer.from(result.body, result.isBase64Encoded ? "base64" : "utf8");
  response.writeHead(result.statusCode ?? 200, headers);
  response.end(body);
}

function sendError(response: ServerResponse, error: DomainError): void {
  send(response, mapError(error).response);
}

function bearerToken(request: IncomingMessage): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  // API Gateway's JWT authorizer accepts the token with or without the Bearer prefix.
  return header.replace(/^Bearer\s+/i, "").trim() || undefined;
}

/**
 * The local stand-in for API Gateway: match the route, enforce the payload limit and the JWT
 * authorizer, build the v2 event and run the function in-process.
 */
export function createLocalServer(deps: LocalServerDeps): Server {
  return createServer(async (request, response) => {
    try {
      const url = new URL(request.url ?? "/", "http://127.0.0.1");
      const method = request.method ?? "GET";
      let body: Buffer;
      try {
        body = await readBody(request);
      } catch (error) {
        if (error instanceof PayloadTooLarge) {
          response.setHeader("connection", "close");
          return sendError(response, httpErrors.payloadTooLarge(MAX_PAYLOAD_BYTES));
        }
        throw error;
      }
      if (url.pathname.startsWith("/dev/"))
        return send(response, await deps.devRoutes.handle(method, url, body));

      const matched = deps.matcher.match(method, url.pathname);
      if (matched.kind === "none") return sendError(response, httpErrors.routeNotFound());
      const now = deps.clock.now();
      let claims: Awaited<ReturnType<LocalIdentityProvider["verify"]>>;
      if (matched.spec.access === "authenticated") {
        const token = bearerToken(request);
        claims = token ? await deps.idp.verify(token, now) : undefined;
        if (!claims) return sendError(response, httpErrors.unauthenticated());
      }
      const event = buildApiGatewayEvent({
        request,
        url,
        routeKey: routeKey(matched.spec),
        pathParameters: matched.pathParameters,
        body,
        now,
        ...(claims ? { claims } : {}),
      });
      send(response, await invokeFunction(matched.spec.group, event));
    } catch (error) {
      const { response: answer } = mapError(error);
      console.error("local server error", error);
      send(response, answer);
    }
  });
}
