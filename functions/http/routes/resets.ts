import { z } from "zod";
import { defineRoute } from "../route-spec";
import { roundIdParams } from "./rounds";

const resetRecord = z
  .object({
    roundId: z.string(),
    fromGeneration: z.number().int(),
    toGeneration: z.number().int(),
    requestedBy: z.string(),
    scheduled: z.boolean().describe("true for the reset at the end of pre-preparation"),
    startedAt: z.iso.datetime(),
    status: z.enum(["purging", "done"]),
    purgedItems: z.number().int(),
    purgedObjects: z.number().int(),
    batches: z.number().int(),
    finishedAt: z.iso.datetime().optional(),
  })
  .meta({ id: "ResetProgress" });

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
    .object({
      expectedGeneration: z
        .number()
        .int()
        .positive()
        .describe("The generation shown before the reset was requested"),
      confirmRoundId: z
        .string()
        .max(32)
        .optional()
        .describe("The round id typed back; required once pre-preparation has ended (formal data)"),
    })
    .strict()
    .meta({ id: "StartReset" }),
  successStatus: 202,
  response: z
    .object({
      roundId: z.string(),
      fromGeneration: z.number().int(),
      toGeneration: z.number().int(),
      executionName: z.string(),
    })
    .meta({ id: "ResetStarted" }),
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
