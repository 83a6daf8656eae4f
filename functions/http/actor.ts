import {
  type AccountRecord,
  accountRepository,
  type RoleAssignment,
} from "../adapters/dynamodb/account-repository";
import type { GenerationScope } from "../adapters/dynamodb/keys";
import { DomainError } from "../core/errors";
import type { Role } from "../core/roles";
import type { Caller } from "./caller";
import { httpErrors } from "./errors";

export interface Actor {
  account: AccountRecord;
  roles: RoleAssignment[];
}

/**
 * The caller's account and roles, read from the table on every request: a token proves who someone
 * is, never what they may do, so a disabled account is refused on its next request. `current` is the
 * generation whose role assignments count (none before the first round exists: standing roles only).
 */
export async function loadActor(caller: Caller, current: GenerationScope | undefined): Promise<Actor> {
  const [account, assigned] = await Promise.all([
    accountRepository.get(caller.sub),
    accountRepository.rolesOf(caller.sub, current),
  ]);
  if (!account) throw httpErrors.unauthenticated();
  if (account.disabled) {
    throw new DomainError("ACCOUNT_DISABLED", "该账号已停用，请联系本单位系统管理员。");
  }
  // Being an applicant is what the account is, not a role someone grants: it is held in the unit
  // the applicant applies through, and no reset takes it away.
  const roles: RoleAssignment[] =
    account.kind === "applicant"
      ? [{ role: "applicant", orgId: account.orgId, accountId: account.accountId }, ...assigned]
      : assigned;
  return { account, roles };
}

/** For routes a role may never call at all (403); out-of-scope records answer 404 instead. */
export function requireAnyRole(actor: Actor, roles: readonly Role[]): void {
  if (!actor.roles.some((assignment) => roles.includes(assignment.role))) throw httpErrors.forbidden();
}
