import { type AccountRecord, accountRepository } from "../adapters/dynamodb/account-repository";
import type { AuditContext } from "../adapters/dynamodb/audit-repository";
import type { GenerationScope } from "../adapters/dynamodb/keys";
import { orgRepository } from "../adapters/dynamodb/org-repository";
import {
  type ReviewerFacts,
  type ReviewerProfile,
  reviewerRepository,
} from "../adapters/dynamodb/reviewer-repository";
import { DomainError, type FieldIssue, ruleViolation } from "../core/errors";
import type { Role } from "../core/roles";

/** The roles whose holders appraise, examine or vote, and so need a profile for recusal (R4.4, R8.2). */
const REVIEWER_ROLES: readonly Role[] = ["expert", "panel_member", "committee_member"];

export interface ProfileRequest {
  scope: GenerationScope;
  account: AccountRecord;
  expectedVersion?: number | undefined;
  title: string;
  fullSenior: boolean;
  workUnitId?: string | undefined;
  workUnitName?: string | undefined;
  declaredConflicts: readonly string[];
  audit: AuditContext;
}

function badFields(message: string, fields: FieldIssue[]): DomainError {
  return new DomainError("VALIDATION_FAILED", message, { fields });
}

/** A unit of the system is named by its id, and its name is the unit's own; elsewhere, the name as given. */
async function workUnitOf(
  request: ProfileRequest,
): Promise<Pick<ReviewerFacts, "workUnitId" | "workUnitName">> {
  if (request.workUnitId === undefined) return { workUnitName: request.workUnitName ?? "" };
  const unit = await orgRepository.get(request.workUnitId);
  if (unit?.kind !== "unit") {
    throw badFields("所填工作单位不是本系统中的单位；系统外的单位请只填写单位名称。", [
      { path: "body.workUnitId", message: "本系统中没有该单位" },
    ]);
  }
  return { workUnitId: unit.orgId, workUnitName: unit.name };
}

/** A declared conflict names an applicant's account, so that recusal can match it (R8.2). */
async function checkConflicts(accountIds: readonly string[]): Promise<void> {
  const accounts = await Promise.all(accountIds.map((accountId) => accountRepository.get(accountId)));
  const fields = accounts.flatMap((account, index) =>
    account?.kind === "applicant"
      ? []
      : [{ path: `body.declaredConflicts.${index}`, message: "不是申报人的账号编号" }],
  );
  if (fields.length > 0) {
    throw badFields("利害关系人须填写申报人的账号编号，请核对后重新提交。", fields);
  }
}

/**
 * The office records a reviewer's title, unit and declared conflicts for the round (R4.4, R8.2). Only
 * accounts appointed this round as expert, panel member or committee member have one.
 */
export async function saveReviewerProfile(request: ProfileRequest): Promise<ReviewerProfile> {
  const { scope, account } = request;
  const roles = await accountRepository.rolesOf(account.accountId, scope);
  if (!roles.some((assignment) => REVIEWER_ROLES.includes(assignment.role))) {
    throw ruleViolation(
      "R8.2",
      "NOT_A_REVIEWER",
      "该账号本轮次未被聘为鉴定专家、学科组成员或评委会委员，请先在账号管理中授予相应角色，再填写专家信息。",
    );
  }
  const declaredConflicts = [...new Set(request.declaredConflicts)];
  const [unit] = await Promise.all([workUnitOf(request), checkConflicts(declaredConflicts)]);
  return reviewerRepository.save(
    scope,
    {
      accountId: account.accountId,
      realName: account.realName,
      title: request.title,
      fullSenior: request.fullSenior,
      ...unit,
      declaredConflicts,
    },
    request.expectedVersion,
    request.audit,
  );
}

/**
 * The appraisal's expert pool (R4.4): the round's holders of the expert role in the title office who
 * have a profile and can sign in. Tens of people: a query per office and a batch read.
 */
export async function expertPool(scope: GenerationScope): Promise<ReviewerProfile[]> {
  const offices = await orgRepository.list("office");
  const holders = await Promise.all(
    offices.items.map((office) => accountRepository.holdersIn(office.orgId, scope)),
  );
  const expertIds = [
    ...new Set(
      holders
        .flat()
        .filter((assignment) => assignment.role === "expert")
        .map((assignment) => assignment.accountId),
    ),
  ];
  const [profiles, accounts] = await Promise.all([
    reviewerRepository.getMany(scope, expertIds),
    Promise.all(expertIds.map((accountId) => accountRepository.get(accountId))),
  ]);
  const enabled = new Set(
    accounts.flatMap((account) => (account && !account.disabled ? [account.accountId] : [])),
  );
  return profiles.filter((profile) => enabled.has(profile.accountId));
}
