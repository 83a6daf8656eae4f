import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { NotificationChannel } from "../../functions/adapters/notify/channel";

/**
 * The SNS and SES adapter with the real SDK clients, against a loopback server standing in for the two
 * services (no emulator exists for them): what each request carries, and the SDK's retries with backoff
 * when the service answers 5xx.
 */
interface Received {
  path: string;
  contentType: string;
  body: string;
}

let server: Server;
let received: Received[] = [];
let failuresLeft = 0;
let channel: NotificationChannel;

function bodyOf(request: IncomingMessage): Promise<string> {
  return new Promise((resolveBody) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolveBody(Buffer.concat(chunks).toString("utf8")));
  });
}

beforeAll(async () => {
  server = createServer(async (request, response) => {
    const body = await bodyOf(request);
    received.push({ path: request.url ?? "", contentType: String(request.headers["content-type"]), body });
    if (failuresLeft > 0) {
      failuresLeft -= 1;
      response.writeHead(503, { "content-type": "text/plain" }).end("Service Unavailable");
      return;
    }
    if (request.url?.startsWith("/v2/email/outbound-emails")) {
      response
        .writeHead(200, { "content-type": "application/json" })
        .end(JSON.stringify({ MessageId: "ses-1" }));
      return;
    }
    response
      .writeHead(200, { "content-type": "text/xml" })
      .end(
        '<PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><PublishResult><MessageId>sns-1</MessageId>' +
          "</PublishResult><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></PublishResponse>",
      );
  });
  await new Promise<void>((resolveListen) => server.listen(0, "127.0.0.1", () => resolveListen()));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_SNS: endpoint,
    AWS_ENDPOINT_URL_SESV2: endpoint,
    NOTIFICATION_EMAIL_SENDER: "zcps@mail.gansu.gov.cn",
  });
  // The clients read their endpoints when the module loads, as in Lambda.
  channel = (await import("../../functions/adapters/notify/aws-channels")).awsChannel;
});

afterAll(async () => {
  await new Promise((resolveClose) => server.close(resolveClose));
});

beforeEach(() => {
  received = [];
  failuresLeft = 0;
});

const message = {
  address: "13800138000",
  subject: "申报材料被单位退回修改",
  text: "【甘肃职称评审】王一，您好：您的申报材料被单位退回修改。",
  deliveryKey: "item#acc-1",
};

describe("SMS by Amazon SNS, e-mail by Amazon SES (DESIGN.md §7a)", () => {
  it("publishes a transactional text message to the mainland number in E.164", async () => {
    expect(await channel.send({ ...message, channel: "sms" })).toEqual({ messageId: "sns-1" });
    expect(received).toHaveLength(1);
    const form = new URLSearchParams(received[0]?.body);
    expect(form.get("Action")).toBe("Publish");
    expect(form.get("PhoneNumber")).toBe("+8613800138000");
    expect(form.get("Message")).toBe(message.text);
    expect(form.get("MessageAttributes.entry.1.Name")).toBe("AWS.SNS.SMS.SMSType");
    expect(form.get("MessageAttributes.entry.1.Value.StringValue")).toBe("Transactional");
  });

  it("sends an e-mail from the deployment's sender, subject and text in UTF-8", async () => {
    const sent = await channel.send({ ...message, channel: "email", address: "wangyi@example.cn" });
    expect(sent).toEqual({ messageId: "ses-1" });
    const request = JSON.parse(received[0]?.body ?? "{}");
    expect(request).toEqual({
      FromEmailAddress: "zcps@mail.gansu.gov.cn",
      Destination: { ToAddresses: ["wangyi@example.cn"] },
      Content: {
        Simple: {
          Subject: { Data: message.subject, Charset: "UTF-8" },
          Body: { Text: { Data: message.text, Charset: "UTF-8" } },
        },
      },
    });
  });

  it("retries a service that answers 503 with backoff, and sends once it answers", async () => {
    failuresLeft = 2;
    expect(await channel.send({ ...message, channel: "sms" })).toEqual({ messageId: "sns-1" });
    expect(received).toHaveLength(3);
  });

  it("gives up after five attempts: the item fails, and the stream retries it later", async () => {
    failuresLeft = 10;
    await expect(
      channel.send({ ...message, channel: "email", address: "wangyi@example.cn" }),
    ).rejects.toThrow();
    expect(received).toHaveLength(5);
  });
});
