import type { AccountRecord } from "../adapters/dynamodb/account-repository";
import { applicationFactsRepository } from "../adapters/dynamodb/application-facts-repository";
import type { LoadedApplication } from "../adapters/dynamodb/application-repository";
import type { UnitRecord } from "../adapters/dynamodb/org-record";
import { type RoundCalendar, shanghaiDateOf } from "../core/calendar";
import {
  type EligibilityConfig,
  type EligibilityFacts,
  type EligibilityFailure,
  evaluateEligibility,
} from "../core/eligibility";
import { ruleViolation } from "../core/errors";
import {
  abilitySectionSchema,
  achievementEntries,
  achievementsSectionSchema,
  baseInfoSchema,
  basicSectionSchema,
} from "../core/forms";
import { parseResidentId } from "../core/identity";
import { roundYear, sectionsForChecks } from "./application-readiness";
import { asEligibilityFact, blacklistRegister } from "./blacklist-register";

/**
 * The facts of the rules (R1, R2.4, R2.5, R5.5, R6) from the application, the account, the unit and
 * the records the office keeps. Called once the checklist is empty, so every part parses.
 */
async function factsOf(
  loaded: LoadedApplication,
  account: AccountRecord,
  unit: UnitRecord,
  roundId: string,
  now: Date,
): Promise<EligibilityFacts | undefined> {
  const sections = await sectionsForChecks(loaded, account);
  const base = baseInfoSchema.safeParse(loaded.application.baseInfo);
  const basic = basicSectionSchema.safeParse(sections.basic);
  const ability = abilitySectionSchema.safeParse(sections.ability);
  const achievements = achievementsSectionSchema.safeParse(sections.achievements);
  const statements = loaded.application.pledge?.statements;
  if (!base.success || !basic.success || !ability.success || !achievements.success || !statements) {
    return undefined;
  }
  const person = parseResidentId(basic.data.residentId);
  if (!person.ok) return undefined;
  const [entrustmentApproved, dispatchApproved, blacklist] = await Promise.all([
    unit.central
      ? applicationFactsRepository.entrustmentApproved(unit.orgId, roundId)
      : Promise.resolve(false),
    statements.dispatched
      ? applicationFactsRepository.dispatchApproved(account.residentId.hash, unit.orgId)
      : Promise.resolve(false),
    // R5.5: the person, not the account or the round: found by the keyed hash of the ID number.
    blacklistRegister.standingOf(account.residentId.hash, now),
  ]);
  const { currentTitle, seriesChange } = basic.data;
  return {
    scope: base.data.validityScope,
    level: base.data.qualification,
    method: base.data.applicationMethod,
    unit: {
      kind: basic.data.unitKind,
      // Every unit of the directory is in one of Gansu's regions (R1.1).
      inGansu: true,
      central: unit.central,
      entrustmentApproved,
    },
    employment: basic.data.employmentKind,
    underPostManagement: basic.data.underPostManagement,
    civilServant: statements.civilServant,
    civilServantManaged: statements.civilServantManaged,
    retired: statements.retired,
    birthDate: person.id.birthDate,
    gender: person.id.gender,
    retirementPostType: statements.retirementPostType,
    sanctions: statements.sanctions,
    blacklist: blacklist.map(asEligibilityFact),
    dispatch: statements.dispatched ? { approved: dispatchApproved } : null,
    seriesChange: seriesChange
      ? {
          changedOn: seriesChange.changedOn,
          unitAssessmentPassed: seriesChange.unitAssessmentPassed,
          newSeriesSince: seriesChange.newSeriesSince,
        }
      : null,
    currentTitle: currentTitle
      ? {
          level: currentTitle.level,
          inHrTrainingSeries: currentTitle.inHrTrainingSeries,
          obtainedIn: currentTitle.obtainedIn,
          appointedIn: currentTitle.appointedIn,
        }
      : null,
    professionalWorkSince: basic.data.professionalWorkSince,
    continuingEducation: ability.data.continuingEducation,
    grassrootsServiceMonths: ability.data.grassrootsService?.months ?? 0,
    achievements: achievementEntries(achievements.data).map(({ kind, obtainedOn }) => ({ kind, obtainedOn })),
  };
}

/** Where the rules of eligibility are read: the application and its person, unit and round. */
export interface EligibilityInput {
  loaded: LoadedApplication;
  account: AccountRecord;
  unit: UnitRecord;
  roundId: string;
  calendar: RoundCalendar;
  /** The round's rule set (R3.4: the retirement table in force in its year). */
  config: EligibilityConfig;
  now: Date;
}

/**
 * The rules of eligibility applied to the application as it stands — the same evaluation the submit
 * runs. `undefined` while the form is too incomplete to read the facts from.
 */
export async function eligibilityFailures(
  input: EligibilityInput,
): Promise<EligibilityFailure[] | undefined> {
  const { loaded, account, unit, roundId, calendar, config, now } = input;
  const facts = await factsOf(loaded, account, unit, roundId, now);
  if (!facts) return undefined;
  return evaluateEligibility(
    facts,
    {
      year: roundYear(calendar),
      achievementCutoff: calendar.achievementCutoff,
      seniorityReferenceDate: calendar.seniorityReferenceDate,
    },
    shanghaiDateOf(now),
    config,
  );
}

/** Submission needs eligibility (issue #5 §5): a 422 naming every rule the applicant does not meet. */
export async function assertEligible(input: EligibilityInput): Promise<void> {
  const failures = await eligibilityFailures(input);
  if (!failures) {
    throw ruleViolation("R7.3", "APPLICATION_NOT_READY", "申报材料尚未填写完整，请按检查清单补充后再提交。");
  }
  const [first] = failures;
  if (!first) return;
  throw ruleViolation(
    first.rule,
    "NOT_ELIGIBLE",
    `不符合申报条件（${[...new Set(failures.map((failure) => failure.rule))].join("、")}）：${failures
      .map((failure) => failure.message)
      .join("")}`,
    failures.map((failure) => ({
      path: `eligibility.${failure.code}`,
      message: `${failure.rule}：${failure.message}`,
      rule: failure.rule,
      code: failure.code,
    })),
  );
}

/** What the checklist says of eligibility: advisory, the submit decides on the data of that moment. */
export interface EligibilityPrecheck {
  advisory: true;
  status: "eligible" | "not_eligible" | "not_checked";
  message: string;
  failures: { rule: string; code: string; message: string }[];
}

/**
 * The submit's eligibility rules run ahead, so an applicant learns of a refusal before the last
 * evening (R1, R2.4, R2.5, R5.5, R6). Not checked while the form is too incomplete to read.
 */
export async function eligibilityPrecheck(input: EligibilityInput): Promise<EligibilityPrecheck> {
  const failures = await eligibilityFailures(input);
  if (!failures) {
    return {
      advisory: true,
      status: "not_checked",
      message: "填写完整并签署诚信承诺书后，系统将按提交时的规则预先核对申报条件。",
      failures: [],
    };
  }
  if (failures.length === 0) {
    return {
      advisory: true,
      status: "eligible",
      message: "按现有信息预检符合申报条件；提交时将按当时的信息再次核对。",
      failures: [],
    };
  }
  return {
    advisory: true,
    status: "not_eligible",
    message: `按现有信息预检不符合申报条件（${[...new Set(failures.map((failure) => failure.rule))].join("、")}），提交将被拒绝；请按各条说明处理。`,
    failures: failures.map(({ rule, code, message }) => ({ rule, code, message })),
  };
}
