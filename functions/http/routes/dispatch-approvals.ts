import * as z from "zod/mini";
import { defineRoute } from "../route-spec";
import {
  decisionBody,
  decisionFields,
  orgIdField,
  realNameField,
  residentIdField,
  strictBody,
} from "./fields";

const dispatchView = z
  .object({
    approvalId: z.string(),
    realName: z.string(),
    residentId: z.string().check(z.describe("Masked")),
    receivingUnitId: z.string(),
    sendingOrganisation: z.string(),
    approvalDocument: z.string(),
    filedBy: z.string(),
    filedAt: z.iso.datetime(),
    ...decisionFields,
  })
  .register(z.globalRegistry, { id: "DispatchApproval" });

const params = z.object({ approvalId: z.uuid("审批记录编号格式不正确") });

export const fileDispatchApproval = defineRoute({
  operationId: "fileDispatchApproval",
  method: "POST",
  path: "/admin/dispatch-approvals",
  group: "admin",
  access: "authenticated",
  summary:
    "File the approval of the sending and receiving provincial authorities for a dispatched person, who " +
    "may then apply at the receiving unit (R2.5)",
  tag: "省职改办",
  body: strictBody({
    realName: realNameField,
    residentId: residentIdField,
    receivingUnitId: orgIdField,
    sendingOrganisation: z
      .string({ error: "请填写派出单位" })
      .check(z.trim())
      .check(z.minLength(2, "请填写派出单位"))
      .check(z.maxLength(100)),
    approvalDocument: z
      .string({ error: "请填写批准文件文号" })
      .check(z.trim())
      .check(z.minLength(2, "请填写批准文件文号"))
      .check(z.maxLength(64)),
  }).register(z.globalRegistry, { id: "FileDispatchApproval" }),
  successStatus: 201,
  response: dispatchView,
  errors: ["CONCURRENT_UPDATE", "UNKNOWN_UNIT"],
});

export const getDispatchApproval = defineRoute({
  operationId: "getDispatchApproval",
  method: "GET",
  path: "/admin/dispatch-approvals/{approvalId}",
  group: "admin",
  access: "authenticated",
  summary: "A dispatch approval on file and its state (R2.5)",
  tag: "省职改办",
  params,
  response: dispatchView,
});

export const decideDispatchApproval = defineRoute({
  operationId: "decideDispatchApproval",
  method: "POST",
  path: "/admin/dispatch-approvals/{approvalId}/decision",
  group: "admin",
  access: "authenticated",
  summary: "Approve or refuse a filed dispatch approval after checking the documents (R2.5)",
  tag: "省职改办",
  params,
  body: decisionBody,
  response: dispatchView,
  errors: ["ALREADY_DECIDED", "CONCURRENT_UPDATE", "STALE_VERSION"],
});
