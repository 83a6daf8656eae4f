import { ruleViolation } from "../errors";

export interface Expert {
  expertId: string;
  /** Full senior title (正高级): the notice requires full-senior experts for the appraisal (R4.4). */
  fullSenior: boolean;
  unitId: string;
  /** Applicants the expert has declared a conflict with (relatives, co-authors, …). */
  declaredConflicts: readonly string[];
  /** Applications already assigned to the expert in this round, to spread the work. */
  load: number;
}

export interface Appraisee {
  applicationId: string;
  applicantId: string;
  unitId: string;
}

export type ConflictKind = "self" | "same_unit" | "declared";

export interface Exclusion {
  expertId: string;
  conflict: ConflictKind | "not_full_senior";
}

/** R8.2: why an expert must not review this applicant, if they must not. */
export function conflictOf(expert: Expert, appraisee: Appraisee): ConflictKind | undefined {
  if (expert.expertId === appraisee.applicantId) return "self";
  if (expert.unitId === appraisee.unitId) return "same_unit";
  if (expert.declaredConflicts.includes(appraisee.applicantId)) return "declared";
  return undefined;
}

function exclusionOf(expert: Expert, appraisee: Appraisee): Exclusion | undefined {
  const conflict = conflictOf(expert, appraisee);
  if (conflict) return { expertId: expert.expertId, conflict };
  if (!expert.fullSenior) return { expertId: expert.expertId, conflict: "not_full_senior" };
  return undefined;
}

function exclusionsOf(pool: readonly Expert[], appraisee: Appraisee): Exclusion[] {
  return pool.flatMap((expert) => {
    const exclusion = exclusionOf(expert, appraisee);
    return exclusion ? [exclusion] : [];
  });
}

export interface Assignment {
  experts: string[];
  /** Every expert left out and why, recorded with the assignment (R8.2). */
  excluded: Exclusion[];
}

/**
 * Automatic assignment: the least-loaded eligible experts, ties broken by id so that the same pool
 * always gives the same answer. Too few eligible experts is refused rather than filled with anyone.
 */
export function assignExperts(pool: readonly Expert[], appraisee: Appraisee, count: number): Assignment {
  const excluded = exclusionsOf(pool, appraisee);
  const eligible = pool
    .filter((expert) => !excluded.some((exclusion) => exclusion.expertId === expert.expertId))
    .sort((a, b) => a.load - b.load || a.expertId.localeCompare(b.expertId));
  if (eligible.length < count) {
    throw ruleViolation(
      "R8.2",
      "NOT_ENOUGH_ELIGIBLE_EXPERTS",
      `可回避后符合条件（正高级、无利害关系）的鉴定专家只有 ${eligible.length} 名，少于所需的 ${count} 名，请补充专家库后再分配。`,
    );
  }
  return { experts: eligible.slice(0, count).map((expert) => expert.expertId), excluded };
}

/** Manual assignment by the organiser: the same rules, with each refused expert named. */
export function checkManualAssignment(
  pool: readonly Expert[],
  appraisee: Appraisee,
  chosen: readonly string[],
  count: number,
): Assignment {
  const unique = [...new Set(chosen)];
  if (unique.length !== count) {
    throw ruleViolation(
      "R4.4",
      "WRONG_EXPERT_COUNT",
      `每份申报须分配 ${count} 名不同的鉴定专家，现选择了 ${unique.length} 名。`,
    );
  }
  const fields = unique.flatMap((expertId, index) => {
    const expert = pool.find((candidate) => candidate.expertId === expertId);
    if (!expert) return [{ path: `body.experts.${index}`, message: "专家不在本轮专家库中" }];
    const exclusion = exclusionOf(expert, appraisee);
    return exclusion
      ? [{ path: `body.experts.${index}`, message: EXCLUSION_MESSAGES[exclusion.conflict] }]
      : [];
  });
  if (fields.length > 0) {
    throw ruleViolation(
      "R8.2",
      "EXPERT_NOT_ELIGIBLE",
      "所选专家中有须回避或不符合条件的，请更换后重新分配。",
      fields,
    );
  }
  return { experts: unique, excluded: exclusionsOf(pool, appraisee) };
}

export const EXCLUSION_MESSAGES: Readonly<Record<Exclusion["conflict"], string>> = {
  self: "专家本人即申报人，须回避",
  same_unit: "专家与申报人同一单位，须回避",
  declared: "专家已申报与该申报人存在利害关系，须回避",
  not_full_senior: "鉴定专家须具有正高级职称",
};
