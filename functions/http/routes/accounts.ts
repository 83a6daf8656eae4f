import * as z from "zod/mini";
import { CHANNELS, contactFields, EMAIL_MISSING, hasAddressForChannel } from "../../core/notifications";
import { STAFF_ROLES } from "../role-grants";
import { defineRoute } from "../route-spec";
import { accountView, roleHeld } from "../views/account-view";
import {
  accountIdField,
  cursorQuery,
  expectedVersionField,
  orgIdField,
  phoneField,
  realNameField,
  residentIdField,
  strictBody,
  usernameField,
} from "./fields";
import { roundIdParams } from "./rounds";

export const getUnitStaffing = defineRoute({
  operationId: "getUnitStaffing",
  method: "GET",
  path: "/rounds/{roundId}/units/{unitId}/staffing",
  group: "review",
  access: "authenticated",
  summary: "Whether the unit holds the three real-name roles it needs to review and recommend (R3.2)",
  tag: "单位审核",
  params: z.extend(roundIdParams, { unitId: z.string().check(z.minLength(1)).check(z.maxLength(64)) }),
  response: z
    .object({
      unitId: z.string(),
      staffed: z.boolean(),
      holders: z.array(z.object({ role: z.string(), realName: z.string() })),
      missingRoles: z.array(z.string()),
    })
    .register(z.globalRegistry, { id: "UnitStaffing" }),
});

const me = z
  .object({
    accountId: z.string(),
    username: z.string(),
    realName: z.string(),
    kind: z.enum(["staff", "applicant"]),
    orgId: z.string(),
    phone: z.string(),
    contact: z
      .object({ channel: z.enum(CHANNELS), email: z.optional(z.string()) })
      .check(
        z.describe(
          "How notifications reach the account holder (DESIGN.md §7a); sms to `phone` unless chosen otherwise",
        ),
      ),
    residentId: z.string().check(z.describe("Masked")),
    roles: z.array(roleHeld),
    version: z.int(),
  })
  .register(z.globalRegistry, { id: "Me" });

export const getMe = defineRoute({
  operationId: "getMe",
  method: "GET",
  path: "/me",
  group: "submission",
  access: "authenticated",
  summary: "The signed-in account and the roles it holds now",
  tag: "账户",
  response: me,
});

export const updateMe = defineRoute({
  operationId: "updateMe",
  method: "PATCH",
  path: "/me",
  group: "submission",
  access: "authenticated",
  summary:
    "Change one's own contact phone; name, ID number, unit and roles are not the account holder's to set",
  tag: "账户",
  body: strictBody({ expectedVersion: expectedVersionField, phone: phoneField }).register(z.globalRegistry, {
    id: "UpdateMe",
  }),
  response: me,
  errors: ["CONCURRENT_UPDATE", "STALE_VERSION"],
});

export const updateContactPreference = defineRoute({
  operationId: "updateContactPreference",
  method: "PUT",
  path: "/me/contact-preference",
  group: "submission",
  access: "authenticated",
  summary:
    "Choose how notifications reach oneself (a return, a decision, a certificate, a reminder): a text " +
    "message to the account's phone, or an e-mail to the address given; a channel this deployment does " +
    "not offer is refused (422 CHANNEL_NOT_OFFERED)",
  tag: "账户",
  body: strictBody({ expectedVersion: expectedVersionField, ...contactFields })
    .check(z.refine(hasAddressForChannel, EMAIL_MISSING))
    .register(z.globalRegistry, { id: "ContactPreference" }),
  response: me,
  errors: ["CHANNEL_NOT_OFFERED", "CONCURRENT_UPDATE", "STALE_VERSION"],
});

const staffRole = z.enum(STAFF_ROLES, { error: "角色不在可授予的范围内" });
const roleList = z
  .array(staffRole)
  .check(z.maxLength(4, "一个账号最多担任4个角色"))
  .check(z.refine((roles) => new Set(roles).size === roles.length, "角色不能重复"));

/** Several rounds live side by side (R3.4): round roles are held in one round's current generation. */
const roundInQuestion = z
  .optional(roundIdParams.shape.roundId)
  .check(
    z.describe(
      "The round whose current generation the round roles (all but admins) belong to; by default the round " +
        "under way (the newest one that has begun), or the next to begin",
    ),
  );

export const createAccount = defineRoute({
  operationId: "createAccount",
  method: "POST",
  path: "/orgs/{orgId}/accounts",
  group: "admin",
  access: "authenticated",
  summary:
    "Create a real-name staff account in an organisation with its roles: the office for admins, experts and " +
    "committees; a unit or department admin in their own organisation (R3.2)",
  tag: "账号管理",
  params: z.object({ orgId: orgIdField }),
  body: strictBody({
    username: usernameField,
    realName: realNameField,
    residentId: residentIdField,
    phone: phoneField,
    roles: roleList.check(z.minLength(1, "请至少分配一个角色")),
    roundId: roundInQuestion,
  }).register(z.globalRegistry, { id: "CreateAccount" }),
  successStatus: 201,
  response: z
    .extend(accountView, {
      temporaryPassword: z
        .string()
        .check(
          z.describe("Shown once: hand it to the person, who must change it at first sign-in (Cognito)"),
        ),
    })
    .register(z.globalRegistry, { id: "CreatedAccount" }),
  errors: [
    "ACCOUNT_EXISTS",
    "CONCURRENT_UPDATE",
    "NO_ROUND",
    "PASSWORD_TOO_WEAK",
    "RESIDENT_ID_TAKEN",
    "ROLE_NOT_GRANTABLE",
    "UNIT_ROLES_SEPARATE",
    "USERNAME_TAKEN",
  ],
});

export const listAccounts = defineRoute({
  operationId: "listAccounts",
  method: "GET",
  path: "/orgs/{orgId}/accounts",
  group: "admin",
  access: "authenticated",
  summary: "The organisation's staff accounts and the roles they hold now, a page at a time",
  tag: "账号管理",
  params: z.object({ orgId: orgIdField }),
  query: z.extend(cursorQuery, { roundId: roundInQuestion }),
  response: z.object({ accounts: z.array(accountView), nextCursor: z.optional(z.string()) }),
  errors: ["INVALID_CURSOR"],
});

const accountParams = z.object({ accountId: accountIdField });

export const setAccountRoles = defineRoute({
  operationId: "setAccountRoles",
  method: "PUT",
  path: "/accounts/{accountId}/roles",
  group: "admin",
  access: "authenticated",
  summary:
    "Replace the roles a staff account holds in its organisation; admin roles are standing, the others " +
    "belong to the current round generation and end with the reset (R3.2, DESIGN.md §8)",
  tag: "账号管理",
  params: accountParams,
  body: strictBody({
    expectedVersion: expectedVersionField,
    roles: roleList,
    roundId: roundInQuestion,
  }).register(z.globalRegistry, {
    id: "SetAccountRoles",
  }),
  response: accountView,
  errors: [
    "CONCURRENT_UPDATE",
    "NO_ROUND",
    "OWN_ACCOUNT",
    "ROLE_NOT_GRANTABLE",
    "STALE_VERSION",
    "UNIT_ROLES_SEPARATE",
  ],
});

export const disableAccount = defineRoute({
  operationId: "disableAccount",
  method: "POST",
  path: "/accounts/{accountId}/disable",
  group: "admin",
  access: "authenticated",
  summary: "Disable a staff account: sign-in is refused and its next request too, even with a valid token",
  tag: "账号管理",
  params: accountParams,
  body: strictBody({
    expectedVersion: expectedVersionField,
    reason: z
      .string({ error: "请填写停用原因" })
      .check(z.trim())
      .check(z.minLength(2, "请填写停用原因"))
      .check(z.maxLength(200, "停用原因最多200字")),
  }).register(z.globalRegistry, { id: "DisableAccount" }),
  response: accountView,
  errors: ["CONCURRENT_UPDATE", "OWN_ACCOUNT", "PASSWORD_TOO_WEAK", "STALE_VERSION", "USERNAME_TAKEN"],
});

export const enableAccount = defineRoute({
  operationId: "enableAccount",
  method: "POST",
  path: "/accounts/{accountId}/enable",
  group: "admin",
  access: "authenticated",
  summary: "Enable a disabled staff account again",
  tag: "账号管理",
  params: accountParams,
  body: strictBody({ expectedVersion: expectedVersionField }).register(z.globalRegistry, {
    id: "EnableAccount",
  }),
  response: accountView,
  errors: ["CONCURRENT_UPDATE", "OWN_ACCOUNT", "PASSWORD_TOO_WEAK", "STALE_VERSION", "USERNAME_TAKEN"],
});

export const getApplicantResidentId = defineRoute({
  operationId: "getApplicantResidentId",
  method: "GET",
  path: "/applicants/{accountId}/resident-id",
  group: "admin",
  access: "authenticated",
  summary:
    "The applicant's clear resident ID number, for the reviewers who verify identity and the applicant; " +
    "every reading is audited",
  tag: "账号管理",
  params: accountParams,
  response: z
    .object({ accountId: z.string(), realName: z.string(), residentId: z.string() })
    .register(z.globalRegistry, { id: "ApplicantResidentId" }),
});
