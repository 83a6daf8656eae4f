import * as z from "zod/mini";
import type { ObjectionRecord } from "../../adapters/dynamodb/objection-repository";
import type { PublishedResults } from "../../services/result-notice";
import { staffNoticeView, toStaffNoticeView } from "./notice-view";
import { objectionView } from "./review-view";

export const publishedResultsView = z
  .object({
    notice: staffNoticeView,
    published: z.int().check(z.describe("Applications this request put on the notice")),
    complete: z
      .boolean()
      .check(z.describe("False while approved applications remain: call again to publish them")),
  })
  .register(z.globalRegistry, { id: "PublishedResults" });

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
  .extend(objectionView, {
    onResultNotice: z
      .boolean()
      .check(z.describe("Lodged against the round's result notice: the office resolves it")),
  })
  .register(z.globalRegistry, { id: "OfficeObjection" });

export function toOfficeObjectionView(
  objection: ObjectionRecord,
  resultNoticeId: string,
): z.input<typeof officeObjectionView> {
  return { ...objection, onResultNotice: objection.noticeId === resultNoticeId };
}
