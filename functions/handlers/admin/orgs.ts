import { randomUUID } from "node:crypto";
import type { DepartmentRecord, UnitRecord } from "../../adapters/dynamodb/org-record";
import { orgRepository } from "../../adapters/dynamodb/org-repository";
import { DomainError } from "../../core/errors";
import { type BoundRoute, route } from "../../http/handler-group";
import { createDepartment, createUnit, getOrg, updateUnit } from "../../http/routes/orgs";
import { toDepartmentView, toOrgView, toUnitView } from "../../http/views/org-view";

async function requireDepartment(departmentId: string): Promise<void> {
  const department = await orgRepository.get(departmentId);
  if (department?.kind !== "department") {
    throw new DomainError("UNKNOWN_DEPARTMENT", "所选审核部门不存在，请从审核部门名录中选择。", {
      fields: [{ path: "body.departmentId", message: "审核部门不存在" }],
    });
  }
}

export const orgRoutes: BoundRoute[] = [
  route(createUnit, async ({ actor, body, now }) => {
    await requireDepartment(body.departmentId);
    const unit: UnitRecord = {
      ...body,
      orgId: `unit-${randomUUID()}`,
      kind: "unit",
      version: 1,
      createdAt: now.toISOString(),
    };
    await orgRepository.create(unit, {
      actor: actor.account.accountId,
      action: "create_unit",
      at: now,
      detail: { ...body },
    });
    return toUnitView(unit);
  }),

  route(updateUnit, async ({ actor, subject: { org: unit }, body, now }) => {
    const { expectedVersion, ...changes } = body;
    const merged = { ...unit, ...changes };
    if (merged.seniorTitleHolders > merged.professionalPosts) {
      throw new DomainError("VALIDATION_FAILED", "现有高级职称人数不能多于专业技术岗位总数。", {
        fields: [{ path: "body.seniorTitleHolders", message: "不能多于专业技术岗位总数" }],
      });
    }
    if ((merged.seniorPosts ?? 0) > merged.professionalPosts) {
      throw new DomainError("VALIDATION_FAILED", "核定的高级岗位数不能多于专业技术岗位总数。", {
        fields: [{ path: "body.seniorPosts", message: "不能多于专业技术岗位总数" }],
      });
    }
    if (changes.departmentId && changes.departmentId !== unit.departmentId) {
      await requireDepartment(changes.departmentId);
    }
    const updated = await orgRepository.updateUnit(unit, changes, expectedVersion, {
      actor: actor.account.accountId,
      action: "update_unit",
      at: now,
      detail: {},
    });
    return toUnitView(updated);
  }),

  route(createDepartment, async ({ actor, body, now }) => {
    const department: DepartmentRecord = {
      ...body,
      orgId: `dept-${randomUUID()}`,
      kind: "department",
      version: 1,
      createdAt: now.toISOString(),
    };
    await orgRepository.create(department, {
      actor: actor.account.accountId,
      action: "create_department",
      at: now,
      detail: { ...body },
    });
    return toDepartmentView(department);
  }),

  route(getOrg, async ({ subject: { org } }) => toOrgView(org)),
];
