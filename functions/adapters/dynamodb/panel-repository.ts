import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { DomainError } from "../../core/errors";
import { auditPut } from "./audit-repository";
import { documentClient, tableName } from "./client";
import { committeeKeys } from "./committee-keys";
import { newGenerationItem } from "./generation-items";
import type { GenerationScope } from "./keys";
import { type Page, queryIndexPage } from "./page";
import { withoutKeys } from "./records";
import { writeTogether } from "./transactions";

/** A defense panel (学科组, R4.5): a name, the subjects it hears, and its members by account. */
export interface PanelRecord {
  panelId: string;
  scope: GenerationScope;
  name: string;
  subjects: string;
  members: { accountId: string; realName: string }[];
  createdBy: string;
  createdAt: string;
}

function toRecord(item: Record<string, unknown>): PanelRecord {
  return withoutKeys(item) as unknown as PanelRecord;
}

export const panelRepository = {
  /** The panel and its audit record; a second panel of the same id is refused. */
  async create(panel: PanelRecord): Promise<void> {
    await writeTogether([
      newGenerationItem(
        panel.scope,
        committeeKeys.panel(panel.scope, panel.panelId),
        { GSI1PK: committeeKeys.roundPanels(panel.scope), GSI1SK: `${panel.name}#${panel.panelId}` },
        panel,
        () => new DomainError("PANEL_EXISTS", "该学科组已存在，请勿重复创建。"),
      ),
      {
        write: auditPut({
          entity: `ROUND#${panel.scope.roundId}`,
          action: "create_panel",
          actor: panel.createdBy,
          at: new Date(panel.createdAt),
          detail: {
            panelId: panel.panelId,
            name: panel.name,
            members: panel.members.map((member) => member.accountId),
          },
        }),
      },
    ]);
  },

  async get(scope: GenerationScope, panelId: string): Promise<PanelRecord | undefined> {
    const found = await documentClient.send(
      new GetCommand({ TableName: tableName(), Key: committeeKeys.panel(scope, panelId) }),
    );
    return found.Item ? toRecord(found.Item) : undefined;
  },

  list(scope: GenerationScope, cursor?: string): Promise<Page<PanelRecord>> {
    return queryIndexPage<PanelRecord>({
      index: "GSI1",
      partition: committeeKeys.roundPanels(scope),
      cursor,
    });
  },
};
