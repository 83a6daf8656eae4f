import {
  type AccountRecord,
  accountRepository,
  isStanding,
  type RoleAssignment,
} from "../adapters/dynamodb/account-repository";
import type { ApplicationRecord } from "../adapters/dynamodb/application-record";
import { applicationRepository } from "../adapters/dynamodb/application-repository";
import { type MeetingRecord, meetingRepository } from "../adapters/dynamodb/meeting-repository";
import type { OrgRecord, UnitRecord } from "../adapters/dynamodb/org-record";
import { orgRepository } from "../adapters/dynamodb/org-repository";
import type { RoundRecord } from "../adapters/dynamodb/round-repository";
import { DomainError } from "../core/errors";
import { ROLE_LABELS, type Role } from "../core/roles";
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

/** Where each round role is held: the roles a reset clears, by kind of organisation (R3.2). */
const ROLE_ORG_KIND: Partial<Record<Role, OrgRecord["kind"]>> = {
  unit_handler: "unit",
  unit_leader: "unit",
  department_reviewer: "department",
  expert: "office",
  panel_member: "office",
  committee_member: "office",
};

/** Who gives a round's roles back after the reset, by the kind of organisation they are held in (R3.2). */
const REASSIGNED_BY: Partial<Record<OrgRecord["kind"], string>> = {
  unit: "本单位系统管理员",
  department: "本部门（审核部门）系统管理员",
  office: "省职改办",
};

/**
 * 403, and when the reset is why — the route needs a round role (not an administrator's standing
 * one) and the round has been reset — a refusal that says so and who re-assigns the role: naming the
 * roles the caller held before the reset while their records remain; once the purge has removed them,
 * the roles of the caller's kind of organisation the route needs, to a staff account left with no role.
 */
async function refusalWithoutRole(
  rule: Extract<AccessRule, { access: "roles" }>,
  actor: Actor,
  round: RoundRecord | undefined,
): Promise<DomainError> {
  const needed = (Object.keys(rule.grants) as Role[]).filter((role) => !isStanding(role));
  if (!round || round.generation <= 1 || actor.account.kind !== "staff" || needed.length === 0) {
    return httpErrors.forbidden();
  }
  const [org, former] = await Promise.all([
    orgRepository.get(actor.account.orgId),
    accountRepository.formerRolesOf(actor.account.accountId, {
      roundId: round.roundId,
      generation: round.generation,
    }),
  ]);
  const who = org && REASSIGNED_BY[org.kind];
  const held = former.map((assignment) => assignment.role).filter((role) => needed.includes(role));
  // Without a record of the former roles, only someone left with no role at all is told of the reset.
  const ofOrg =
    actor.roles.length === 0 ? needed.filter((role) => org && ROLE_ORG_KIND[role] === org.kind) : [];
  if (!who || (held.length === 0 && ofOrg.length === 0)) return httpErrors.forbidden();
  const labels = (roles: Role[]) => [...new Set(roles)].map((role) => `“${ROLE_LABELS[role]}”`).join("、");
  const message = held.length
    ? `您在本轮次的${labels(held)}角色已随系统重置清除（重置后只保留系统管理员），请联系${who}重新分配后再办理。`
    : `本轮次已重置，重置前分配的${labels(ofOrg)}等角色均已清除（重置后只保留系统管理员）；如由您办理此项工作，请联系${who}重新分配角色。`;
  return new DomainError("ROLE_REMOVED_BY_RESET", message);
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
  if (held.length === 0) throw await refusalWithoutRole(rule, actor, round);
  const subject = await resolveSubject(rule.subject, params, round);
  const inReach = held.some((assignment) => {
    const reach = rule.grants[assignment.role];
    return reach !== undefined && reaches(assignment, reach, actor, subject);
  });
  if (!inReach) throw httpErrors.notFound();
  return { actor, subject };
}
