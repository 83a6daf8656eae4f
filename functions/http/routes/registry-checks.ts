import * as z from "zod/mini";
import { integer } from "../../core/validation/integer";
import { defineRoute } from "../route-spec";
import { registryCheckView, reviewResult } from "../views/review-view";
import { applicationParams } from "./applications";
import { expectedVersionField, strictBody } from "./fields";

export const recordRegistryCheck = defineRoute({
  operationId: "recordRegistryCheck",
  method: "POST",
  path: "/rounds/{roundId}/review/applications/{applicationId}/registry-checks",
  group: "review",
  access: "authenticated",
  summary:
    "The unit handler or the department reviewer records that they found one education record on the 学信网 " +
    "registry, with the registry's verification code (R7.4): that record then needs no uploaded evidence. " +
    "The applicant can never declare it",
  tag: "学历核验",
  params: applicationParams,
  body: strictBody({
    expectedVersion: expectedVersionField,
    educationIndex: integer("请指明第几条学习经历（educationIndex，从0开始）", "学习经历序号应为整数")
      .check(z.gte(0, "学习经历序号从0开始"))
      .check(z.lte(9, "学习经历最多10条"))
      .check(z.describe("Position of the record in the basic section's education list (0-based)")),
    certificateNumber: z
      .string({ error: "请填写在学信网核验的学历证书编号" })
      .check(z.trim())
      .check(z.minLength(1, "请填写在学信网核验的学历证书编号"))
      .check(z.maxLength(50, "学历证书编号最多50个字符"))
      .check(z.describe("The number the reviewer looked up: it must be the one the record states")),
    verificationCode: z
      .string({ error: "请填写学信网的在线验证码" })
      .check(z.trim())
      .check(z.toUpperCase())
      .check(z.regex(/^[0-9A-Z]{8,32}$/, "在线验证码应为8至32位字母或数字（见学信网学历证书电子注册备案表）"))
      .check(z.meta({ minLength: 8, maxLength: 32 }))
      .check(z.describe("The registry's online verification code (在线验证码)")),
  }).register(z.globalRegistry, { id: "RegistryCheckRecord" }),
  successStatus: 201,
  response: z.extend(reviewResult, { registryCheck: registryCheckView }),
  errors: [
    "CONCURRENT_UPDATE",
    "DEADLINE_PASSED",
    "EDUCATION_RECORD_NOT_FOUND",
    "NOT_UNDER_REVIEW",
    "REGISTRY_CHECK_NUMBER_MISMATCH",
    "STALE_VERSION",
    "UNIT_ACCOUNTS_INCOMPLETE",
    "WINDOW_NOT_OPEN",
  ],
});
