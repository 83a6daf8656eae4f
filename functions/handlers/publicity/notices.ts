import { noticeRepository } from "../../adapters/dynamodb/notice-repository";
import { httpErrors } from "../../http/errors";
import { type BoundRoute, route } from "../../http/handler-group";
import { roundInScope } from "../../http/round-in-scope";
import { getNotice, listNotices } from "../../http/routes/unit-publicity";
import { toPublicNoticeView } from "../../http/views/notice-view";

export const noticeRoutes: BoundRoute[] = [
  route(listNotices, async ({ params, query, now }) => {
    const { scope } = await roundInScope(params.roundId);
    const page = await noticeRepository.list(scope, query.unitId, query.cursor);
    return {
      notices: page.items.map((notice) => toPublicNoticeView(notice, now)),
      ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
    };
  }),

  route(getNotice, async ({ params, now }) => {
    const { scope } = await roundInScope(params.roundId);
    const notice = await noticeRepository.get(scope, params.noticeId);
    if (!notice) throw httpErrors.notFound();
    return toPublicNoticeView(notice, now);
  }),
];
