import type { GenerationScope } from "../adapters/dynamodb/keys";
import type { DepartmentRecord, OrgKind, OrgRecord, UnitRecord } from "../adapters/dynamodb/org-record";
import { orgRepository } from "../adapters/dynamodb/org-repository";
import { stateTallies } from "../adapters/dynamodb/state-tallies";
import { addCounts, type ProgressFigures, progressFigures, type StateCounts } from "../core/progress";

export type UnitProgress = { unitId: string; name: string; departmentId: string } & ProgressFigures;
export type DepartmentProgress = { departmentId: string; name: string } & ProgressFigures;

export interface RoundProgressReport {
  overall: ProgressFigures;
  departments: DepartmentProgress[];
  units: UnitProgress[];
}

/** Every page of a list: organisations number in the thousands at most, one query page per hundred. */
async function everyPage<T>(list: (cursor?: string) => Promise<{ items: T[]; nextCursor?: string }>) {
  const all: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await list(cursor);
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}

const orgsOf = <K extends OrgRecord>(kind: OrgKind) =>
  everyPage((cursor) => orgRepository.list(kind, cursor)) as Promise<K[]>;

function unitProgress(unit: Pick<UnitRecord, "orgId" | "name" | "departmentId">, counts: StateCounts) {
  return { unitId: unit.orgId, name: unit.name, departmentId: unit.departmentId, ...progressFigures(counts) };
}

/**
 * The whole round for the title office (DESIGN.md §7a): every unit's tally, grouped by the department the
 * unit reports to now. Reads the tallies (one query per shard) and the unit and department directories;
 * units without any application are left out of the unit list.
 */
export async function roundProgressReport(scope: GenerationScope): Promise<RoundProgressReport> {
  const [tallies, units, departments] = await Promise.all([
    stateTallies.all(scope),
    orgsOf<UnitRecord>("unit"),
    orgsOf<DepartmentRecord>("department"),
  ]);
  const unitById = new Map(units.map((unit) => [unit.orgId, unit]));
  const byDepartment = new Map<string, StateCounts[]>();
  const unitRows = tallies.map(({ unitId, counts }) => {
    const unit = unitById.get(unitId) ?? { orgId: unitId, name: unitId, departmentId: "" };
    byDepartment.set(unit.departmentId, [...(byDepartment.get(unit.departmentId) ?? []), counts]);
    return unitProgress(unit, counts);
  });
  return {
    overall: progressFigures(addCounts(...tallies.map((tally) => tally.counts))),
    departments: departments.map((department) => ({
      departmentId: department.orgId,
      name: department.name,
      ...progressFigures(addCounts(...(byDepartment.get(department.orgId) ?? []))),
    })),
    units: unitRows.sort(
      (a, b) => a.departmentId.localeCompare(b.departmentId) || a.unitId.localeCompare(b.unitId),
    ),
  };
}

/** A department and every unit that reports to it (those without applications with zeros). */
export async function departmentProgressReport(
  scope: GenerationScope,
  department: Pick<DepartmentRecord, "orgId" | "name">,
): Promise<{ department: DepartmentProgress; units: UnitProgress[] }> {
  const units = (await everyPage((cursor) =>
    orgRepository.unitsOf(department.orgId, cursor),
  )) as UnitRecord[];
  const counts = await stateTallies.ofUnits(
    scope,
    units.map((unit) => unit.orgId),
  );
  const rows = units.map((unit) => unitProgress(unit, counts.get(unit.orgId) ?? {}));
  return {
    department: {
      departmentId: department.orgId,
      name: department.name,
      ...progressFigures(addCounts(...counts.values())),
    },
    units: rows.sort((a, b) => a.unitId.localeCompare(b.unitId)),
  };
}

export async function unitProgressReport(
  scope: GenerationScope,
  unit: Pick<UnitRecord, "orgId" | "name" | "departmentId">,
): Promise<UnitProgress> {
  return unitProgress(unit, await stateTallies.ofUnit(scope, unit.orgId));
}
