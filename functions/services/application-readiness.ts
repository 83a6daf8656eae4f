import type { AccountRecord } from "../adapters/dynamodb/account-repository";
import type { ApplicationRecord } from "../adapters/dynamodb/application-record";
import type { LoadedApplication } from "../adapters/dynamodb/application-repository";
import { openResidentId } from "../adapters/identity/resident-id-protection";
import { type RoundCalendar, shanghaiDateOf } from "../core/calendar";
import { DEFAULT_ELIGIBILITY_CONFIG, requirementFor } from "../core/eligibility";
import { baseInfoSchema, type SectionId } from "../core/forms";
import {
  type ApplicationDraft,
  type Checklist,
  type EvidenceRecord,
  type ReadinessContext,
  readinessChecklist,
} from "../core/readiness";

/** The round's year: the year its applications open (R7.6 counts the five years before it). */
export function roundYear(calendar: RoundCalendar): number {
  return Number(shanghaiDateOf(calendar.application.from).slice(0, 4));
}

/**
 * The sections as the form schemas read them. The basic section is stored without the resident ID
 * number, which is the account's (kept encrypted, issue #4 §6): it is put back only to be checked.
 */
export async function sectionsForChecks(
  loaded: LoadedApplication,
  account: AccountRecord,
): Promise<{ [Section in SectionId]?: unknown }> {
  const { basic, ...others } = loaded.sections;
  if (basic === undefined || basic === null || typeof basic !== "object") return loaded.sections;
  return { ...others, basic: { ...basic, residentId: await openResidentId(account.residentId) } };
}

export function readinessContext(calendar: RoundCalendar, application: ApplicationRecord): ReadinessContext {
  const base = baseInfoSchema.safeParse(application.baseInfo);
  const requirement = base.success
    ? requirementFor(
        DEFAULT_ELIGIBILITY_CONFIG,
        base.data.validityScope,
        base.data.qualification,
        base.data.applicationMethod,
      )
    : undefined;
  return {
    roundYear: roundYear(calendar),
    grassrootsServiceRequired: (requirement?.minGrassrootsServiceMonths ?? null) !== null,
    achievementCutoff: calendar.achievementCutoff,
    registryMatches: (application.registryChecks ?? []).map((check) => check.certificateNumber),
  };
}

export function evidenceRecords(loaded: LoadedApplication): EvidenceRecord[] {
  return loaded.evidence.map((item) => ({
    evidenceId: item.evidenceId,
    slotId: item.slotId,
    status: item.status,
    contentType: item.contentType,
    fileName: item.fileName,
    ...(item.refusal ? { refusal: item.refusal.message } : {}),
    ...(item.index === undefined ? {} : { index: item.index }),
    ...(item.year === undefined ? {} : { year: item.year }),
  }));
}

/** What stands between the application and its submission, by section and slot (R7.3). */
export async function checklistOf(
  loaded: LoadedApplication,
  account: AccountRecord,
  calendar: RoundCalendar,
): Promise<Checklist> {
  const { application } = loaded;
  const draft: ApplicationDraft = {
    baseInfo: application.baseInfo,
    sections: await sectionsForChecks(loaded, account),
    confirmedSections: application.confirmedSections,
    pledgeSigned: application.pledge !== undefined,
    representativePapers: application.representativePapers ?? [],
  };
  return readinessChecklist(draft, evidenceRecords(loaded), readinessContext(calendar, application));
}
