import * as z from "zod/mini";

/** The name on the resident ID card: accounts, dispatch approvals and the blacklist register use it. */
export const realNameSchema = z
  .string({ error: "请填写真实姓名" })
  .check(z.trim())
  .check(z.regex(/^[\p{Script=Han}A-Za-z·• ]{2,30}$/u, "请填写与身份证一致的真实姓名（2至30个汉字或字母）"))
  .check(z.meta({ pattern: "^[\\p{Script=Han}A-Za-z·• ]{2,30}$", minLength: 2, maxLength: 30 }));
