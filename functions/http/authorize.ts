import {
  type AccountRecord,
  accountRepository,
  type RoleAssignment,
} from "../adapters/dynamodb/account-repository";
import type { ApplicationRecord } from "../adapters/dynamodb/application-record";
import { applicationRepository } from "../adapters/dynamodb/application-repository";
import { type MeetingRecord, meetingRepository } from "../adapters/dynamodb/meeting-repository";
import type { OrgRecord, UnitRecord } from "../adapters/dynamodb/org-record";
import { orgRepository } from "../adapters/dynamodb/org-repository";
import type { RoundRecord } from "../adapters/dynamodb/round-repository";
import type { ACCESS_POLICY, AccessRule, OperationId, Reach, Subject } from "./access-policy";
import { type Actor, loadActor } from "./actor";
import type { Caller } from "./caller";
import { foregroundRound, requireRound } from "./current-round";
import { httpErrors } from "./errors";

/** What the access check resolved: the handler acts on these, already known to be in scope. */
export interface Authorized {
  actor: Actor;
  subject: {
    org?: OrgRecord;
    account?: AccountRecord;
    application?: ApplicationRecord;
    meeting?: MeetingRecord;
  };
}

type RuleOf<Id> = Id extends OperationId ? (typeof ACCESS_POLICY)[Id] : never;

/** The subject a route's handler receives, typed from its entry in the access policy. */
export type SubjectOf<Id> =
  RuleOf<Id> extends { subject: { kind: "meeting" } }
    ? { meeting: MeetingRecord }
    : RuleOf<Id> extends { subject: { kind: "application" } }
      ? { application: ApplicationRecord; org: UnitRecord }
      : RuleOf<Id> extends { subject: { kind: "org"; orgKind: "unit" } }
        ? { org: UnitRecord }
        : RuleOf<Id> extends { subject: { kind: "org" } }
          ? { org: OrgRecord }
          : RuleOf<Id> extends { subject: { kind: "account" } }
            ? { account: AccountRecord; org: OrgRecord }
            : RuleOf<Id> extends { access: "own_account" }
              ? { account: AccountRecord }
              : Record<never, never>;

/** Who an application is assigned to by name, per role (R4.4 experts, R4.5 panel, R8.1 committee). */
function assignedTo(application: ApplicationRecord, role: RoleAssignment["role"]): readonly string[] {
  if (role === "expert") return application.appraisal?.experts ?? [];
  if (role === "panel_member") return application.defense?.members ?? [];
  if (role === "committee_member") return application.committee?.members ?? [];
  return [];
}

function reaches(assignment: RoleAssignment, reach: Reach, actor: Actor, subject: Authorized["subject"]) {
  const { org, account, application, meeting } = subject;
  switch (reach) {
    case "any":
      return true;
    case "self":
      return account?.accountId === actor.account.accountId;
    case "own_org":
      return org?.orgId === assignment.orgId;
    case "assigned":
      if (meeting) return meeting.members.some((member) => member.accountId === actor.account.accountId);
      return (
        application !== undefined &&
        assignedTo(application, assignment.role).includes(actor.account.accountId)
      );
    case "own_department":
      // A department sees its units' applications only once recommended to it (R4.3).
      if (application && application.recommendedAt === undefined) return false;
      return (
        org?.orgId === assignment.orgId || (org?.kind === "unit" && org.departmentId === assignment.orgId)
      );
  }
}

async function resolveApplication(round: RoundRecord | undefined, applicationId: string) {
  if (!round) throw httpErrors.notFound();
  const application = await applicationRepository.get(round, applicationId);
  // Drafts are the applicant's alone; the unit sees an application from its first submission on.
  if (!application?.firstSubmittedAt) throw httpErrors.notFound();
  const org = await orgRepository.get(application.unitId);
  if (org?.kind !== "unit") throw httpErrors.notFound();
  return { application, org };
}

async function resolveSubject(
  subject: Subject,
  params: Record<string, unknown>,
  round: RoundRecord | undefined,
) {
  if (subject.kind === "none") return {};
  const id = params[subject.param];
  if (typeof id !== "string") throw httpErrors.notFound();
  if (subject.kind === "application") return resolveApplication(round, id);
  if (subject.kind === "meeting") {
    const meeting = round ? await meetingRepository.get(round, id) : undefined;
    if (!meeting) throw httpErrors.notFound();
    return { meeting };
  }
  if (subject.kind === "org") {
    const org = await orgRepository.get(id);
    if (!org || (subject.orgKind && org.kind !== subject.orgKind)) throw httpErrors.notFound();
    return { org };
  }
  const account = await accountRepository.get(id);
  if (!account || (subject.accountKind && account.kind !== subject.accountKind)) throw httpErrors.notFound();
  const org = await orgRepository.get(account.orgId);
  if (!org) throw httpErrors.notFound();
  return { account, org };
}

/**
 * Runs the access policy for one request, reading the caller's account and roles from the table.
 * The roles that count are those of the round in the path, or of the round in the foreground; an application is
 * looked up in that round's current generation.
 */
export async function authorize(
  rule: Exclude<AccessRule, { access: "public" }>,
  caller: Caller,
  params: Record<string, unknown>,
): Promise<Authorized> {
  const round =
    typeof params.roundId === "string" ? await requireRound(params.roundId) : await foregroundRound();
  const actor = await loadActor(caller, round);
  if (rule.access === "own_account") return { actor, subject: { account: actor.account } };

  const held = actor.roles.filter((assignment) => rule.grants[assignment.role] !== undefined);
  if (held.length === 0) throw httpErrors.forbidden();
  const subject = await resolveSubject(rule.subject, params, round);
  const inReach = held.some((assignment) => {
    const reach = rule.grants[assignment.role];
    return reach !== undefined && reaches(assignment, reach, actor, subject);
  });
  if (!inReach) throw httpErrors.notFound();
  return { actor, subject };
}
