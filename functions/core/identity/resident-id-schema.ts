import { z } from "zod";
import { parseResidentId } from "./resident-id";

/**
 * The resident ID as typed into a form. Surrounding spaces and a lowercase x are forgiven (people type
 * them), then the strict check runs, so the stored value is always the canonical uppercase form.
 */
export const residentIdSchema = z
  .string({ error: "请填写身份证号码" })
  .trim()
  .toUpperCase()
  .superRefine((value, context) => {
    const result = parseResidentId(value);
    if (!result.ok) context.addIssue({ code: "custom", message: result.message });
  })
  // Answers show the masked form, so the contract states the length only.
  .meta({ minLength: 18, maxLength: 18 });
