import { z } from "zod";
import type { ObjectionRecord } from "../../adapters/dynamodb/objection-repository";
import type { PublishedResults } from "../../services/result-notice";
import { staffNoticeView, toStaffNoticeView } from "./notice-view";

export const publishedResultsView = z
  .object({
    notice: staffNoticeView,
    published: z.number().int().describe("Applications this request put on the notice"),
    complete: z.boolean().describe("False while approved applications remain: call again to publish them"),
  })
  .meta({ id: "PublishedResults" });

export function toPublishedResultsView(
  outcome: PublishedResults,
  now: Date,
): z.input<typeof publishedResultsView> {
  return {
    notice: toStaffNoticeView(outcome.notice, now),
    published: outcome.published,
    complete: outcome.complete,
  };
}

export const officeObjectionView = z
  .object({
    objectionId: z.string(),
    noticeId: z.string(),
    onResultNotice: z.boolean().describe("Lodged against the round's result notice: the office resolves it"),
    entry: z.number().int(),
    lodgedAt: z.iso.datetime(),
    content: z.string().describe("Plain text as lodged; render it as text, never as markup"),
    contact: z.object({ name: z.string().optional(), phone: z.string().optional() }).optional(),
    status: z.enum(["unresolved", "upheld", "dismissed"]),
    resolution: z
      .object({
        outcome: z.enum(["upheld", "dismissed"]),
        followUp: z.enum(["return", "cancel"]).optional(),
        reason: z.string(),
        resolvedBy: z.string(),
        resolvedAt: z.iso.datetime(),
      })
      .optional(),
  })
  .meta({ id: "OfficeObjection" });

export function toOfficeObjectionView(
  objection: ObjectionRecord,
  resultNoticeId: string,
): z.input<typeof officeObjectionView> {
  return { ...objection, onResultNotice: objection.noticeId === resultNoticeId };
}
