import type { APIGatewayProxyEventV2WithJWTAuthorizer } from "aws-lambda";

/**
 * Who is calling, as far as the token says. The token proves identity only: roles and scope are read
 * from the table on every request (issue #4), never trusted from claims.
 */
export interface Caller {
  sub: string;
  username: string;
}

export function callerFromEvent(event: Partial<APIGatewayProxyEventV2WithJWTAuthorizer>): Caller | undefined {
  const claims = event.requestContext?.authorizer?.jwt?.claims;
  const sub = claims?.sub;
  if (typeof sub !== "string" || sub === "") return undefined;
  const username = claims?.["cognito:username"] ?? claims?.username;
  return { sub, username: typeof username === "string" ? username : sub };
}
