import { z } from "zod";
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
    educationIndex: z
      .number({ error: "请指明第几条学习经历（educationIndex，从0开始）" })
      .int("学习经历序号应为整数")
      .min(0, "学习经历序号从0开始")
      .max(9, "学习经历最多10条")
      .describe("Position of the record in the basic section's education list (0-based)"),
    certificateNumber: z
      .string({ error: "请填写在学信网核验的学历证书编号" })
      .trim()
      .min(1, "请填写在学信网核验的学历证书编号")
      .max(50, "学历证书编号最多50个字符")
      .describe("The number the reviewer looked up: it must be the one the record states"),
    verificationCode: z
      .string({ error: "请填写学信网的在线验证码" })
      .trim()
      .toUpperCase()
      .regex(/^[0-9A-Z]{8,32}$/, "在线验证码应为8至32位字母或数字（见学信网学历证书电子注册备案表）")
      .meta({ minLength: 8, maxLength: 32 })
      .describe("The registry's online verification code (在线验证码)"),
  }).meta({ id: "RegistryCheckRecord" }),
  successStatus: 201,
  response: reviewResult.extend({ registryCheck: registryCheckView }),
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
