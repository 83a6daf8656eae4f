import { residentIdCheckCharacter } from "../../functions/core/identity";

let sequence = 0;

/** A well-formed resident ID number that no other call in this run returns (Lanzhou, born 1985). */
export function freshResidentId(): string {
  sequence += 1;
  const body = `6201021985${String((Math.floor(sequence / 1000) % 12) + 1).padStart(2, "0")}${String(
    (sequence % 28) + 1,
  ).padStart(2, "0")}${String(sequence % 1000).padStart(3, "0")}`;
  return `${body}${residentIdCheckCharacter(body)}`;
}

/** The same number with a wrong check character, which only the check digit can catch. */
export function withWrongCheckDigit(number: string): string {
  const wrong = number.endsWith("1") ? "2" : "1";
  return `${number.slice(0, 17)}${wrong}`;
}
