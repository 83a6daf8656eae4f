import * as z from "zod/mini";
import { defineRoute } from "../route-spec";
import { applicationParams } from "./applications";
import { cursorQuery } from "./fields";
import { roundIdParams } from "./rounds";

const TAG = "审计导出";

const exportQuery = z
  .extend(cursorQuery, {
    format: z
      ._default(z.enum(["json", "csv"], { error: "导出格式应为 json 或 csv" }), "json")
      .check(z.describe("json: an array of records; csv: UTF-8 with BOM and a header row, for Excel")),
  })
  .check(z.describe("cursor: the x-next-cursor header of the previous page"));

const PAGING =
  "Every record has the same fields (trail, entity, roundId, generation, applicationId, at, action, actor, " +
  "role, org, fromState, toState, reason, detail). An answer holds at most 4 MiB or 5,000 records; when more " +
  "remain, its x-next-cursor header is the cursor of the next page (each page is a whole file). CSV cells " +
  "that would start a formula are prefixed with an apostrophe.";

export const exportApplicationAudit = defineRoute({
  operationId: "exportApplicationAudit",
  method: "GET",
  path: "/admin/rounds/{roundId}/applications/{applicationId}/audit",
  group: "admin",
  access: "authenticated",
  summary: `The full audit trail of one application, oldest first, with the office's records of its blacklist entry (DESIGN.md §10). ${PAGING}`,
  tag: TAG,
  params: applicationParams,
  query: exportQuery,
  rawContentType: ["application/json", "text/csv"],
  rawJsonSchema: z.array(z.record(z.string(), z.unknown())),
  errors: ["INVALID_CURSOR"],
});

export const exportRoundAudit = defineRoute({
  operationId: "exportRoundAudit",
  method: "GET",
  path: "/admin/rounds/{roundId}/audit",
  group: "admin",
  access: "authenticated",
  summary: `The audit of a round: the office's records of the round (calendar, resets), then the trail of every application of its current generation (DESIGN.md §10). ${PAGING}`,
  tag: TAG,
  params: roundIdParams,
  query: exportQuery,
  rawContentType: ["application/json", "text/csv"],
  rawJsonSchema: z.array(z.record(z.string(), z.unknown())),
  errors: ["INVALID_CURSOR"],
});
