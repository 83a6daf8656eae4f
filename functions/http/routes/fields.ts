import * as z from "zod/mini";
import { plainDateSchema } from "../../core/calendar";
import { realNameSchema, residentIdSchema } from "../../core/identity";

/**
 * A request body that names every field it accepts. Anything else — a client setting its own roles,
 * unit, generation or status (mass assignment) — is refused with 400 before anything is stored.
 */
export function strictBody<T extends z.core.$ZodShape>(shape: T) {
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code === "unrecognized_keys") {
        return `不允许提交的字段：${issue.keys.join("、")}（角色、单位、代次、状态等由系统或管理员设定）`;
      }
      if (issue.code === "invalid_type") return "请求内容应为 JSON 对象";
      return undefined;
    },
  });
}

export const usernameField = z
  .string({ error: "请填写用户名" })
  .check(z.trim())
  .check(z.toLowerCase())
  .check(
    z.regex(/^[a-z][a-z0-9._-]{2,31}$/, "用户名须为3至32位，以字母开头，只含字母、数字、点、下划线或连字符"),
  )
  .check(z.meta({ minLength: 3, maxLength: 32 }))
  .check(z.describe("Sign-in name, compared in lower case"));

const PASSWORD_CLASSES: [RegExp, string][] = [
  [/[A-Z]/, "大写字母"],
  [/[a-z]/, "小写字母"],
  [/\d/, "数字"],
  [/[\^$*.[\]{}()?"!@#%&/\\,><':;|_~`=+\- ]/, "特殊符号"],
];

/** The user pool's password policy, checked here first so the answer names what is missing. */
export const passwordField = z
  .string({ error: "请设置密码" })
  .check(z.minLength(10, "密码至少10位"))
  .check(z.maxLength(64, "密码最多64位"))
  .check(
    z.superRefine((value, context) => {
      const missing = PASSWORD_CLASSES.filter(([pattern]) => !pattern.test(value)).map(([, label]) => label);
      if (missing.length)
        context.addIssue({ code: "custom", message: `密码还须包含：${missing.join("、")}` });
    }),
  );

export { realNameSchema as realNameField };

export const phoneField = z
  .string({ error: "请填写手机号码" })
  .check(z.trim())
  .check(z.regex(/^1[3-9]\d{9}$/, "手机号码应为11位中国大陆手机号码"))
  .check(z.meta({ minLength: 11, maxLength: 11 }));

export { residentIdSchema as residentIdField };

export const expectedVersionField = z
  .int({ error: "请提供读取时的版本号 expectedVersion" })
  .check(z.positive())
  .check(z.describe("The version read before editing (optimistic locking)"));

export const orgIdField = z
  .string()
  .check(z.regex(/^[a-z0-9][a-z0-9-]{1,63}$/, "机构编号格式不正确"))
  .check(z.meta({ minLength: 2, maxLength: 64 }));
export const accountIdField = z
  .string()
  .check(z.regex(/^[A-Za-z0-9-]{1,64}$/, "账号编号格式不正确"))
  .check(z.meta({ minLength: 1, maxLength: 64 }));
export const cursorQuery = z.object({
  cursor: z
    .optional(z.string().check(z.maxLength(2048, "分页游标无效")))
    .check(z.describe("nextCursor of the previous page")),
});

export const dateField = plainDateSchema.check(z.describe("YYYY-MM-DD"));

export const decisionBody = strictBody({
  expectedVersion: expectedVersionField,
  decision: z.enum(["approved", "refused"], { error: "审批决定应为 approved（批准）或 refused（不予批准）" }),
  reason: z.optional(z.string().check(z.trim()).check(z.maxLength(500, "理由最多500字"))),
}).check(
  z.refine((body) => body.decision === "approved" || (body.reason ?? "").length >= 2, {
    message: "不予批准时须写明理由",
    path: ["reason"],
  }),
);

export const decisionFields = {
  status: z
    .enum(["filed", "approved", "refused"])
    .check(z.describe("filed 已登记, approved 已批准, refused 不予批准")),
  reason: z.optional(z.string()),
  decidedBy: z.optional(z.string()),
  decidedAt: z.optional(z.iso.datetime()),
  version: z.int(),
};
