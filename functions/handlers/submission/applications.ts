import { randomUUID } from "node:crypto";
import type { AccountRecord } from "../../adapters/dynamodb/account-repository";
import type { ActorRef, ApplicationRecord } from "../../adapters/dynamodb/application-record";
import {
  applicationRepository,
  type LoadedApplication,
} from "../../adapters/dynamodb/application-repository";
import { orgRepository } from "../../adapters/dynamodb/org-repository";
import { residentIdHash } from "../../adapters/identity/resident-id-protection";
import { assertWindowOpen } from "../../core/calendar";
import { eligibilityConfigOf } from "../../core/eligibility";
import { DomainError } from "../../core/errors";
import type { BaseInfo, SectionId } from "../../core/forms";
import { isReady } from "../../core/readiness";
import type { Actor } from "../../http/actor";
import { httpErrors } from "../../http/errors";
import { type BoundRoute, route } from "../../http/handler-group";
import { isRehearsal } from "../../http/round-in-scope";
import {
  createApplication,
  getApplication,
  getApplicationChecklist,
  getIntegrityPledge,
  listMyApplications,
  saveAbilitySection,
  saveAchievementsSection,
  saveBaseInfo,
  saveBasicSection,
  saveMoralSection,
  saveSummarySection,
  signIntegrityPledge,
} from "../../http/routes/applications";
import { toApplicationSummary, toApplicationView } from "../../http/views/application-view";
import { eligibilityPrecheck } from "../../services/application-eligibility";
import { checklistOf } from "../../services/application-readiness";
import { assertMayStartApplication } from "../../services/application-start";
import { INTEGRITY_PLEDGE } from "../../services/integrity-pledge";
import { applicantOf, ownLoadedApplication, requireEditable, roundInScope } from "./application-scope";

/** R7.1: the application is in the name the applicant registered under (real name, issue #4). */
function requireRegisteredName(baseInfo: BaseInfo, account: AccountRecord, path: string): void {
  if (baseInfo.name === account.realName) return;
  throw new DomainError(
    "NAME_NOT_REGISTERED",
    `姓名须与实名注册的姓名“${account.realName}”一致；如注册信息有误，请联系所在单位。`,
    { fields: [{ path, message: "与实名注册的姓名不一致" }] },
  );
}

/** The basic section names the applicant's own ID number; it is checked and kept with the account only. */
async function withoutResidentId(data: { residentId: string }, account: AccountRecord) {
  if ((await residentIdHash(data.residentId)) !== account.residentId.hash) {
    throw new DomainError(
      "RESIDENT_ID_NOT_REGISTERED",
      "身份证号码须与实名注册时的号码一致；如注册信息有误，请联系所在单位。",
      { fields: [{ path: "body.data.residentId", message: "与实名注册的身份证号码不一致" }] },
    );
  }
  const { residentId: _number, ...rest } = data;
  return rest;
}

function view(application: ApplicationRecord, loaded: LoadedApplication, actor: Actor) {
  return toApplicationView(application, loaded.sections, actor.account.residentId.masked);
}

interface SectionRequest {
  actor: Actor;
  params: { roundId: string; applicationId: string };
  body: { expectedVersion: number; confirmed: boolean; data: unknown };
  now: Date;
}

async function saveSection(section: SectionId, { actor, params, body, now }: SectionRequest) {
  const applicant = applicantOf(actor);
  const inScope = await roundInScope(params.roundId);
  const loaded = await ownLoadedApplication(inScope, params.applicationId, applicant);
  requireEditable(loaded.application, applicant, inScope, now);
  const stored =
    section === "basic"
      ? await withoutResidentId(body.data as { residentId: string }, actor.account)
      : body.data;
  const saved = await applicationRepository.saveSection(
    loaded.application,
    section,
    stored,
    body.confirmed,
    body.expectedVersion,
    applicant,
    now,
  );
  return view(saved, { ...loaded, sections: { ...loaded.sections, [section]: stored } }, actor);
}

export const applicationRoutes: BoundRoute[] = [
  route(getIntegrityPledge, async () => ({
    ...INTEGRITY_PLEDGE,
    paragraphs: [...INTEGRITY_PLEDGE.paragraphs],
  })),

  route(createApplication, async ({ actor, params, body, now }) => {
    const applicant: ActorRef = applicantOf(actor);
    const inScope = await roundInScope(params.roundId);
    // Drafts may be written from the pre-preparation on; the reset clears those of the rehearsal (R3.3).
    assertWindowOpen("edit_draft", inScope.calendar, inScope.round.openedPhases, now);
    if (body.baseInfo) requireRegisteredName(body.baseInfo, actor.account, "body.baseInfo.name");
    await assertMayStartApplication(actor.account, inScope, now);
    const at = now.toISOString();
    const application: ApplicationRecord = {
      applicationId: randomUUID(),
      scope: inScope.scope,
      applicantId: applicant.id,
      unitId: actor.account.orgId,
      state: "draft",
      version: 1,
      baseInfo: body.baseInfo ?? null,
      confirmedSections: [],
      evidenceRevision: 0,
      submissions: 0,
      departmentReturns: 0,
      ...(isRehearsal(inScope) ? { testData: true as const } : {}),
      createdAt: at,
      updatedAt: at,
    };
    await applicationRepository.create(application, applicant);
    return toApplicationView(application, {}, actor.account.residentId.masked);
  }),

  route(listMyApplications, async ({ actor, params }) => {
    const applicant = applicantOf(actor);
    const inScope = await roundInScope(params.roundId);
    const applications = await applicationRepository.listOfApplicant(inScope.scope, applicant.id);
    return { applications: applications.map(toApplicationSummary) };
  }),

  route(getApplication, async ({ actor, params }) => {
    const applicant = applicantOf(actor);
    const loaded = await ownLoadedApplication(
      await roundInScope(params.roundId),
      params.applicationId,
      applicant,
    );
    return view(loaded.application, loaded, actor);
  }),

  route(saveBaseInfo, async ({ actor, params, body, now }) => {
    const applicant = applicantOf(actor);
    const inScope = await roundInScope(params.roundId);
    const loaded = await ownLoadedApplication(inScope, params.applicationId, applicant);
    requireEditable(loaded.application, applicant, inScope, now);
    requireRegisteredName(body.baseInfo, actor.account, "body.baseInfo.name");
    const saved = await applicationRepository.saveBaseInfo(
      loaded.application,
      body.baseInfo,
      body.expectedVersion,
      applicant,
      now,
    );
    return view(saved, loaded, actor);
  }),

  route(saveBasicSection, (request) => saveSection("basic", request)),
  route(saveMoralSection, (request) => saveSection("moral", request)),
  route(saveAbilitySection, (request) => saveSection("ability", request)),
  route(saveAchievementsSection, (request) => saveSection("achievements", request)),
  route(saveSummarySection, (request) => saveSection("summary", request)),

  route(signIntegrityPledge, async ({ actor, params, body, now }) => {
    const applicant = applicantOf(actor);
    const inScope = await roundInScope(params.roundId);
    const loaded = await ownLoadedApplication(inScope, params.applicationId, applicant);
    requireEditable(loaded.application, applicant, inScope, now);
    const saved = await applicationRepository.signPledge(
      loaded.application,
      { textVersion: body.textVersion, signedAt: now.toISOString(), statements: body.statements },
      body.expectedVersion,
      applicant,
      now,
    );
    return view(saved, loaded, actor);
  }),

  route(getApplicationChecklist, async ({ actor, params, now }) => {
    const applicant = applicantOf(actor);
    const inScope = await roundInScope(params.roundId);
    const loaded = await ownLoadedApplication(inScope, params.applicationId, applicant);
    const checklist = await checklistOf(loaded, actor.account, inScope.calendar);
    const unit = await orgRepository.get(loaded.application.unitId);
    if (unit?.kind !== "unit") throw httpErrors.notFound();
    const eligibility = await eligibilityPrecheck({
      loaded,
      account: actor.account,
      unit,
      roundId: inScope.scope.roundId,
      calendar: inScope.calendar,
      config: eligibilityConfigOf(inScope.round.eligibilityRuleSet),
      now,
    });
    return {
      ready: isReady(checklist) && eligibility.status !== "not_eligible",
      sections: checklist.sections,
      eligibility,
    };
  }),
];
