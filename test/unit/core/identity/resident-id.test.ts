import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  maskResidentId,
  parseResidentId,
  residentIdCheckCharacter,
  residentIdSchema,
} from "../../../../functions/core/identity";

// Published GB 11643-1999 example: 11010519491231002X (Beijing, born 1949-12-31, female).
const STANDARD_EXAMPLE = "11010519491231002X";

const region = fc
  .tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 99_999 }))
  .map(([first, rest]) => `${first}${String(rest).padStart(5, "0")}`);
const birthDate = fc
  .date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10).replaceAll("-", ""));
const order = fc.integer({ min: 0, max: 999 }).map((n) => String(n).padStart(3, "0"));
const validBody = fc.tuple(region, birthDate, order).map(([r, b, o]) => `${r}${b}${o}`);

describe("resident ID check character (ISO 7064 MOD 11-2)", () => {
  it.each([
    ["11010519491231002", "X"],
    ["44052418800101001", "4"],
    ["62010219900307123", "X"], // 222 mod 11 = 2, computed by hand
  ])("GB 11643 check character of %s is %s", (body, check) => {
    expect(residentIdCheckCharacter(body)).toBe(check);
  });

  it("any valid body with its computed check character is accepted", () => {
    fc.assert(
      fc.property(validBody, (body) => {
        expect(parseResidentId(`${body}${residentIdCheckCharacter(body)}`).ok).toBe(true);
      }),
    );
  });

  it("any other check character is refused as a wrong check digit", () => {
    fc.assert(
      fc.property(validBody, fc.constantFrom(..."0123456789X"), (body, check) => {
        fc.pre(check !== residentIdCheckCharacter(body));
        const result = parseResidentId(`${body}${check}`);
        expect(result).toMatchObject({ ok: false, code: "RESIDENT_ID_CHECK_DIGIT" });
      }),
    );
  });

  it("changing any single digit of the body is detected", () => {
    fc.assert(
      fc.property(
        validBody,
        fc.integer({ min: 0, max: 16 }),
        fc.integer({ min: 1, max: 9 }),
        (body, at, shift) => {
          const digit = (Number(body.charAt(at)) + shift) % 10;
          const altered = `${body.slice(0, at)}${digit}${body.slice(at + 1)}`;
          expect(residentIdCheckCharacter(altered)).not.toBe(residentIdCheckCharacter(body));
        },
      ),
    );
  });

  it.each(["1101051949123100", "1101051949123100A", "A1101051949123100", "110105194912310021"])(
    "refuses the body %s, which is not 17 digits",
    (body) => {
      expect(() => residentIdCheckCharacter(body)).toThrow(
        new RangeError("the body of a resident ID is 17 digits"),
      );
    },
  );
});

describe("parseResidentId", () => {
  it("derives birth date, gender and region from the standard's example", () => {
    expect(parseResidentId(STANDARD_EXAMPLE)).toEqual({
      ok: true,
      id: { number: STANDARD_EXAMPLE, regionCode: "110105", birthDate: "1949-12-31", gender: "female" },
    });
  });

  it("an odd 17th digit is a man, an even one a woman", () => {
    fc.assert(
      fc.property(validBody, (body) => {
        const result = parseResidentId(`${body}${residentIdCheckCharacter(body)}`);
        const expected = Number(body.charAt(16)) % 2 === 1 ? "male" : "female";
        expect(result.ok && result.id.gender).toBe(expected);
      }),
    );
  });

  const withCheck = (body: string) => `${body}${residentIdCheckCharacter(body)}`;

  it.each([
    ["too short", "11010519491231002", "RESIDENT_ID_FORMAT"],
    ["too long", "11010519491231002X1", "RESIDENT_ID_FORMAT"],
    ["lowercase x", "11010519491231002x", "RESIDENT_ID_FORMAT"],
    ["X inside the body", "1101051949123100X2", "RESIDENT_ID_FORMAT"],
    ["surrounding space", " 11010519491231002X", "RESIDENT_ID_FORMAT"],
    ["region starting with 0", withCheck("01010519491231002"), "RESIDENT_ID_REGION"],
    ["region starting with 9", withCheck("91010519491231002"), "RESIDENT_ID_REGION"],
    ["30 February", withCheck("62010219900230123"), "RESIDENT_ID_BIRTH_DATE"],
    ["29 February of a common year", withCheck("62010219010229123"), "RESIDENT_ID_BIRTH_DATE"],
    ["month 13", withCheck("62010219901301123"), "RESIDENT_ID_BIRTH_DATE"],
    ["day 00", withCheck("62010219900100123"), "RESIDENT_ID_BIRTH_DATE"],
  ])("refuses %s", (_case, number, code) => {
    const result = parseResidentId(number);
    expect(result).toMatchObject({ ok: false, code });
    expect(result.ok || /身份证号码/.test(result.message)).toBe(true);
  });

  it.each([
    ["region starting with 8 (Hong Kong, Macau, Taiwan permits)", withCheck("81000019900101123")],
    ["29 February of a leap year", withCheck("62010220000229123")],
  ])("accepts %s", (_case, number) => {
    expect(parseResidentId(number).ok).toBe(true);
  });
});

describe("maskResidentId", () => {
  it("keeps the first 4 and the last 4 characters and hides the 10 between", () => {
    expect(maskResidentId(STANDARD_EXAMPLE)).toBe("1101**********002X");
  });

  it("never shows the birth date", () => {
    fc.assert(
      fc.property(validBody, (body) => {
        const masked = maskResidentId(withCheckCharacter(body));
        expect(masked).toHaveLength(18);
        expect(masked.slice(4, 14)).toBe("**********");
        expect(masked.slice(0, 4)).toBe(body.slice(0, 4));
        expect(masked.slice(14, 17)).toBe(body.slice(14, 17));
      }),
    );
  });

  it("refuses anything but 18 characters", () => {
    expect(() => maskResidentId("1101051949123100")).toThrow(
      new RangeError("only an 18-character resident ID can be masked"),
    );
    expect(() => maskResidentId(`${STANDARD_EXAMPLE}1`)).toThrow(RangeError);
  });
});

function withCheckCharacter(body: string): string {
  return `${body}${residentIdCheckCharacter(body)}`;
}

describe("residentIdSchema", () => {
  it("accepts and normalises surrounding spaces and a lowercase x", () => {
    expect(residentIdSchema.parse(" 11010519491231002x ")).toBe(STANDARD_EXAMPLE);
  });

  it("reports a wrong check digit in Chinese", () => {
    const result = residentIdSchema.safeParse("110105194912310021");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("身份证号码校验位不正确，请逐位核对后重新填写");
  });

  it("asks for the number when it is missing", () => {
    expect(residentIdSchema.safeParse(undefined).error?.issues[0]?.message).toBe("请填写身份证号码");
  });
});
