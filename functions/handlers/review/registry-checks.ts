import * as z from "zod/mini";
import type { ApplicationRecord, RegistryCheck } from "../../adapters/dynamodb/application-record";
import { applicationRepository, editApplication } from "../../adapters/dynamodb/application-repository";
import type { UnitRecord } from "../../adapters/dynamodb/org-record";
import { assertWindowOpen } from "../../core/calendar";
import { DomainError, ruleViolation } from "../../core/errors";
import type { ApplicationState } from "../../core/lifecycle";
import type { Actor } from "../../http/actor";
import { httpErrors } from "../../http/errors";
import { type BoundRoute, route } from "../../http/handler-group";
import { type RoundInScope, roundInScope } from "../../http/round-in-scope";
import { recordRegistryCheck } from "../../http/routes/registry-checks";
import { toReviewResult } from "../../http/views/review-view";
import { staffRef } from "./review-context";
import { requireStaffedUnit } from "./unit-staffing";

/** Where each reviewer has the application on their desk: the unit before its recommendation, then the department. */
const REVIEWING: Record<RegistryCheck["role"], readonly ApplicationState[]> = {
  unit_handler: ["submitted", "unit_publicity"],
  department_reviewer: ["recommended"],
};

/** The role the caller acts in: the unit's handler, or else a reviewer of the unit's department. */
function reviewerRole(actor: Actor, unit: UnitRecord): { role: RegistryCheck["role"]; org: string } {
  const handles = actor.roles.some((held) => held.role === "unit_handler" && held.orgId === unit.orgId);
  return handles
    ? { role: "unit_handler", org: unit.orgId }
    : { role: "department_reviewer", org: unit.departmentId };
}

async function assertOnDesk(
  application: ApplicationRecord,
  reviewer: { role: RegistryCheck["role"]; org: string },
  inScope: RoundInScope,
  now: Date,
): Promise<void> {
  const activity = reviewer.role === "unit_handler" ? "unit_review" : "department_review";
  assertWindowOpen(activity, inScope.calendar, inScope.round.openedPhases, now);
  if (!REVIEWING[reviewer.role].includes(application.state)) {
    throw new DomainError(
      "NOT_UNDER_REVIEW",
      reviewer.role === "unit_handler"
        ? "只能在本单位审核期间（已提交、尚未推荐）记录学信网核验结果"
        : "只能在审核部门审核期间（单位已推荐、尚未审核通过）记录学信网核验结果",
    );
  }
  // A unit acts only when fully staffed (R3.2).
  if (reviewer.role === "unit_handler") await requireStaffedUnit(reviewer.org, inScope.scope);
}

const educationList = z.object({
  education: z.array(z.object({ school: z.string(), certificateNumber: z.string() })),
});

export const registryCheckRoutes: BoundRoute[] = [
  /**
   * R7.4: the reviewer looked the record up on 学信网 and records it, with who, when and the registry's
   * verification code; the checklist then waives that record's evidence (for a resubmission after a
   * return). The number checked must be the one the applicant's record states.
   */
  route(recordRegistryCheck, async ({ actor, params, body, subject: { application, org: unit }, now }) => {
    const inScope = await roundInScope(params.roundId);
    const reviewer = reviewerRole(actor, unit);
    await assertOnDesk(application, reviewer, inScope, now);
    const loaded = await applicationRepository.load(inScope.scope, application.applicationId);
    if (!loaded) throw httpErrors.notFound();
    const record = educationList.safeParse(loaded.sections.basic).data?.education[body.educationIndex];
    if (!record) {
      throw ruleViolation(
        "R7.4",
        "EDUCATION_RECORD_NOT_FOUND",
        `申报人未填写第${body.educationIndex + 1}条学习经历`,
        [{ path: "body.educationIndex", message: "该学习经历不存在" }],
      );
    }
    if (record.certificateNumber !== body.certificateNumber) {
      throw ruleViolation(
        "R7.4",
        "REGISTRY_CHECK_NUMBER_MISMATCH",
        `第${body.educationIndex + 1}条学习经历（${record.school}）填写的学历证书编号为${record.certificateNumber}，与所核验的编号不一致；请按申报人填写的编号核验，不一致的应退回申报人修改`,
        [{ path: "body.certificateNumber", message: "与申报人填写的学历证书编号不一致" }],
      );
    }
    const actorRef = staffRef(actor, reviewer.role, reviewer.org);
    const check: RegistryCheck = {
      certificateNumber: record.certificateNumber,
      verificationCode: body.verificationCode,
      checkedBy: actorRef.id,
      role: reviewer.role,
      org: reviewer.org,
      checkedAt: now.toISOString(),
    };
    const checks = [
      ...(application.registryChecks ?? []).filter(
        (done) => done.certificateNumber !== check.certificateNumber,
      ),
      check,
    ];
    const saved = await editApplication(
      application,
      body.expectedVersion,
      { set: "registryChecks = :checks", values: { ":checks": checks } },
      {
        action: "record_registry_check",
        actor: actorRef,
        at: now,
        detail: { educationIndex: body.educationIndex, ...check },
      },
    );
    return { ...toReviewResult(saved), registryCheck: check };
  }),
];
