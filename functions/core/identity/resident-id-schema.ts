import * as z from "zod/mini";
import { parseResidentId } from "./resident-id";

/**
 * The resident ID as typed into a form. Surrounding spaces and a lowercase x are forgiven (people type
 * them), then the strict check runs, so the stored value is always the canonical uppercase form.
 */
export const residentIdSchema = z
  .string({ error: "请填写身份证号码" })
  .check(z.trim())
  .check(z.toUpperCase())
  .check(
    z.superRefine((value, context) => {
      const result = parseResidentId(value);
      if (!result.ok) context.addIssue({ code: "custom", message: result.message });
    }),
  )
  .check(z.meta({ minLength: 18, maxLength: 18 }));
