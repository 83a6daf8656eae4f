import * as z from "zod/mini";

type Message = string | ((issue: { input?: unknown }) => string);

/**
 * A whole number (`z.int`, "integer" in the contract) with two messages: one for a value that is not a
 * number at all (or is missing), one for a number with a fraction, so "1.5" is not told it is not a number.
 */
export function integer(notANumber: Message, fraction: string) {
  return z.int({
    error: (issue) => {
      if (typeof issue.input === "number") return fraction;
      return typeof notANumber === "string" ? notANumber : notANumber(issue);
    },
  });
}
