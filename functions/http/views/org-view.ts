import * as z from "zod/mini";
import {
  DEPARTMENT_TYPE_LABELS,
  DEPARTMENT_TYPES,
  type DepartmentRecord,
  type OrgRecord,
  REGIONS,
  UNIT_TYPE_LABELS,
  UNIT_TYPES,
  type UnitRecord,
} from "../../adapters/dynamodb/org-record";

const labels = (entries: Record<string, string>) =>
  Object.entries(entries)
    .map(([value, label]) => `${value} ${label}`)
    .join("; ");

export const unitTypeField = z
  .enum(UNIT_TYPES, { error: "单位类型不在可选范围内（R1.3 所列机构或人才服务机构）" })
  .check(z.describe(labels(UNIT_TYPE_LABELS)));
export const departmentTypeField = z
  .enum(DEPARTMENT_TYPES, { error: "审核部门类型不在可选范围内" })
  .check(z.describe(labels(DEPARTMENT_TYPE_LABELS)));
export const regionField = z.enum(REGIONS, { error: "地区应为甘肃省的市州名称或“省直”" });

const base = { orgId: z.string(), name: z.string(), version: z.int(), createdAt: z.iso.datetime() };

export const unitView = z
  .object({
    ...base,
    kind: z.literal("unit"),
    unitType: unitTypeField,
    central: z.boolean(),
    region: regionField,
    departmentId: z.string(),
    underPostManagement: z.boolean(),
    professionalPosts: z.int(),
    seniorTitleHolders: z.int(),
    seniorPosts: z.optional(z.int()),
  })
  .register(z.globalRegistry, { id: "Unit" });

export const departmentView = z
  .object({
    ...base,
    kind: z.literal("department"),
    departmentType: departmentTypeField,
    region: regionField,
  })
  .register(z.globalRegistry, { id: "Department" });

export const orgView = z
  .discriminatedUnion("kind", [
    unitView,
    departmentView,
    z.object({ ...base, kind: z.enum(["office", "organiser"]) }),
  ])
  .register(z.globalRegistry, { id: "Organisation" });

export function toUnitView(unit: UnitRecord): z.input<typeof unitView> {
  const { updatedAt: _updated, ...view } = unit;
  return view;
}

export function toDepartmentView(department: DepartmentRecord): z.input<typeof departmentView> {
  const { updatedAt: _updated, ...view } = department;
  return view;
}

export function toOrgView(org: OrgRecord): z.input<typeof orgView> {
  if (org.kind === "unit") return toUnitView(org);
  if (org.kind === "department") return toDepartmentView(org);
  const { updatedAt: _updated, ...view } = org;
  return view;
}
