import { orgRepository } from "../../adapters/dynamodb/org-repository";
import { DomainError } from "../../core/errors";
import { type BoundRoute, route } from "../../http/handler-group";
import { registerApplicant } from "../../http/routes/registration";
import { openAccount } from "../../services/account-opening";

function unknownUnit(): DomainError {
  return new DomainError("UNKNOWN_UNIT", "所选单位不存在，请从单位名录中选择。", {
    fields: [{ path: "body.unitId", message: "所选单位不存在" }],
  });
}

export const registrationRoutes: BoundRoute[] = [
  route(registerApplicant, async ({ body, now }) => {
    const unit = await orgRepository.get(body.unitId);
    if (unit?.kind !== "unit") throw unknownUnit();
    const { account } = await openAccount({
      kind: "applicant",
      orgId: unit.orgId,
      username: body.username,
      password: body.password,
      temporaryPassword: false,
      realName: body.realName,
      residentId: body.residentId,
      phone: body.phone,
      roles: [],
      generation: undefined,
      openedBy: "self",
      at: now,
    });
    return {
      accountId: account.accountId,
      username: account.username,
      realName: account.realName,
      unitId: unit.orgId,
    };
  }),
];
