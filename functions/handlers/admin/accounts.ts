import {
  type AccountRecord,
  accountRepository,
  isStanding,
  type RoleAssignment,
} from "../../adapters/dynamodb/account-repository";
import { auditRepository } from "../../adapters/dynamodb/audit-repository";
import type { OrgRecord } from "../../adapters/dynamodb/org-record";
import { identityProvider } from "../../adapters/identity/current-identity-provider";
import { openResidentId } from "../../adapters/identity/resident-id-protection";
import { DomainError } from "../../core/errors";
import type { Actor } from "../../http/actor";
import { currentGeneration } from "../../http/current-generation";
import { type BoundRoute, route } from "../../http/handler-group";
import {
  requireGrantable,
  requireSeparateUnitRoles,
  STAFF_ROLES,
  type StaffRole,
} from "../../http/role-grants";
import {
  createAccount,
  disableAccount,
  enableAccount,
  getApplicantResidentId,
  listAccounts,
  setAccountRoles,
} from "../../http/routes/accounts";
import { toAccountView } from "../../http/views/account-view";
import { noRound, openAccount } from "../../services/account-opening";
import { temporaryPassword } from "../../services/temporary-password";

function refuseSelf(actor: Actor, account: AccountRecord): void {
  if (actor.account.accountId === account.accountId) {
    throw new DomainError(
      "OWN_ACCOUNT",
      "不能修改自己账号的角色或停用自己的账号，请由本机构另一位管理员或上级管理员办理。",
    );
  }
}

const isStaffRole = (role: string): role is StaffRole => (STAFF_ROLES as readonly string[]).includes(role);

async function rolesInOrg(
  account: AccountRecord,
  org: OrgRecord,
  roundId?: string,
): Promise<RoleAssignment[]> {
  const held = await accountRepository.rolesOf(account.accountId, await currentGeneration(roundId));
  return held.filter((assignment) => assignment.orgId === org.orgId);
}

/** Disabling and enabling: the table first (it decides every request), then the sign-in identity. */
async function setDisabled(
  actor: Actor,
  account: AccountRecord,
  org: OrgRecord,
  disabled: boolean,
  expectedVersion: number,
  now: Date,
  reason?: string,
) {
  refuseSelf(actor, account);
  let version = account.version;
  if (account.disabled !== disabled) {
    version = await accountRepository.setDisabled(account, disabled, expectedVersion, {
      actor: actor.account.accountId,
      action: disabled ? "disable_account" : "enable_account",
      at: now,
      detail: reason ? { reason } : {},
    });
  }
  // Also when the table already agreed: a retry after the identity provider failed completes it.
  const idp = identityProvider();
  await (disabled ? idp.disableUser(account.username) : idp.enableUser(account.username));
  return toAccountView({ ...account, disabled, version }, await rolesInOrg(account, org));
}

export const accountRoutes: BoundRoute[] = [
  route(createAccount, async ({ actor, subject: { org }, body, now }) => {
    requireGrantable(actor, org, body.roles);
    if (org.kind === "unit") requireSeparateUnitRoles(body.roles);
    const password = temporaryPassword();
    const { account, roles } = await openAccount({
      kind: "staff",
      orgId: org.orgId,
      username: body.username,
      password,
      temporaryPassword: true,
      realName: body.realName,
      residentId: body.residentId,
      phone: body.phone,
      roles: body.roles,
      generation: await currentGeneration(body.roundId),
      openedBy: actor.account.accountId,
      at: now,
    });
    return { ...toAccountView(account, roles), temporaryPassword: password };
  }),

  route(listAccounts, async ({ subject: { org }, query }) => {
    const generation = await currentGeneration(query.roundId);
    const [page, holders] = await Promise.all([
      accountRepository.staffOf(org.orgId, query.cursor),
      generation ? accountRepository.holdersIn(org.orgId, generation) : Promise.resolve([]),
    ]);
    return {
      accounts: page.items.map((account) =>
        toAccountView(
          account,
          holders.filter((holder) => holder.accountId === account.accountId),
        ),
      ),
      ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
    };
  }),

  route(setAccountRoles, async ({ actor, subject: { account, org }, body, now }) => {
    refuseSelf(actor, account);
    const generation = await currentGeneration(body.roundId);
    const held = await rolesInOrg(account, org, body.roundId);
    const heldRoles = held.map((assignment) => assignment.role).filter(isStaffRole);
    const changed = [
      ...body.roles.filter((role) => !heldRoles.includes(role)),
      ...heldRoles.filter((role) => !body.roles.includes(role)),
    ];
    requireGrantable(actor, org, changed);
    if (org.kind === "unit") requireSeparateUnitRoles(body.roles);
    if (!generation && body.roles.some((role) => !isStanding(role))) throw noRound();
    const next: RoleAssignment[] = body.roles.map((role) => ({
      role,
      orgId: org.orgId,
      accountId: account.accountId,
      ...(isStanding(role) || !generation ? {} : { generation }),
    }));
    const version = await accountRepository.replaceRoles(account, body.expectedVersion, held, next, {
      actor: actor.account.accountId,
      action: "set_roles",
      at: now,
      detail: {
        before: heldRoles,
        after: body.roles,
        roundId: generation?.roundId,
        generation: generation?.generation,
      },
    });
    return toAccountView({ ...account, version }, next);
  }),

  route(disableAccount, async ({ actor, subject: { account, org }, body, now }) =>
    setDisabled(actor, account, org, true, body.expectedVersion, now, body.reason),
  ),

  route(enableAccount, async ({ actor, subject: { account, org }, body, now }) =>
    setDisabled(actor, account, org, false, body.expectedVersion, now),
  ),

  route(getApplicantResidentId, async ({ actor, subject: { account }, now }) => {
    // Audited before it is shown: a reading that cannot be recorded does not happen.
    await auditRepository.record({
      entity: `ACCOUNT#${account.accountId}`,
      action: "read_resident_id",
      actor: actor.account.accountId,
      at: now,
      detail: {},
    });
    return {
      accountId: account.accountId,
      realName: account.realName,
      residentId: await openResidentId(account.residentId),
    };
  }),
];
