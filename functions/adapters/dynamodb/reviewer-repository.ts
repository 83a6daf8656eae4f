import { GetCommand } from "@aws-sdk/lib-dynamodb";
import type { Expert } from "../../core/committee";
import { DomainError } from "../../core/errors";
import { appraisalKeys } from "./appraisal-keys";
import { type AuditContext, auditPut } from "./audit-repository";
import { batchGetItems } from "./batch-get";
import { documentClient, tableName } from "./client";
import { type GenerationScope, purgeIndexKeys } from "./keys";
import { type Page, queryIndexPage } from "./page";
import { withoutKeys } from "./records";
import { staleVersion } from "./round-repository";
import { type GuardedWrite, writeTogether } from "./transactions";

/**
 * What the title office records about an expert, panel member or committee member for one round: the
 * facts the appraisal (R4.4) and the recusal rules (R8.2) are decided on.
 */
export interface ReviewerProfile {
  accountId: string;
  realName: string;
  /** The professional title held, as written on the certificate (e.g. 教授). */
  title: string;
  /** Full senior title (正高级): only they appraise papers (R4.4). */
  fullSenior: boolean;
  /** The unit's organisation id when the reviewer works in a unit of this system. */
  workUnitId?: string;
  workUnitName: string;
  /** Applicant account ids the reviewer declared a conflict of interest with (R8.2). */
  declaredConflicts: string[];
  /** Applications assigned to the reviewer for appraisal in this round, to spread the work. */
  load: number;
  version: number;
  updatedAt: string;
  updatedBy: string;
}

/** The fields the office sets; the load counts assignments and the version counts edits. */
export type ReviewerFacts = Pick<
  ReviewerProfile,
  "accountId" | "realName" | "title" | "fullSenior" | "workUnitId" | "workUnitName" | "declaredConflicts"
>;

/**
 * The reviewer as the core's recusal rules see them (R8.2). A reviewer from outside the system's units
 * has no unit id, so is never "same unit" with an applicant, who always applies through one.
 */
export function expertOf(profile: ReviewerProfile): Expert {
  return {
    expertId: profile.accountId,
    fullSenior: profile.fullSenior,
    unitId: profile.workUnitId ?? `external:${profile.workUnitName}`,
    declaredConflicts: profile.declaredConflicts,
    load: profile.load,
  };
}

function toProfile(item: Record<string, unknown>): ReviewerProfile {
  return withoutKeys(item) as unknown as ReviewerProfile;
}

function profileExists(): DomainError {
  return new DomainError(
    "REVIEWER_PROFILE_EXISTS",
    "该专家本轮次的信息已由他人填写，请刷新后在最新内容上修改（须带上版本号 expectedVersion）。",
  );
}

function profileMissing(): DomainError {
  return new DomainError(
    "REVIEWER_PROFILE_MISSING",
    "该专家本轮次尚无专家信息，请先填写（不带版本号）再修改。",
  );
}

export const reviewerRepository = {
  async get(scope: GenerationScope, accountId: string): Promise<ReviewerProfile | undefined> {
    const found = await documentClient.send(
      new GetCommand({
        TableName: tableName(),
        Key: appraisalKeys.reviewer(scope, accountId),
        ConsistentRead: true,
      }),
    );
    return found.Item ? toProfile(found.Item) : undefined;
  },

  /** The round's profiles by account id, a page at a time. */
  list(scope: GenerationScope, cursor?: string): Promise<Page<ReviewerProfile>> {
    return queryIndexPage<ReviewerProfile>({
      index: "GSI1",
      partition: appraisalKeys.reviewersPartition(scope),
      cursor,
    });
  },

  /** The profiles of these accounts that exist, read consistently (an expert pool: tens, not thousands). */
  async getMany(scope: GenerationScope, accountIds: readonly string[]): Promise<ReviewerProfile[]> {
    const found = await batchGetItems(
      accountIds.map((accountId) => appraisalKeys.reviewer(scope, accountId)),
    );
    return [...found.values()].map(toProfile);
  },

  /**
   * Creates the profile (no `expectedVersion`) or edits it if nobody changed it since it was read; the
   * load is the assignments' and is never overwritten here. The audit record joins the account's trail.
   */
  async save(
    scope: GenerationScope,
    facts: ReviewerFacts,
    expectedVersion: number | undefined,
    audit: AuditContext,
  ): Promise<ReviewerProfile> {
    const key = appraisalKeys.reviewer(scope, facts.accountId);
    const at = audit.at.toISOString();
    const stamp = { updatedAt: at, updatedBy: audit.actor };
    const audited = {
      write: auditPut({
        entity: `ACCOUNT#${facts.accountId}`,
        ...audit,
        detail: { ...audit.detail, ...scope, profile: facts },
      }),
    };
    if (expectedVersion === undefined) {
      await writeTogether([
        {
          write: {
            Put: {
              TableName: tableName(),
              Item: {
                ...key,
                ...purgeIndexKeys(scope, key),
                ...appraisalKeys.reviewerIndex(scope, facts.accountId),
                ...facts,
                load: 0,
                version: 1,
                ...stamp,
              },
              ConditionExpression: "attribute_not_exists(PK)",
            },
          },
          conflict: profileExists,
        },
        audited,
      ]);
    } else {
      const { workUnitId, ...fields } = facts;
      const set = { ...fields, ...(workUnitId === undefined ? {} : { workUnitId }), ...stamp };
      const names = Object.fromEntries(Object.keys(set).map((name, index) => [`#f${index}`, name]));
      const values = Object.fromEntries(Object.values(set).map((value, index) => [`:f${index}`, value]));
      await writeTogether([
        {
          write: {
            Update: {
              TableName: tableName(),
              Key: key,
              UpdateExpression: `SET ${Object.keys(names)
                .map((name, index) => `${name} = :f${index}`)
                .join(", ")}, #version = :next${workUnitId === undefined ? " REMOVE workUnitId" : ""}`,
              ConditionExpression: "attribute_exists(PK) AND #version = :expected",
              ExpressionAttributeNames: { ...names, "#version": "version" },
              ExpressionAttributeValues: {
                ...values,
                ":expected": expectedVersion,
                ":next": expectedVersion + 1,
              },
            },
          },
          conflict: staleVersion,
        },
        audited,
      ]);
    }
    const saved = await reviewerRepository.get(scope, facts.accountId);
    if (!saved) throw profileMissing();
    return saved;
  },

  /** One more application for the reviewer, written in the assignment's own transaction. */
  loadWrite(scope: GenerationScope, accountId: string): GuardedWrite {
    return {
      write: {
        Update: {
          TableName: tableName(),
          Key: appraisalKeys.reviewer(scope, accountId),
          UpdateExpression: "ADD #load :one",
          ConditionExpression: "attribute_exists(PK)",
          ExpressionAttributeNames: { "#load": "load" },
          ExpressionAttributeValues: { ":one": 1 },
        },
      },
      conflict: profileMissing,
    };
  },
};
