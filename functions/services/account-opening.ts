import {
  type AccountKind,
  type AccountRecord,
  accountRepository,
  isStanding,
  type RoleAssignment,
} from "../adapters/dynamodb/account-repository";
import type { GenerationScope } from "../adapters/dynamodb/keys";
import { identityProvider } from "../adapters/identity/current-identity-provider";
import { protectResidentId } from "../adapters/identity/resident-id-protection";
import { logger } from "../adapters/logger";
import { DomainError } from "../core/errors";
import type { Role } from "../core/roles";

export interface AccountOpening {
  kind: AccountKind;
  orgId: string;
  username: string;
  password: string;
  /** Accounts an admin creates get a temporary password; applicants choose their own. */
  temporaryPassword: boolean;
  realName: string;
  /** Canonical (validated, upper-case) resident ID number. */
  residentId: string;
  phone: string;
  roles: readonly Role[];
  /** The generation that non-standing roles are assigned in: the newest round's current one. */
  generation: GenerationScope | undefined;
  /** The admin who opens the account, or `self` for a self-registration. */
  openedBy: string;
  at: Date;
}

export function noRound(): DomainError {
  return new DomainError(
    "NO_ROUND",
    "尚未设立评审轮次，暂时只能分配系统管理员类角色；请待省职改办设立轮次后再分配其他角色。",
  );
}

/**
 * Opens an account under a real name: the sign-in identity first (its subject is the account id),
 * then the account, its claims, roles and audit record in one transaction. If that transaction
 * fails — a duplicate found at the last moment — the identity is removed again.
 */
export async function openAccount(
  opening: AccountOpening,
): Promise<{ account: AccountRecord; roles: RoleAssignment[] }> {
  const { generation } = opening;
  if (!generation && opening.roles.some((role) => !isStanding(role))) throw noRound();
  const residentId = await protectResidentId(opening.residentId);
  const taken = await accountRepository.claims(opening.username, opening, residentId.hash);
  if (taken) throw taken;

  const idp = identityProvider();
  const { sub } = await idp.createUser({
    username: opening.username,
    password: opening.password,
    temporary: opening.temporaryPassword,
  });
  const account: AccountRecord = {
    accountId: sub,
    username: opening.username,
    realName: opening.realName,
    kind: opening.kind,
    orgId: opening.orgId,
    phone: opening.phone,
    residentId,
    disabled: false,
    version: 1,
    createdAt: opening.at.toISOString(),
  };
  const roles: RoleAssignment[] = opening.roles.map((role) => ({
    role,
    orgId: opening.orgId,
    accountId: sub,
    ...(isStanding(role) || !generation ? {} : { generation }),
  }));
  try {
    await accountRepository.create(account, roles, {
      actor: opening.openedBy === "self" ? sub : opening.openedBy,
      action: opening.kind === "applicant" ? "register_applicant" : "create_account",
      at: opening.at,
      detail: {
        username: account.username,
        realName: account.realName,
        orgId: account.orgId,
        residentId: residentId.masked,
        roles: [...opening.roles],
      },
    });
  } catch (error) {
    await idp.deleteUser(opening.username).catch((cleanup: unknown) => {
      logger.error("identity of an account that was not created could not be removed", {
        username: opening.username,
        error: cleanup as Error,
      });
    });
    throw error;
  }
  return { account, roles };
}
