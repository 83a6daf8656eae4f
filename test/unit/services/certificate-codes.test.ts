import { describe, expect, it } from "vitest";
import {
  CODE_ALPHABET,
  certificateNumber,
  newVerificationCode,
  normaliseCode,
  sameCode,
} from "../../../functions/services/certificate-issuance";

describe("certificate numbers and verification codes (R4.6)", () => {
  it("R4.6 numbers certificates by province, round and sequence, zero-padded", () => {
    expect(certificateNumber("2024", 1)).toBe("GS2024-000001");
    expect(certificateNumber("2025b", 123456)).toBe("GS2025B-123456");
  });

  it("R4.6 draws codes of two groups of five from an alphabet without look-alikes", () => {
    for (const ambiguous of ["0", "O", "1", "I", "L"]) expect(CODE_ALPHABET).not.toContain(ambiguous);
    const codes = Array.from({ length: 2000 }, newVerificationCode);
    for (const code of codes)
      expect(code).toMatch(new RegExp(`^[${CODE_ALPHABET}]{5}-[${CODE_ALPHABET}]{5}$`));
    expect(new Set(codes).size).toBe(codes.length);
    // Every letter of the alphabet turns up: the draw is not stuck on part of it.
    expect(new Set(codes.join("").replaceAll("-", ""))).toEqual(new Set(CODE_ALPHABET));
  });

  it("R4.6 compares codes as a person types them, and only equal codes match", () => {
    expect(normaliseCode(" 7q4mk - 2xdhp ")).toBe("7Q4MK2XDHP");
    expect(sameCode("7Q4MK-2XDHP", "7q4mk2xdhp")).toBe(true);
    expect(sameCode("7Q4MK-2XDHP", "7Q4MK-2XDHQ")).toBe(false);
    expect(sameCode("7Q4MK-2XDHP", "7Q4MK-2XDH")).toBe(false);
    expect(sameCode("7Q4MK-2XDHP", "")).toBe(false);
  });
});
