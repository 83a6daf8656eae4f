import { alreadyDecided } from "../../adapters/dynamodb/decisions";
import {
  type EntrustmentRecord,
  entrustmentRepository,
} from "../../adapters/dynamodb/entrustment-repository";
import { DomainError, ruleViolation } from "../../core/errors";
import { httpErrors } from "../../http/errors";
import { type BoundRoute, route } from "../../http/handler-group";
import { decideEntrustment, fileEntrustment, getEntrustment } from "../../http/routes/entrustments";

async function requireEntrustment(unitId: string, roundId: string): Promise<EntrustmentRecord> {
  const found = await entrustmentRepository.get(unitId, roundId);
  if (!found) throw httpErrors.notFound();
  return found;
}

export const entrustmentRoutes: BoundRoute[] = [
  route(fileEntrustment, async ({ actor, subject: { org: unit }, params, body, now }) => {
    if (!unit.central) {
      throw ruleViolation(
        "R2.4",
        "ENTRUSTMENT_NOT_NEEDED",
        "只有中央在甘单位需要委托评审；该单位不是中央在甘单位，无需登记委托函。",
      );
    }
    const existing = await entrustmentRepository.get(unit.orgId, params.roundId);
    if (existing && existing.status !== "refused") {
      throw new DomainError("ENTRUSTMENT_EXISTS", "该单位本轮次已有委托函记录，请刷新后查看。");
    }
    const record: EntrustmentRecord = {
      unitId: unit.orgId,
      roundId: params.roundId,
      letterNumber: body.letterNumber,
      receivedOn: body.receivedOn,
      status: "filed",
      filedBy: actor.account.accountId,
      filedAt: now.toISOString(),
      version: (existing?.version ?? 0) + 1,
    };
    await entrustmentRepository.file(record, existing, {
      actor: actor.account.accountId,
      action: "file_entrustment",
      at: now,
      detail: { roundId: params.roundId, letterNumber: body.letterNumber, receivedOn: body.receivedOn },
    });
    return record;
  }),

  route(decideEntrustment, async ({ actor, subject: { org: unit }, params, body, now }) => {
    const record = await requireEntrustment(unit.orgId, params.roundId);
    if (record.status !== "filed") throw alreadyDecided();
    return entrustmentRepository.decide(record, body.decision, body.reason, body.expectedVersion, {
      actor: actor.account.accountId,
      action: `entrustment_${body.decision}`,
      at: now,
      detail: { roundId: params.roundId, reason: body.reason ?? "" },
    });
  }),

  route(getEntrustment, async ({ subject: { org: unit }, params }) =>
    requireEntrustment(unit.orgId, params.roundId),
  ),
];
