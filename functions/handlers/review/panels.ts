import { randomUUID } from "node:crypto";
import { type PanelRecord, panelRepository } from "../../adapters/dynamodb/panel-repository";
import { type BoundRoute, route } from "../../http/handler-group";
import { roundInScope } from "../../http/round-in-scope";
import { createPanel, listPanels } from "../../http/routes/committee";
import { toPanelView } from "../../http/views/committee-view";
import { requireRoleHolders } from "../../services/committee-roster";
import { actingAs } from "./desk";

export const panelRoutes: BoundRoute[] = [
  route(createPanel, async ({ actor, params, body, now }) => {
    const { scope } = await roundInScope(params.roundId);
    const organiser = actingAs(actor, "organiser");
    const members = await requireRoleHolders(scope, body.members, "panel_member", "members");
    const panel: PanelRecord = {
      panelId: randomUUID(),
      scope,
      name: body.name,
      subjects: body.subjects,
      members,
      createdBy: organiser.id,
      createdAt: now.toISOString(),
    };
    await panelRepository.create(panel);
    return toPanelView(panel);
  }),

  route(listPanels, async ({ params, query }) => {
    const { scope } = await roundInScope(params.roundId);
    const page = await panelRepository.list(scope, query.cursor);
    return {
      panels: page.items.map(toPanelView),
      ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
    };
  }),
];
