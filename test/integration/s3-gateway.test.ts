import { randomUUID } from "node:crypto";
import { CreateBucketCommand, ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { incomingObjectKey, verifiedObjectKey } from "../../functions/adapters/s3/evidence-keys";
import {
  presignDownload,
  presignUpload,
  writeVerifiedObject,
} from "../../functions/adapters/s3/evidence-objects";
import type { RunningService } from "../../infra/local/child-service";
import { startS3Gateway } from "../../infra/local/s3-gateway";
import { VirtualClock } from "../../infra/local/virtual-clock";
import { makePdf } from "../support/evidence-files";

const MAX = 64 * 1024;
const s3rver = process.env.TEST_S3_ENDPOINT ?? "";
const clock = new VirtualClock();
let gateway: RunningService;
let bucket: string;

beforeAll(async () => {
  clock.set(new Date("2024-10-20T15:59:30.250Z"), true);
  gateway = await startS3Gateway({
    upstream: s3rver,
    clock,
    credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
  });
  // The functions' S3 clients resolve their endpoint at their first request: the gateway, as in `npm start`.
  process.env.AWS_ENDPOINT_URL_S3 = gateway.endpoint;
  bucket = `gateway-${randomUUID().slice(0, 8)}`;
  process.env.EVIDENCE_BUCKET = bucket;
  await new S3Client({ forcePathStyle: true, endpoint: s3rver }).send(
    new CreateBucketCommand({ Bucket: bucket }),
  );
});
afterAll(async () => {
  await gateway?.stop();
});

const place = () => ({
  scope: { roundId: "2024", generation: 2 },
  applicationId: randomUUID(),
  slotId: "post_usage",
  place: {},
  evidenceId: randomUUID(),
});

async function ticket() {
  const key = incomingObjectKey(place(), "application/pdf");
  const upload = await presignUpload({
    key,
    contentType: "application/pdf",
    maxBytes: MAX,
    expiresInSeconds: 300,
    now: clock.now(),
  });
  return { key, upload };
}

async function post(
  upload: { url: string; fields: Record<string, string> },
  bytes: Uint8Array,
  change: Record<string, string> = {},
): Promise<Response> {
  const form = new FormData();
  for (const [name, value] of Object.entries({ ...upload.fields, ...change })) form.append(name, value);
  form.append("file", new Blob([bytes]), "scan.pdf");
  return fetch(upload.url, { method: "POST", body: form });
}

async function stored(prefix: string): Promise<string[]> {
  const listed = await new S3Client({ forcePathStyle: true, endpoint: s3rver }).send(
    new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }),
  );
  return (listed.Contents ?? []).flatMap((object) => (object.Key ? [object.Key] : []));
}

const at = (instant: string, offsetMs: number) => clock.set(new Date(Date.parse(instant) + offsetMs), true);

describe("the local S3 gateway judges presigned requests by the virtual clock, as S3 by its own (DESIGN.md §4, §6)", () => {
  it("R3.1 an upload ticket works until the instant its answer states, and not one millisecond longer", async () => {
    clock.set(new Date("2024-10-20T15:59:30.250Z"), true);
    const { key, upload } = await ticket();
    expect(upload.expiresAt).toBe("2024-10-20T16:04:30.000Z");
    expect(new URL(upload.url).origin).toBe(gateway.endpoint);
    const pdf = await makePdf(1);

    at(upload.expiresAt, -1);
    expect((await post(upload, pdf)).status).toBe(204);
    expect(await stored(key)).toEqual([key]);

    at(upload.expiresAt, 0);
    const late = await post(upload, pdf);
    expect(late.status).toBe(403);
    expect(await late.text()).toContain("Policy expired");
  });

  it("R3.1 a download link works until the instant its answer states, though the machine's clock is years ahead", async () => {
    clock.set(new Date("2024-10-20T15:59:30.250Z"), true);
    const pdf = await makePdf(1);
    const key = verifiedObjectKey(place(), "application/pdf", "ab".repeat(32));
    await writeVerifiedObject(key, pdf, "application/pdf");
    const download = await presignDownload({ objectKey: key }, 300, clock.now());
    expect(download.expiresAt).toBe("2024-10-20T16:04:30.000Z");

    at(download.expiresAt, -1);
    const inTime = await fetch(download.url);
    expect(inTime.status).toBe(200);
    expect(Buffer.from(await inTime.arrayBuffer())).toEqual(Buffer.from(pdf));
    // s3rver alone would judge the same link by the machine's clock: long expired.
    expect((await fetch(download.url.replace(gateway.endpoint, s3rver))).status).toBe(403);

    at(download.expiresAt, 0);
    const late = await fetch(download.url);
    expect(late.status).toBe(403);
    expect(await late.text()).toContain("Request has expired");
  });

  it.each<[string, (upload: { fields: Record<string, string> }) => Record<string, string>, number, string]>([
    [
      "a key changed to a verified one",
      () => ({ key: verifiedObjectKey(place(), "application/pdf", "cd".repeat(32)) }),
      403,
      "Policy Condition failed",
    ],
    ["another content type", () => ({ "Content-Type": "image/png" }), 403, "Policy Condition failed"],
    [
      "a policy edited to expire later",
      (upload) => ({
        Policy: Buffer.from(
          Buffer.from(upload.fields.Policy ?? "", "base64")
            .toString("utf8")
            .replace(/"expiration":"[^"]+"/, '"expiration":"2030-01-01T00:00:00Z"'),
        ).toString("base64"),
      }),
      403,
      "SignatureDoesNotMatch",
    ],
    [
      "a field the policy does not name",
      () => ({ "x-amz-meta-owner": "someone" }),
      403,
      "Extra input fields",
    ],
  ])("DESIGN.md §6 refuses a ticket's form with %s, and writes nothing", async (_, change, status, says) => {
    clock.set(new Date("2024-10-20T15:59:30.250Z"), true);
    const { upload } = await ticket();
    const before = [...(await stored("incoming/")), ...(await stored("verified/"))];
    const refused = await post(upload, await makePdf(1), change(upload));
    expect(refused.status).toBe(status);
    expect(await refused.text()).toContain(says);
    expect([...(await stored("incoming/")), ...(await stored("verified/"))]).toEqual(before);
  });

  it("refuses a file outside the policy's size range, as S3 does", async () => {
    clock.set(new Date("2024-10-20T15:59:30.250Z"), true);
    const { key, upload } = await ticket();
    const tooLarge = await post(upload, new Uint8Array(MAX + 1).fill(0x25));
    expect(tooLarge.status).toBe(400);
    expect(await tooLarge.text()).toContain("EntityTooLarge");
    const empty = await post(upload, new Uint8Array());
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain("EntityTooSmall");
    expect(await stored(key)).toEqual([]);
  });
});
