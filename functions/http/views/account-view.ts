import * as z from "zod/mini";
import type { AccountRecord, RoleAssignment } from "../../adapters/dynamodb/account-repository";

export const roleHeld = z.object({
  role: z.string(),
  orgId: z.string(),
  roundId: z
    .optional(z.string())
    .check(z.describe("The round whose generation the role belongs to; absent for standing roles")),
});

export const accountView = z
  .object({
    accountId: z.string(),
    username: z.string(),
    realName: z.string(),
    kind: z.enum(["staff", "applicant"]),
    orgId: z.string(),
    phone: z.string(),
    residentId: z
      .string()
      .check(z.describe("Masked (DESIGN.md §7); the clear number is never part of an account answer")),
    disabled: z.boolean(),
    roles: z.array(roleHeld),
    version: z.int(),
    createdAt: z.iso.datetime(),
  })
  .register(z.globalRegistry, { id: "Account" });

export function rolesView(roles: readonly RoleAssignment[]) {
  return roles.map((assignment) => ({
    role: assignment.role,
    orgId: assignment.orgId,
    ...(assignment.generation ? { roundId: assignment.generation.roundId } : {}),
  }));
}

export function toAccountView(
  account: AccountRecord,
  roles: readonly RoleAssignment[],
): z.input<typeof accountView> {
  return {
    accountId: account.accountId,
    username: account.username,
    realName: account.realName,
    kind: account.kind,
    orgId: account.orgId,
    phone: account.phone,
    residentId: account.residentId.masked,
    disabled: account.disabled,
    roles: rolesView(roles),
    version: account.version,
    createdAt: account.createdAt,
  };
}
