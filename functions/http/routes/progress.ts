import * as z from "zod/mini";
import { APPLICATION_STATES } from "../../core/lifecycle";
import { defineRoute } from "../route-spec";
import { testDataFields } from "../views/test-data";
import { orgIdField } from "./fields";
import { roundIdParams } from "./rounds";

const TAG = "轮次进度";

const figures = {
  total: z.int().check(z.describe("Applications of the round's current generation, drafts included")),
  byState: z
    .partialRecord(z.enum(APPLICATION_STATES), z.int())
    .check(z.describe("How many are in each state; a state with none is left out")),
  waitingForUnit: z
    .int()
    .check(z.describe("Submitted or in the unit's publicity: the unit has to act (R4.2)")),
  waitingForDepartment: z.int().check(z.describe("Recommended: the department has to act (R4.3)")),
};

export const progressFiguresView = z.object(figures).register(z.globalRegistry, { id: "ProgressFigures" });

export const unitProgressView = z
  .object({ unitId: z.string(), name: z.string(), departmentId: z.string(), ...figures })
  .register(z.globalRegistry, { id: "UnitProgress" });

export const departmentProgressView = z
  .object({ departmentId: z.string(), name: z.string(), ...figures })
  .register(z.globalRegistry, { id: "DepartmentProgress" });

const roundFields = {
  roundId: z.string(),
  generation: z.int(),
  ...testDataFields,
};

const COST =
  "Read from per-unit state tallies that every state change updates in its own transaction: no scan, " +
  "no hot counter";

export const getRoundProgress = defineRoute({
  operationId: "getRoundProgress",
  method: "GET",
  path: "/rounds/{roundId}/progress",
  group: "review",
  access: "authenticated",
  summary: `The round's counts by state, overall, per department and per unit with applications (title office). ${COST}`,
  tag: TAG,
  params: roundIdParams,
  response: z
    .object({
      ...roundFields,
      overall: progressFiguresView,
      departments: z.array(departmentProgressView),
      units: z.array(unitProgressView),
    })
    .register(z.globalRegistry, { id: "RoundProgress" }),
  // The organisation directory is read page by page through its cursor listing, whose refusal of a bad
  // cursor the thrown-code analysis counts; the cursors made here never fail.
  errors: ["INVALID_CURSOR"],
});

export const getDepartmentProgress = defineRoute({
  operationId: "getDepartmentProgress",
  method: "GET",
  path: "/rounds/{roundId}/departments/{departmentId}/progress",
  group: "review",
  access: "authenticated",
  summary: `A department's counts by state, and each of its units' (the department, the office). ${COST}`,
  tag: TAG,
  params: z.extend(roundIdParams, { departmentId: orgIdField }),
  response: z
    .object({ ...roundFields, department: departmentProgressView, units: z.array(unitProgressView) })
    .register(z.globalRegistry, { id: "DepartmentRoundProgress" }),
  // The organisation directory is read page by page through its cursor listing, whose refusal of a bad
  // cursor the thrown-code analysis counts; the cursors made here never fail.
  errors: ["INVALID_CURSOR"],
});

export const getUnitProgress = defineRoute({
  operationId: "getUnitProgress",
  method: "GET",
  path: "/rounds/{roundId}/units/{unitId}/progress",
  group: "review",
  access: "authenticated",
  summary: `A unit's counts by state (the unit, its department, the office). ${COST}`,
  tag: TAG,
  params: z.extend(roundIdParams, { unitId: orgIdField }),
  response: z
    .object({ ...roundFields, unit: unitProgressView })
    .register(z.globalRegistry, { id: "UnitRoundProgress" }),
});
