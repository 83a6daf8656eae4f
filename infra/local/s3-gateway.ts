import { createHmac } from "node:crypto";
import { createServer, type IncomingMessage, request, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Clock } from "../../functions/adapters/clock";
import type { RunningService } from "./child-service";

/**
 * The local S3 endpoint the functions and browsers see: a gateway in front of s3rver that judges
 * presigned requests as S3 does, by the virtual clock (DESIGN.md §4, §6). s3rver checks a presigned
 * GET against the machine's time and takes any POST without reading its policy, so locally neither an
 * answer's `expiresAt` nor the key a ticket pins would mean anything. Here a presigned POST must carry
 * a policy signed with the local key pair, unexpired by the virtual clock, whose every condition the
 * form meets; a presigned GET must be unexpired by the virtual clock. Everything else goes through
 * unchanged.
 */
export interface S3GatewayOptions {
  upstream: string;
  clock: Clock;
  credentials: { accessKeyId: string; secretAccessKey: string };
}

class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const policyFailed = (why: string) => new Refusal(403, "AccessDenied", `Invalid according to Policy: ${why}`);

function errorXml(refusal: Refusal): string {
  const escaped = refusal.message.replace(/[<>&]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${refusal.code}</Code><Message>${escaped}</Message></Error>`;
}

const hmac = (key: string | Buffer, data: string) => createHmac("sha256", key).update(data).digest();

/** SigV4 of a POST policy: the signing key of the credential's date and region, over the base64 policy. */
function policySignature(secret: string, credential: string, policy: string): string {
  const [, date = "", region = "", service = ""] = credential.split("/");
  const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), service), "aws4_request");
  return hmac(key, policy).toString("hex");
}

/** `20240920T020000Z` → epoch ms. */
function amzDate(value: string): number {
  return Date.parse(value.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, "$1-$2-$3T$4:$5:$6Z"));
}

type Condition = Record<string, string> | [string, ...unknown[]];

const FIELDS_OUTSIDE_THE_POLICY = new Set(["file", "policy", "x-amz-signature"]);

/** The checks S3 makes of a browser POST (signature, expiry, conditions, size); throws what S3 answers. */
function judgePost(form: FormData, bucket: string, options: S3GatewayOptions): void {
  const fields = new Map<string, string>([["bucket", bucket]]);
  let size = 0;
  for (const [name, value] of form.entries()) {
    if (typeof value === "string") fields.set(name.toLowerCase(), value);
    else size = value.size;
  }
  const policy = fields.get("policy");
  const credential = fields.get("x-amz-credential") ?? "";
  if (!policy) throw new Refusal(403, "AccessDenied", "Bucket POST must contain a policy");
  if (credential.split("/")[0] !== options.credentials.accessKeyId) {
    throw new Refusal(403, "InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist");
  }
  const expected = policySignature(options.credentials.secretAccessKey, credential, policy);
  if (fields.get("x-amz-signature") !== expected) {
    throw new Refusal(403, "SignatureDoesNotMatch", "The request signature does not match the policy");
  }
  const document = JSON.parse(Buffer.from(policy, "base64").toString("utf8")) as {
    expiration: string;
    conditions: Condition[];
  };
  if (options.clock.now().getTime() >= Date.parse(document.expiration)) throw policyFailed("Policy expired.");
  const covered = new Set<string>();
  const field = (name: string) => fields.get(name.replace(/^\$/, "").toLowerCase()) ?? "";
  for (const condition of document.conditions) {
    if (!Array.isArray(condition)) {
      for (const [name, value] of Object.entries(condition)) {
        covered.add(name.toLowerCase());
        if (field(name) !== value)
          throw policyFailed(`Policy Condition failed: ["eq", "$${name}", "${value}"]`);
      }
      continue;
    }
    const [operator, name, value] = condition;
    if (operator === "content-length-range") {
      if (size < Number(name))
        throw new Refusal(
          400,
          "EntityTooSmall",
          "Your proposed upload is smaller than the minimum allowed size",
        );
      if (size > Number(value))
        throw new Refusal(400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size");
      continue;
    }
    covered.add(String(name).replace(/^\$/, "").toLowerCase());
    const actual = field(String(name));
    const met =
      operator === "eq" ? actual === value : operator === "starts-with" && actual.startsWith(String(value));
    if (!met) throw policyFailed(`Policy Condition failed: ${JSON.stringify(condition)}`);
  }
  const extra = [...fields.keys()].filter(
    (name) => !covered.has(name) && !FIELDS_OUTSIDE_THE_POLICY.has(name) && !name.startsWith("x-ignore-"),
  );
  if (extra.length > 0) throw policyFailed(`Extra input fields: ${extra.join(", ")}`);
}

/** A presigned GET (or HEAD) by query string: refused once its `X-Amz-Date` + `X-Amz-Expires` has passed. */
function judgePresignedQuery(url: URL, clock: Clock): void {
  const signedAt = amzDate(url.searchParams.get("X-Amz-Date") ?? "");
  const expiresAt = signedAt + Number(url.searchParams.get("X-Amz-Expires")) * 1000;
  if (!(clock.now().getTime() < expiresAt)) throw new Refusal(403, "AccessDenied", "Request has expired");
}

async function body(incoming: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function forward(
  upstream: URL,
  incoming: IncomingMessage,
  outgoing: ServerResponse,
  path: string,
  buffered?: Buffer,
): void {
  const proxied = request(
    {
      host: upstream.hostname,
      port: upstream.port,
      method: incoming.method,
      path,
      headers: { ...incoming.headers, host: upstream.host },
    },
    (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(outgoing);
    },
  );
  proxied.on("error", (error) => {
    if (outgoing.headersSent || outgoing.destroyed) return;
    outgoing.writeHead(502, { "content-type": "text/plain" });
    outgoing.end(`local S3 unreachable: ${error.message}`);
  });
  // A client that gave up (its SDK timed out) takes its upstream request with it, as S3 would drop it.
  outgoing.on("close", () => {
    if (!outgoing.writableFinished) proxied.destroy();
  });
  if (buffered) proxied.end(buffered);
  else incoming.pipe(proxied);
}

export async function startS3Gateway(options: S3GatewayOptions): Promise<RunningService> {
  const upstream = new URL(options.upstream);
  const server = createServer((incoming, outgoing) => {
    const url = new URL(incoming.url ?? "/", "http://gateway");
    const handle = async () => {
      const segments = url.pathname.split("/").filter(Boolean);
      const contentType = incoming.headers["content-type"] ?? "";
      if (
        incoming.method === "POST" &&
        segments.length === 1 &&
        contentType.startsWith("multipart/form-data")
      ) {
        const buffered = await body(incoming);
        const form = await new Response(buffered, { headers: { "content-type": contentType } }).formData();
        judgePost(form, segments[0] ?? "", options);
        forward(upstream, incoming, outgoing, `${url.pathname}${url.search}`, buffered);
        return;
      }
      if (url.searchParams.has("X-Amz-Algorithm")) {
        judgePresignedQuery(url, options.clock);
        // Judged here by the virtual clock; s3rver would judge it again by the machine's.
        for (const name of [...url.searchParams.keys()]) {
          if (name.toLowerCase().startsWith("x-amz-")) url.searchParams.delete(name);
        }
      }
      forward(upstream, incoming, outgoing, `${url.pathname}${url.search}`);
    };
    handle().catch((error: unknown) => {
      const refusal =
        error instanceof Refusal ? error : new Refusal(400, "MalformedPOSTRequest", String(error));
      outgoing.writeHead(refusal.status, { "content-type": "application/xml" });
      outgoing.end(errorXml(refusal));
    });
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolveClose) => server.close(() => resolveClose()));
    },
  };
}
