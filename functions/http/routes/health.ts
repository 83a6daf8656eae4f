import * as z from "zod/mini";
import { defineRoute } from "../route-spec";

export const healthResponse = z
  .object({
    status: z.literal("ok"),
    time: z.iso
      .datetime()
      .check(z.describe("The time the system sees (the virtual clock on the local runtime)")),
  })
  .register(z.globalRegistry, { id: "Health" });

export const getHealth = defineRoute({
  operationId: "getHealth",
  method: "GET",
  path: "/health",
  group: "publicity",
  access: "public",
  summary: "Liveness: the service answers and reports the time it sees",
  tag: "系统",
  response: healthResponse,
});
