import { randomInt } from "node:crypto";

// Look-alike characters (I, l, O, 0, 1) are left out: the admin reads this password out to a person.
const CLASSES = ["ABCDEFGHJKLMNPQRSTUVWXYZ", "abcdefghijkmnopqrstuvwxyz", "23456789", "#%+=@!?"];
const ALL = CLASSES.join("");

/** A random password that meets the user pool's policy: every class present, 16 characters. */
export function temporaryPassword(length = 16): string {
  const characters = [
    ...CLASSES.map((set) => set.charAt(randomInt(set.length))),
    ...Array.from({ length: length - CLASSES.length }, () => ALL.charAt(randomInt(ALL.length))),
  ];
  for (let index = characters.length - 1; index > 0; index -= 1) {
    const other = randomInt(index + 1);
    [characters[index], characters[other]] = [characters[other] ?? "", characters[index] ?? ""];
  }
  return characters.join("");
}
