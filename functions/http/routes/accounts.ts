import { z } from "zod";
import { defineRoute } from "../route-spec";
import { roundIdParams } from "./rounds";

export const getUnitStaffing = defineRoute({
  operationId: "getUnitStaffing",
  method: "GET",
  path: "/rounds/{roundId}/units/{unitId}/staffing",
  group: "review",
  access: "authenticated",
  summary: "Whether the unit holds the three real-name roles it needs to review and recommend (R3.2)",
  tag: "单位审核",
  params: roundIdParams.extend({ unitId: z.string().min(1).max(64) }),
  response: z
    .object({
      unitId: z.string(),
      staffed: z.boolean(),
      holders: z.array(z.object({ role: z.string(), realName: z.string() })),
      missingRoles: z.array(z.string()),
    })
    .meta({ id: "UnitStaffing" }),
});

export const getMe = defineRoute({
  operationId: "getMe",
  method: "GET",
  path: "/me",
  group: "submission",
  access: "authenticated",
  summary: "The signed-in account and the roles it holds now",
  tag: "账户",
  response: z
    .object({
      accountId: z.string(),
      username: z.string(),
      realName: z.string(),
      kind: z.enum(["staff", "applicant"]),
      orgId: z.string().optional(),
      roles: z.array(z.object({ role: z.string(), orgId: z.string(), roundId: z.string().optional() })),
    })
    .meta({ id: "Me" }),
});
