import { accountRepository } from "../adapters/dynamodb/account-repository";
import type { GenerationScope } from "../adapters/dynamodb/keys";
import { reviewerRepository } from "../adapters/dynamodb/reviewer-repository";
import { type Appraisee, type ConflictKind, conflictOf } from "../core/committee";
import { DomainError } from "../core/errors";
import { ROLE_LABELS, type Role } from "../core/roles";

export interface RosterMember {
  accountId: string;
  realName: string;
}

/**
 * The named accounts as members of a panel or meeting: each must exist, be enabled and hold `role` in
 * this round (experts and members are appointed per round, R3.2). Every refused one is named.
 */
export async function requireRoleHolders(
  scope: GenerationScope,
  accountIds: readonly string[],
  role: Role,
  field: string,
): Promise<RosterMember[]> {
  const found = await Promise.all(
    accountIds.map(async (accountId) => {
      const [account, roles] = await Promise.all([
        accountRepository.get(accountId),
        accountRepository.rolesOf(accountId, scope),
      ]);
      return { accountId, account, holds: roles.some((assignment) => assignment.role === role) };
    }),
  );
  const refused = found.flatMap(({ account, holds }, index) =>
    account && !account.disabled && holds
      ? []
      : [{ path: `body.${field}.${index}`, message: `该账号不是本轮的${ROLE_LABELS[role]}或已停用` }],
  );
  if (refused.length > 0) {
    throw new DomainError(
      "NOT_A_ROLE_HOLDER",
      `所列人员须为本轮已授予“${ROLE_LABELS[role]}”角色且未停用的账号，请核对后重试。`,
      { rule: "R3.2", fields: refused },
    );
  }
  return found.map(({ accountId, account }) => ({ accountId, realName: account?.realName ?? "" }));
}

/**
 * R8.2: why a reviewer must stay out of this applicant's case, from the profile the title office keeps
 * (work unit, declared conflicts). Without a profile only the applicant themself can be recognised.
 */
export async function conflictWith(
  scope: GenerationScope,
  accountId: string,
  appraisee: Appraisee,
): Promise<ConflictKind | undefined> {
  if (accountId === appraisee.applicantId) return "self";
  const profile = await reviewerRepository.get(scope, accountId);
  if (!profile) return undefined;
  return conflictOf(
    {
      expertId: accountId,
      fullSenior: profile.fullSenior,
      unitId: profile.workUnitId ?? "",
      declaredConflicts: profile.declaredConflicts,
      load: profile.load,
    },
    appraisee,
  );
}
