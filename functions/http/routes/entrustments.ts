import * as z from "zod/mini";
import { defineRoute } from "../route-spec";
import { dateField, decisionBody, decisionFields, orgIdField, strictBody } from "./fields";
import { roundIdParams } from "./rounds";

const entrustmentView = z
  .object({
    unitId: z.string(),
    roundId: z.string(),
    letterNumber: z.string(),
    receivedOn: z.iso.date(),
    filedBy: z.string(),
    filedAt: z.iso.datetime(),
    ...decisionFields,
  })
  .register(z.globalRegistry, { id: "Entrustment" });

const params = z.extend(roundIdParams, { unitId: orgIdField });

export const fileEntrustment = defineRoute({
  operationId: "fileEntrustment",
  method: "POST",
  path: "/admin/rounds/{roundId}/units/{unitId}/entrustment",
  group: "admin",
  access: "authenticated",
  summary: "File the entrustment letter (委托函) a central unit in Gansu sent for this round (R2.4)",
  tag: "省职改办",
  params,
  body: strictBody({
    letterNumber: z
      .string({ error: "请填写委托函文号" })
      .check(z.trim())
      .check(z.minLength(2, "请填写委托函文号"))
      .check(z.maxLength(64)),
    receivedOn: dateField,
  }).register(z.globalRegistry, { id: "FileEntrustment" }),
  successStatus: 201,
  response: entrustmentView,
  errors: ["CONCURRENT_UPDATE", "ENTRUSTMENT_EXISTS", "ENTRUSTMENT_NOT_NEEDED"],
});

export const decideEntrustment = defineRoute({
  operationId: "decideEntrustment",
  method: "POST",
  path: "/admin/rounds/{roundId}/units/{unitId}/entrustment/decision",
  group: "admin",
  access: "authenticated",
  summary:
    "Approve or refuse a filed entrustment; once approved, the unit's applicants are reviewed here (R2.4)",
  tag: "省职改办",
  params,
  body: decisionBody.clone().register(z.globalRegistry, { id: "Decision" }),
  response: entrustmentView,
  errors: ["ALREADY_DECIDED", "CONCURRENT_UPDATE", "STALE_VERSION"],
});

export const getEntrustment = defineRoute({
  operationId: "getEntrustment",
  method: "GET",
  path: "/rounds/{roundId}/units/{unitId}/entrustment",
  group: "admin",
  access: "authenticated",
  summary: "The unit's entrustment for the round and its state, to the office and the unit's admin (R2.4)",
  tag: "单位审核",
  params,
  response: entrustmentView,
});
