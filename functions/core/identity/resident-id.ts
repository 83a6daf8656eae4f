import { isPlainDate, type PlainDate } from "../calendar/plain-date";

export type Gender = "male" | "female";

/** A resident identity number (GB 11643-1999) that passed every check, with what it encodes. */
export interface ResidentId {
  /** 18 characters; a check character of 10 is the uppercase letter X. */
  number: string;
  /** Administrative division code of the place of first registration (GB/T 2260). */
  regionCode: string;
  birthDate: PlainDate;
  gender: Gender;
}

export type ResidentIdProblem =
  | "RESIDENT_ID_FORMAT"
  | "RESIDENT_ID_REGION"
  | "RESIDENT_ID_BIRTH_DATE"
  | "RESIDENT_ID_CHECK_DIGIT";

export type ResidentIdResult =
  | { ok: true; id: ResidentId }
  | { ok: false; code: ResidentIdProblem; message: string };

// Check characters indexed by the weighted sum modulo 11 (ISO 7064 MOD 11-2 as GB 11643 prints it).
const CHECK_CHARACTERS = "10X98765432";
const SHAPE = /^\d{17}[\dX]$/;
// GB/T 2260 codes start with 1–6; 7 and 8 cover Taiwan, Hong Kong and Macau (residence permits).
const REGION_FIRST_DIGIT = /^[1-8]/;

/** The 18th character for a 17-digit body: weight of position i (from the left) is 2^(17-i) mod 11. */
export function residentIdCheckCharacter(body: string): string {
  if (!/^\d{17}$/.test(body)) throw new RangeError("the body of a resident ID is 17 digits");
  const sum = [...body].reduce(
    (total, digit, position) => total + Number(digit) * (2 ** (17 - position) % 11),
    0,
  );
  return CHECK_CHARACTERS.charAt(sum % 11);
}

/** Checks an 18-character number strictly: no spaces, and the check character X must be uppercase. */
export function parseResidentId(text: string): ResidentIdResult {
  if (!SHAPE.test(text)) {
    return fail("RESIDENT_ID_FORMAT", "身份证号码应为18位：前17位为数字，最后一位为数字或大写字母X");
  }
  if (!REGION_FIRST_DIGIT.test(text)) {
    return fail("RESIDENT_ID_REGION", "身份证号码前6位地址码不正确，请核对");
  }
  const birthDate = `${text.slice(6, 10)}-${text.slice(10, 12)}-${text.slice(12, 14)}`;
  if (!isPlainDate(birthDate)) {
    return fail("RESIDENT_ID_BIRTH_DATE", "身份证号码第7至14位的出生日期不是有效日期，请核对");
  }
  if (residentIdCheckCharacter(text.slice(0, 17)) !== text.charAt(17)) {
    return fail("RESIDENT_ID_CHECK_DIGIT", "身份证号码校验位不正确，请逐位核对后重新填写");
  }
  // The 17th digit is the order code: odd for men, even for women.
  const gender: Gender = Number(text.charAt(16)) % 2 === 1 ? "male" : "female";
  return { ok: true, id: { number: text, regionCode: text.slice(0, 6), birthDate, gender } };
}

function fail(code: ResidentIdProblem, message: string): ResidentIdResult {
  return { ok: false, code, message };
}

/**
 * The form printed in public notices: the first 4 characters (province and city) and the last 4 stay,
 * the 10 between — county and the whole birth date — become `*`, e.g. `6201**********123X`.
 */
export function maskResidentId(number: string): string {
  if (number.length !== 18) throw new RangeError("only an 18-character resident ID can be masked");
  return `${number.slice(0, 4)}${"*".repeat(10)}${number.slice(14)}`;
}
