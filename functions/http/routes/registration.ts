import * as z from "zod/mini";
import { defineRoute } from "../route-spec";
import {
  orgIdField,
  passwordField,
  phoneField,
  realNameField,
  residentIdField,
  strictBody,
  usernameField,
} from "./fields";

export const registerApplicant = defineRoute({
  operationId: "registerApplicant",
  method: "POST",
  path: "/register",
  group: "submission",
  access: "public",
  summary:
    "Applicant self-registration under real name, choosing the unit (employer or talent-service agency) " +
    "they apply through (R2.2, R2.3)",
  tag: "申报人",
  body: strictBody({
    username: usernameField,
    password: passwordField,
    realName: realNameField,
    residentId: residentIdField,
    phone: phoneField,
    unitId: orgIdField.check(z.describe("A unit of GET /units")),
  }).register(z.globalRegistry, { id: "RegisterApplicant" }),
  successStatus: 201,
  response: z
    .object({ accountId: z.string(), username: z.string(), realName: z.string(), unitId: z.string() })
    .register(z.globalRegistry, { id: "RegisteredApplicant" }),
  errors: [
    "ACCOUNT_EXISTS",
    "CONCURRENT_UPDATE",
    "NO_ROUND",
    "PASSWORD_TOO_WEAK",
    "RESIDENT_ID_TAKEN",
    "UNKNOWN_UNIT",
    "USERNAME_TAKEN",
  ],
});
