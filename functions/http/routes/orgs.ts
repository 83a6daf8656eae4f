import * as z from "zod/mini";
import { integer } from "../../core/validation/integer";
import { defineRoute } from "../route-spec";
import {
  departmentTypeField,
  departmentView,
  orgView,
  regionField,
  unitTypeField,
  unitView,
} from "../views/org-view";
import { cursorQuery, expectedVersionField, orgIdField, strictBody } from "./fields";

const nameField = z
  .string({ error: "请填写机构全称" })
  .check(z.trim())
  .check(z.minLength(2, "机构全称至少2个字"))
  .check(z.maxLength(100, "机构全称最多100个字"));
const postCount = integer("请填写人数", "人数须为整数").check(z.gte(0, "人数不能为负")).check(z.lte(100_000));

const unitFields = {
  name: nameField,
  unitType: unitTypeField,
  central: z
    .boolean({ error: "请说明是否为中央在甘单位" })
    .check(z.describe("中央在甘单位: needs an entrustment (R2.4)")),
  region: regionField,
  departmentId: orgIdField.check(z.describe("The reviewing department the unit reports to (R4.3)")),
  underPostManagement: z.boolean({ error: "请说明是否实行岗位管理" }).check(z.describe("岗位管理 (R5.2)")),
  professionalPosts: postCount.check(z.describe("专业技术岗位总数 (R5.2, R6.3)")),
  seniorTitleHolders: postCount.check(z.describe("现有高级职称人数 (R6.3)")),
  seniorPosts: z
    .optional(postCount)
    .check(
      z.describe("核定的高级专业技术岗位数: the post-structure cap of a unit under post management (R5.2)"),
    ),
};

const holdersWithinPosts = {
  message: "现有高级职称人数不能多于专业技术岗位总数",
  path: ["seniorTitleHolders"],
};
const seniorPostsWithinPosts = {
  message: "核定的高级岗位数不能多于专业技术岗位总数",
  path: ["seniorPosts"],
};

export const createUnit = defineRoute({
  operationId: "createUnit",
  method: "POST",
  path: "/admin/units",
  group: "admin",
  access: "authenticated",
  summary: "Create a unit (申报单位) under a reviewing department",
  tag: "机构管理",
  body: strictBody(unitFields)
    .check(z.refine((unit) => unit.seniorTitleHolders <= unit.professionalPosts, holdersWithinPosts))
    .check(z.refine((unit) => (unit.seniorPosts ?? 0) <= unit.professionalPosts, seniorPostsWithinPosts))
    .register(z.globalRegistry, { id: "CreateUnit" }),
  successStatus: 201,
  response: unitView,
  errors: ["CONCURRENT_UPDATE", "ORG_EXISTS", "UNKNOWN_DEPARTMENT"],
});

export const updateUnit = defineRoute({
  operationId: "updateUnit",
  method: "PATCH",
  path: "/admin/units/{unitId}",
  group: "admin",
  access: "authenticated",
  summary: "Edit a unit's attributes, e.g. its posts and senior holders for the year's quotas",
  tag: "机构管理",
  params: z.object({ unitId: orgIdField }),
  body: strictBody({ expectedVersion: expectedVersionField, ...z.partial(z.object(unitFields)).shape })
    .check(z.refine((body) => Object.keys(body).length > 1, "请至少修改一项"))
    .register(z.globalRegistry, { id: "UpdateUnit" }),
  response: unitView,
  errors: ["CONCURRENT_UPDATE", "STALE_VERSION", "UNKNOWN_DEPARTMENT"],
});

export const createDepartment = defineRoute({
  operationId: "createDepartment",
  method: "POST",
  path: "/admin/departments",
  group: "admin",
  access: "authenticated",
  summary: "Create a reviewing department (审核部门)",
  tag: "机构管理",
  body: strictBody({ name: nameField, departmentType: departmentTypeField, region: regionField }).register(
    z.globalRegistry,
    {
      id: "CreateDepartment",
    },
  ),
  successStatus: 201,
  response: departmentView,
  errors: ["CONCURRENT_UPDATE", "ORG_EXISTS"],
});

export const getOrg = defineRoute({
  operationId: "getOrg",
  method: "GET",
  path: "/orgs/{orgId}",
  group: "admin",
  access: "authenticated",
  summary: "One organisation, to those in its scope",
  tag: "机构管理",
  params: z.object({ orgId: orgIdField }),
  response: orgView,
});

export const listUnits = defineRoute({
  operationId: "listUnits",
  method: "GET",
  path: "/units",
  group: "publicity",
  access: "public",
  summary: "Directory of units an applicant can apply through, optionally of one department (R2.2, R2.3)",
  tag: "公开信息",
  query: z.extend(cursorQuery, { departmentId: z.optional(orgIdField) }),
  response: z.object({
    units: z.array(
      z.object({
        unitId: z.string(),
        name: z.string(),
        unitType: unitTypeField,
        region: regionField,
        departmentId: z.string(),
      }),
    ),
    nextCursor: z.optional(z.string()),
  }),
  errors: ["INVALID_CURSOR"],
});

export const listDepartments = defineRoute({
  operationId: "listDepartments",
  method: "GET",
  path: "/departments",
  group: "publicity",
  access: "public",
  summary: "The reviewing departments",
  tag: "公开信息",
  query: cursorQuery,
  response: z.object({
    departments: z.array(
      z.object({
        departmentId: z.string(),
        name: z.string(),
        departmentType: departmentTypeField,
        region: regionField,
      }),
    ),
    nextCursor: z.optional(z.string()),
  }),
  errors: ["INVALID_CURSOR"],
});
