import * as z from "zod/mini";
import { defineRoute } from "../route-spec";
import { roundIdParams } from "./rounds";

const resetRecord = z
  .object({
    roundId: z.string(),
    fromGeneration: z.int(),
    toGeneration: z.int(),
    requestedBy: z.string(),
    scheduled: z.boolean().check(z.describe("true for the reset at the end of pre-preparation")),
    startedAt: z.iso.datetime(),
    status: z.enum(["purging", "done"]),
    purgedItems: z.int(),
    purgedObjects: z.int(),
    batches: z.int(),
    finishedAt: z.optional(z.iso.datetime()),
  })
  .register(z.globalRegistry, { id: "ResetProgress" });

export const startReset = defineRoute({
  operationId: "startReset",
  method: "POST",
  path: "/admin/rounds/{roundId}/resets",
  group: "admin",
  access: "authenticated",
  summary:
    "Reset the round: move it to the next generation (old data invisible at once) and purge the old one",
  tag: "省职改办",
  params: roundIdParams,
  body: z
    .strictObject({
      expectedGeneration: z
        .int()
        .check(z.positive())
        .check(z.describe("The generation shown before the reset was requested")),
      confirmRoundId: z
        .optional(z.string().check(z.maxLength(32)))
        .check(z.describe("The round id typed back; required once pre-preparation has ended (formal data)")),
    })
    .register(z.globalRegistry, { id: "StartReset" }),
  successStatus: 202,
  response: z
    .object({
      roundId: z.string(),
      fromGeneration: z.int(),
      toGeneration: z.int(),
      executionName: z.string(),
    })
    .register(z.globalRegistry, { id: "ResetStarted" }),
  errors: ["FORMAL_DATA_RESET_NOT_CONFIRMED", "RESET_CONFLICT", "STALE_GENERATION"],
});

export const listResets = defineRoute({
  operationId: "listResets",
  method: "GET",
  path: "/admin/rounds/{roundId}/resets",
  group: "admin",
  access: "authenticated",
  summary: "The round's resets and the progress of their purge (items and objects purged)",
  tag: "省职改办",
  params: roundIdParams,
  response: z.object({ resets: z.array(resetRecord) }),
});
