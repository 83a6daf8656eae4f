import { UNIT_KIND_LABELS, type UnitKind } from "../../core/eligibility";

/**
 * What a unit is: one of the institutions in scope of R1.3 (never a degree-granting school), or a
 * talent-service agency that holds personnel archives and applies for the people it keeps them for
 * (R2.3).
 */
export const UNIT_TYPES = [
  "party_school",
  "socialist_institute",
  "lecturer_group",
  "government_staff_training",
  "enterprise_staff_training",
  "talent_service_agency",
] as const satisfies readonly (UnitKind | "talent_service_agency")[];
export type UnitType = (typeof UNIT_TYPES)[number];
export const UNIT_TYPE_LABELS = Object.fromEntries(
  UNIT_TYPES.map((type) => [
    type,
    type === "talent_service_agency" ? "人才服务机构（人事档案托管）" : UNIT_KIND_LABELS[type],
  ]),
) as Record<UnitType, string>;

/** The reviewing departments of R4.3 and §3. */
export const DEPARTMENT_TYPES = ["city_hr_bureau", "provincial_department", "group_hr"] as const;
export type DepartmentType = (typeof DEPARTMENT_TYPES)[number];
export const DEPARTMENT_TYPE_LABELS: Record<DepartmentType, string> = {
  city_hr_bureau: "市州人力资源和社会保障局",
  provincial_department: "省直部门人事处",
  group_hr: "集团公司人力资源部",
};

/** Gansu's fourteen cities and prefectures, and the provincial level (省直) for units directly under it. */
export const REGIONS = [
  "省直",
  "兰州市",
  "嘉峪关市",
  "金昌市",
  "白银市",
  "天水市",
  "武威市",
  "张掖市",
  "平凉市",
  "酒泉市",
  "庆阳市",
  "定西市",
  "陇南市",
  "临夏回族自治州",
  "甘南藏族自治州",
] as const;
export type Region = (typeof REGIONS)[number];

export type OrgKind = "unit" | "department" | "office" | "organiser";

interface OrgBase {
  orgId: string;
  name: string;
  version: number;
  createdAt: string;
  updatedAt?: string;
}

export interface UnitRecord extends OrgBase {
  kind: "unit";
  unitType: UnitType;
  /** A central unit in Gansu (中央在甘单位): its applicants need an approved entrustment (R2.4). */
  central: boolean;
  region: Region;
  /** The reviewing department it reports to (R4.3). */
  departmentId: string;
  /** Under post management (岗位管理): recommendations stay within the post ratio (R5.2). */
  underPostManagement: boolean;
  /** Professional technical posts and current senior-title holders, for the quotas (R5.2, R6.3). */
  professionalPosts: number;
  seniorTitleHolders: number;
  /** Senior posts in the approved post structure (核定高级岗位), which post management caps (R5.2). */
  seniorPosts?: number;
}

export interface DepartmentRecord extends OrgBase {
  kind: "department";
  departmentType: DepartmentType;
  region: Region;
}

/** The provincial title office and the party school organiser: one of each, created by the operator. */
export interface BodyRecord extends OrgBase {
  kind: "office" | "organiser";
}

export type OrgRecord = UnitRecord | DepartmentRecord | BodyRecord;
