import { GetCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import * as z from "zod/mini";
import { type AppraisalPassRule, type AppraisalVerdict, DEFAULT_APPRAISAL } from "../../core/committee";
import type { SoughtLevel } from "../../core/eligibility";
import { DomainError } from "../../core/errors";
import { eventWrite } from "./application-events";
import { applicationKeys } from "./application-keys";
import type { ActorRef, ApplicationRecord } from "./application-record";
import { editApplication } from "./application-repository";
import { planTransition, type TransitionRequest } from "./application-transition";
import { appraisalKeys } from "./appraisal-keys";
import { documentClient, tableName } from "./client";
import { type GenerationScope, keys, purgeIndexKeys } from "./keys";
import { type Page, queryIndexPage } from "./page";
import { withoutKeys } from "./records";
import { reviewerRepository } from "./reviewer-repository";
import { staleVersion } from "./round-repository";
import { type GuardedWrite, writeTogether } from "./transactions";

/** How many experts appraise each application and how their verdicts decide it (R4.4). */
export interface AppraisalSettings {
  expertsPerApplication: number;
  passRule: AppraisalPassRule;
}

/**
 * A round may carry its own `appraisalSettings`; absent, the default (3 experts, a majority passes).
 * The count stays within what one transaction can assign (an item and a load counter per expert).
 */
const appraisalSettingsSchema = z
  .object({
    expertsPerApplication: z._default(
      z.int().check(z.gte(1)).check(z.lte(15)),
      DEFAULT_APPRAISAL.expertsPerApplication,
    ),
    passRule: z._default(
      z.discriminatedUnion("kind", [
        z.object({ kind: z.literal("majority") }),
        z.object({ kind: z.literal("unanimous") }),
        z.object({ kind: z.literal("at_least"), passes: z.int().check(z.gte(1)) }),
      ]),
      DEFAULT_APPRAISAL.passRule,
    ),
  })
  .check(
    z.refine(
      (settings) =>
        settings.passRule.kind !== "at_least" || settings.passRule.passes <= settings.expertsPerApplication,
      { message: "passes exceeds expertsPerApplication" },
    ),
  );

/** One expert's assignment to one application, and their verdict once recorded. */
export interface AppraisalAssignmentRecord {
  applicationId: string;
  expertId: string;
  assignedAt: string;
  /** What the expert calls the application by; with anonymity it is all they know of the applicant. */
  reference: string;
  anonymised: boolean;
  /** The qualification sought and the specialty, for the expert's list. */
  qualification?: SoughtLevel;
  specialty?: string;
  /** Only when the appraisal is not anonymised. */
  applicantName?: string;
  verdict?: AppraisalVerdict;
  comments?: string;
  recordedAt?: string;
}

/** An assignment once its expert has given the verdict. */
export type RecordedAssignment = AppraisalAssignmentRecord &
  Required<Pick<AppraisalAssignmentRecord, "verdict" | "comments" | "recordedAt">>;

function toAssignment(item: Record<string, unknown>): AppraisalAssignmentRecord {
  return withoutKeys(item) as unknown as AppraisalAssignmentRecord;
}

function settingsInvalid(): DomainError {
  return new DomainError(
    "APPRAISAL_SETTINGS_INVALID",
    "本轮次的论文鉴定设置（每份申报的专家人数、通过规则）有误，请联系省职改办更正后再分配专家。",
  );
}

function evidenceChanged(): DomainError {
  return new DomainError("EVIDENCE_CHANGED", "所指定的材料已被修改或删除，请刷新材料列表后重新指定。");
}

function verdictAlreadyRecorded(): DomainError {
  return new DomainError("VERDICT_ALREADY_RECORDED", "您已提交过该申报的鉴定意见，鉴定意见提交后不能更改。");
}

function assignmentPut(scope: GenerationScope, assignment: AppraisalAssignmentRecord): GuardedWrite {
  const key = appraisalKeys.assignment(scope, assignment.applicationId, assignment.expertId);
  return {
    write: {
      Put: {
        TableName: tableName(),
        Item: {
          ...key,
          ...purgeIndexKeys(scope, key),
          ...appraisalKeys.expertIndex(
            scope,
            assignment.expertId,
            assignment.assignedAt,
            assignment.applicationId,
          ),
          ...assignment,
        },
        ConditionExpression: "attribute_not_exists(PK)",
      },
    },
    conflict: staleVersion,
  };
}

/** The verdict, once per expert: the condition refuses a second one even when two requests race. */
function verdictWrite(scope: GenerationScope, assignment: RecordedAssignment): GuardedWrite {
  return {
    write: {
      Update: {
        TableName: tableName(),
        Key: appraisalKeys.assignment(scope, assignment.applicationId, assignment.expertId),
        UpdateExpression: "SET verdict = :verdict, comments = :comments, recordedAt = :at",
        ConditionExpression: "attribute_exists(PK) AND attribute_not_exists(verdict)",
        ExpressionAttributeValues: {
          ":verdict": assignment.verdict,
          ":comments": assignment.comments,
          ":at": assignment.recordedAt,
        },
      },
    },
    conflict: verdictAlreadyRecorded,
  };
}

export interface VerdictRequest {
  application: ApplicationRecord;
  assignment: RecordedAssignment;
  actor: ActorRef;
  at: Date;
  /** The transition the verdict decides (R4.4), when it decides the appraisal. */
  decides?: Pick<TransitionRequest, "action" | "context" | "facts" | "detail">;
}

export const appraisalRepository = {
  /** The round's settings, parsed where read: a malformed record refuses the assignment rather than guess. */
  async settings(roundId: string): Promise<AppraisalSettings> {
    const found = await documentClient.send(
      new GetCommand({
        TableName: tableName(),
        Key: keys.round(roundId),
        ProjectionExpression: "appraisalSettings",
      }),
    );
    const stored = found.Item?.appraisalSettings;
    if (stored === undefined) return DEFAULT_APPRAISAL;
    const parsed = appraisalSettingsSchema.safeParse(stored);
    if (!parsed.success) throw settingsInvalid();
    return parsed.data;
  },

  /**
   * R4.4: the applicant's two representative papers, guarded by the version read and by each upload
   * still being the verified one the designation was checked against.
   */
  async designate(
    application: ApplicationRecord,
    evidenceIds: readonly string[],
    expectedVersion: number,
    actor: ActorRef,
    at: Date,
  ): Promise<ApplicationRecord> {
    const { scope, applicationId } = application;
    const saved = await editApplication(
      application,
      expectedVersion,
      { set: "representativePapers = :papers", values: { ":papers": evidenceIds } },
      { action: "designate_papers", actor, at, detail: { evidenceIds } },
      evidenceIds.map((evidenceId) => ({
        write: {
          ConditionCheck: {
            TableName: tableName(),
            Key: applicationKeys.evidence(scope, applicationId, evidenceId),
            ConditionExpression: "#status = :verified",
            ExpressionAttributeNames: { "#status": "status" },
            ExpressionAttributeValues: { ":verified": "verified" },
          },
        },
        conflict: evidenceChanged,
      })),
    );
    return { ...saved, representativePapers: [...evidenceIds] };
  },

  /**
   * The start of the appraisal in ONE transaction: the state with its `appraisal` facts and audit
   * record, an assignment per expert (their list is a query), and each expert's load.
   */
  async assign(
    transition: Omit<TransitionRequest, "together">,
    assignments: readonly AppraisalAssignmentRecord[],
  ): Promise<ApplicationRecord> {
    const { scope } = transition.application;
    const { updated, writes } = planTransition({
      ...transition,
      together: assignments.flatMap((assignment) => [
        assignmentPut(scope, assignment),
        reviewerRepository.loadWrite(scope, assignment.expertId),
      ]),
    });
    await writeTogether(writes);
    return updated;
  },

  /** The application's assignments and verdicts, read consistently. */
  async assignments(scope: GenerationScope, applicationId: string): Promise<AppraisalAssignmentRecord[]> {
    const found = await documentClient.send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: "PK = :pk AND begins_with(SK, :appraisal)",
        ExpressionAttributeValues: {
          ":pk": applicationKeys.partition(scope, applicationId),
          ":appraisal": "APPRAISAL#",
        },
        ConsistentRead: true,
      }),
    );
    return (found.Items ?? []).map(toAssignment);
  },

  /** What is assigned to the expert in the round, oldest first, a page at a time. */
  ofExpert(
    scope: GenerationScope,
    expertId: string,
    cursor?: string,
  ): Promise<Page<AppraisalAssignmentRecord>> {
    return queryIndexPage<AppraisalAssignmentRecord>({
      index: "GSI1",
      partition: appraisalKeys.expertPartition(scope, expertId),
      cursor,
    });
  },

  /**
   * The verdict with a move of the head's version, so that verdicts on one application are written one
   * after another and the last one sees all the others; when it decides the appraisal, the same
   * transaction moves the state.
   */
  async recordVerdict(request: VerdictRequest): Promise<ApplicationRecord> {
    const { application, assignment, actor, at } = request;
    const verdict = verdictWrite(application.scope, assignment);
    if (request.decides) {
      const { updated, writes } = planTransition({
        application,
        actor,
        ...request.decides,
        together: [verdict],
      });
      await writeTogether(writes);
      return updated;
    }
    const { scope, applicationId } = application;
    const version = application.version + 1;
    const updatedAt = at.toISOString();
    await writeTogether([
      {
        write: {
          Update: {
            TableName: tableName(),
            Key: applicationKeys.head(scope, applicationId),
            UpdateExpression: "SET #version = :next, updatedAt = :at",
            ConditionExpression: "#version = :expected AND #state = :state",
            ExpressionAttributeNames: { "#version": "version", "#state": "state" },
            ExpressionAttributeValues: {
              ":next": version,
              ":at": updatedAt,
              ":expected": application.version,
              ":state": application.state,
            },
          },
        },
        conflict: staleVersion,
      },
      verdict,
      eventWrite(scope, applicationId, version, {
        at: updatedAt,
        action: "record_verdict",
        actor: actor.id,
        role: actor.role,
        ...(actor.orgId ? { org: actor.orgId } : {}),
        detail: { verdict: assignment.verdict },
      }),
    ]);
    return { ...application, version, updatedAt };
  },
};
