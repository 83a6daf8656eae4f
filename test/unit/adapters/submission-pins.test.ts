import { describe, expect, it } from "vitest";
import type { PinnedEvidence } from "../../../functions/adapters/dynamodb/application-record";
import { pinsOf, storedPins } from "../../../functions/adapters/dynamodb/submission-pins";
import { verifiedObjectKey } from "../../../functions/adapters/s3/evidence-keys";

const scope = { roundId: "2024", generation: 2 };
const applicationId = "3f1d2c4b-5a69-4788-9abc-def012345678";
const sha = (n: number) => n.toString(16).padStart(64, "0");

function pin(
  n: number,
  place: { index?: number; year?: number },
  contentType: PinnedEvidence["contentType"],
): PinnedEvidence {
  const evidenceId = `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
  const slotId = place.year === undefined ? "paper_cover" : "annual_assessment";
  return {
    evidenceId,
    slotId,
    ...place,
    objectKey: verifiedObjectKey({ scope, applicationId, slotId, place, evidenceId }, contentType, sha(n)),
    sha256: sha(n),
    size: 123_456 + n,
    contentType,
    pageCount: (n % 7) + 1,
    ...(n % 2 === 0 ? { versionId: `v${n}-3HL4kqtJlcpXroDTDmJ` } : {}),
  };
}

const PINS: PinnedEvidence[] = [
  pin(1, {}, "image/jpeg"),
  pin(2, { index: 0 }, "application/pdf"),
  pin(3, { index: 11 }, "image/png"),
  ...[2020, 2021, 2022, 2023, 2024].map((year, i) => pin(10 + i, { year }, "application/pdf")),
];

describe("DESIGN §6 submission pins as stored", () => {
  it("read back exactly what was pinned, the verified key included", () => {
    expect(pinsOf(storedPins(PINS), scope, applicationId)).toEqual(PINS);
  });

  it("take less than half the bytes of the pins stored as objects (DynamoDB bills names and values)", () => {
    const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));
    expect(bytes(storedPins(PINS))).toBeLessThan(bytes(PINS) / 2);
  });
});
