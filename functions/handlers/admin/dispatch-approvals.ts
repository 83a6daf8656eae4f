import { randomUUID } from "node:crypto";
import { alreadyDecided } from "../../adapters/dynamodb/decisions";
import { type DispatchApprovalRecord, dispatchRepository } from "../../adapters/dynamodb/dispatch-repository";
import { orgRepository } from "../../adapters/dynamodb/org-repository";
import { protectResidentId } from "../../adapters/identity/resident-id-protection";
import { DomainError } from "../../core/errors";
import { httpErrors } from "../../http/errors";
import { type BoundRoute, route } from "../../http/handler-group";
import {
  decideDispatchApproval,
  fileDispatchApproval,
  getDispatchApproval,
} from "../../http/routes/dispatch-approvals";

function view(record: DispatchApprovalRecord) {
  return { ...record, residentId: record.residentId.masked };
}

async function requireApproval(approvalId: string): Promise<DispatchApprovalRecord> {
  const found = await dispatchRepository.get(approvalId);
  if (!found) throw httpErrors.notFound();
  return found;
}

export const dispatchApprovalRoutes: BoundRoute[] = [
  route(fileDispatchApproval, async ({ actor, body, now }) => {
    const unit = await orgRepository.get(body.receivingUnitId);
    if (unit?.kind !== "unit") {
      throw new DomainError("UNKNOWN_UNIT", "接收单位不存在，请从单位名录中选择。", {
        fields: [{ path: "body.receivingUnitId", message: "接收单位不存在" }],
      });
    }
    const record: DispatchApprovalRecord = {
      approvalId: randomUUID(),
      realName: body.realName,
      residentId: await protectResidentId(body.residentId),
      receivingUnitId: unit.orgId,
      sendingOrganisation: body.sendingOrganisation,
      approvalDocument: body.approvalDocument,
      status: "filed",
      filedBy: actor.account.accountId,
      filedAt: now.toISOString(),
      version: 1,
    };
    await dispatchRepository.file(record, {
      actor: actor.account.accountId,
      action: "file_dispatch_approval",
      at: now,
      detail: {
        realName: record.realName,
        residentId: record.residentId.masked,
        receivingUnitId: record.receivingUnitId,
        approvalDocument: record.approvalDocument,
      },
    });
    return view(record);
  }),

  route(getDispatchApproval, async ({ params }) => view(await requireApproval(params.approvalId))),

  route(decideDispatchApproval, async ({ actor, params, body, now }) => {
    const record = await requireApproval(params.approvalId);
    if (record.status !== "filed") throw alreadyDecided();
    const decided = await dispatchRepository.decide(
      record,
      body.decision,
      body.reason,
      body.expectedVersion,
      {
        actor: actor.account.accountId,
        action: `dispatch_${body.decision}`,
        at: now,
        detail: { reason: body.reason ?? "" },
      },
    );
    return view(decided);
  }),
];
