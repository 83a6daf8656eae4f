import { randomBytes } from "node:crypto";
import { noticeRepository } from "../../adapters/dynamodb/notice-repository";
import { type ObjectionRecord, objectionRepository } from "../../adapters/dynamodb/objection-repository";
import { formatShanghai } from "../../core/calendar";
import { DomainError } from "../../core/errors";
import { httpErrors } from "../../http/errors";
import { type BoundRoute, route } from "../../http/handler-group";
import { roundInScope } from "../../http/round-in-scope";
import { lodgeObjection } from "../../http/routes/unit-publicity";

/**
 * Objections per client address and hour: enough for anyone with something to say, even behind one
 * office's shared address, and a bound on flooding a notice (§7). One counter item per address and
 * window, expiring by TTL: no global counter, no hot key.
 */
export const OBJECTIONS_PER_ADDRESS_PER_HOUR = 10;
const WINDOW_MS = 60 * 60 * 1000;

/** Sorts by the time it was lodged, then at random: the unit reads objections in order. */
function objectionId(at: Date): string {
  return `o${at.getTime().toString(36).padStart(9, "0")}${randomBytes(6).toString("hex")}`;
}

export const objectionRoutes: BoundRoute[] = [
  route(lodgeObjection, async ({ params, body, now, sourceIp }) => {
    const { scope } = await roundInScope(params.roundId);
    const notice = await noticeRepository.get(scope, params.noticeId);
    if (!notice) throw httpErrors.notFound();
    if (now < new Date(notice.startsAt) || now >= new Date(notice.endsAt)) {
      throw new DomainError(
        "NOTICE_CLOSED",
        `该公示已于${formatShanghai(new Date(notice.endsAt))}（北京时间）结束，不再受理异议；如有问题，请向审核部门反映。`,
      );
    }
    const entry = notice.entries.find((listed) => listed.entry === body.entry);
    if (!entry) {
      throw new DomainError("VALIDATION_FAILED", "公示中没有该序号，请核对后重新填写。", {
        fields: [{ path: "body.entry", message: `序号应为1至${notice.entries.length}` }],
      });
    }
    const windowStart = new Date(Math.floor(now.getTime() / WINDOW_MS) * WINDOW_MS);
    const objection: ObjectionRecord = {
      objectionId: objectionId(now),
      noticeId: notice.noticeId,
      applicationId: entry.applicationId,
      entry: entry.entry,
      lodgedAt: now.toISOString(),
      content: body.content,
      ...(body.contact ? { contact: body.contact } : {}),
      status: "unresolved",
    };
    await objectionRepository.lodge(scope, objection, {
      address: sourceIp || "unknown",
      windowStart: windowStart.toISOString(),
      limit: OBJECTIONS_PER_ADDRESS_PER_HOUR,
      expiresAt: Math.floor((windowStart.getTime() + 2 * WINDOW_MS) / 1000),
      refused: () =>
        new DomainError(
          "TOO_MANY_OBJECTIONS",
          `同一网络地址每小时最多提交${OBJECTIONS_PER_ADDRESS_PER_HOUR}条异议，请稍后再提交；` +
            "如情况紧急，请直接向公示单位或审核部门反映。",
        ),
    });
    return {
      objectionId: objection.objectionId,
      lodgedAt: objection.lodgedAt,
      message: "异议已收到，公示单位将核查处理；您的联系方式仅供公示单位核实使用，不会公开。",
    };
  }),
];
