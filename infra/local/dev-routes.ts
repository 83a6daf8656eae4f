import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import * as z from "zod/mini";
import { authenticateLocally } from "../../functions/adapters/identity/local-identity-provider";
import { DomainError } from "../../functions/core/errors";
import { integer } from "../../functions/core/validation/integer";
import { mapError } from "../../functions/http/error-mapper";
import { httpErrors } from "../../functions/http/errors";
import type { LocalIdentityProvider } from "./identity-provider";
import type { NotificationSink } from "./notification-sink";
import type { LocalStreamConsumer } from "./stream-consumer";
import type { VirtualClock } from "./virtual-clock";

const loginBody = z.object({
  username: z.string().check(z.minLength(1, "请输入用户名")),
  password: z.string().check(z.minLength(1, "请输入密码")),
});

const clockBody = z
  .object({
    at: z.optional(
      z.iso.datetime({
        offset: true,
        message: "at 须为带时区的 ISO 8601 时间，如 2024-09-11T00:00:00+08:00",
      }),
    ),
    advanceSeconds: z.optional(integer("advanceSeconds 须为秒数", "advanceSeconds 须为整数")),
    frozen: z.optional(z.boolean()),
  })
  .check(
    z.refine((body) => (body.at === undefined) !== (body.advanceSeconds === undefined), {
      message: "请给出 at（设定时间）或 advanceSeconds（拨快/拨慢秒数）之一",
    }),
  );

const failuresBody = z.strictObject({
  count: integer("count 须为整数", "count 须为整数").check(z.gte(0)).check(z.lte(100, "count 不超过100")),
});

function json(statusCode: number, body: unknown): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode,
    headers: { "content-type": "application/json; charset=utf-8" },
    body: JSON.stringify(body),
  };
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString("utf8") || "{}");
  } catch {
    throw httpErrors.malformedJson();
  }
}

/**
 * Routes that exist only on the local runtime: logging in (Cognito's hosted flows in AWS), the virtual
 * clock, and the notification sink (SNS and SES in AWS). They are not part of the API contract and
 * never reach AWS.
 */
export class DevRoutes {
  constructor(
    private readonly idp: LocalIdentityProvider,
    private readonly clock: VirtualClock,
    private readonly sink: NotificationSink,
    private readonly stream: LocalStreamConsumer,
  ) {}

  async handle(method: string, url: URL, body: Buffer): Promise<APIGatewayProxyStructuredResultV2> {
    try {
      if (url.pathname === "/dev/login" && method === "POST") return await this.login(body);
      if (url.pathname === "/dev/clock" && method === "GET") return this.readClock();
      if (url.pathname === "/dev/clock" && method === "POST") return this.setClock(body);
      if (url.pathname === "/dev/outbox" && method === "GET") return this.readOutbox();
      if (url.pathname === "/dev/outbox/failures" && method === "POST") return this.injectFailures(body);
      if (url.pathname === "/dev/outbox/redelivery" && method === "POST") return await this.redeliver();
      throw httpErrors.routeNotFound();
    } catch (error) {
      return mapError(error).response;
    }
  }

  private async login(body: Buffer): Promise<APIGatewayProxyStructuredResultV2> {
    const { username, password } = loginBody.parse(parseJson(body));
    const user = await authenticateLocally(username, password);
    if (!user) throw new DomainError("INVALID_CREDENTIALS", "用户名或密码错误，请核对后重试。");
    const token = await this.idp.issue(user.sub, user.username, this.clock.now());
    return json(200, { ...token, tokenType: "Bearer" });
  }

  /** What the notifier sent, oldest first, the records given up on, and the failed attempts so far. */
  private readOutbox(): APIGatewayProxyStructuredResultV2 {
    return json(200, {
      delivered: this.sink.delivered,
      deadLetters: this.sink.deadLetters,
      failedAttempts: this.sink.failedAttempts,
    });
  }

  /** The next `count` sends fail, to watch the retries (and the dead letters after them). */
  private injectFailures(body: Buffer): APIGatewayProxyStructuredResultV2 {
    const { count } = failuresBody.parse(parseJson(body));
    this.sink.failNext(count);
    return json(200, { failNext: count });
  }

  /** Every outbox record handed to the notifier once more, as a stream redelivering after a crash. */
  private async redeliver(): Promise<APIGatewayProxyStructuredResultV2> {
    const before = this.sink.delivered.length;
    const records = await this.stream.redeliver();
    return json(200, { records, sentAgain: this.sink.delivered.length - before });
  }

  private readClock(): APIGatewayProxyStructuredResultV2 {
    return json(200, { now: this.clock.now().toISOString(), frozen: this.clock.frozen });
  }

  private setClock(body: Buffer): APIGatewayProxyStructuredResultV2 {
    const request = clockBody.parse(parseJson(body));
    const frozen = request.frozen ?? this.clock.frozen;
    if (request.at !== undefined) this.clock.set(new Date(request.at), frozen);
    else this.clock.set(new Date(this.clock.now().getTime() + (request.advanceSeconds ?? 0) * 1000), frozen);
    return this.readClock();
  }
}
