import type { AccountRecord } from "../../adapters/dynamodb/account-repository";
import type { ActorRef, ApplicationRecord } from "../../adapters/dynamodb/application-record";
import {
  applicationRepository,
  type LoadedApplication,
} from "../../adapters/dynamodb/application-repository";
import { snapshotOf } from "../../adapters/dynamodb/application-transition";
import { orgRepository } from "../../adapters/dynamodb/org-repository";
import { eligibilityConfigOf } from "../../core/eligibility";
import { assertEditable } from "../../core/lifecycle";
import { type Actor, requireAnyRole } from "../../http/actor";
import { httpErrors } from "../../http/errors";
import { lifecycleContext, type RoundInScope } from "../../http/round-in-scope";
import type { EligibilityInput } from "../../services/application-eligibility";

export { lifecycleContext, type RoundInScope, roundInScope } from "../../http/round-in-scope";

/** Applicant routes are for applicants; staff roles are refused outright (403), as the policy does. */
export function applicantOf(actor: Actor): ActorRef {
  requireAnyRole(actor, ["applicant"]);
  return { id: actor.account.accountId, role: "applicant" };
}

/** The caller's own application; anyone else's, or one of another generation, does not exist (404). */
function owned<T extends ApplicationRecord>(application: T | undefined, applicant: ActorRef): T {
  if (!application || application.applicantId !== applicant.id) throw httpErrors.notFound();
  return application;
}

export async function ownApplication(inScope: RoundInScope, applicationId: string, applicant: ActorRef) {
  return owned(await applicationRepository.get(inScope.scope, applicationId), applicant);
}

export async function ownLoadedApplication(
  inScope: RoundInScope,
  applicationId: string,
  applicant: ActorRef,
): Promise<LoadedApplication> {
  const loaded = await applicationRepository.load(inScope.scope, applicationId);
  if (!loaded) throw httpErrors.notFound();
  owned(loaded.application, applicant);
  return loaded;
}

/**
 * The application is on the applicant's desk and the calendar lets them work on it now: a draft while
 * applications are open, a returned one until the review cutoff, nothing after the committee has it
 * (R7.3, DESIGN.md §5). The core decides.
 */
export function requireEditable(
  application: ApplicationRecord,
  applicant: ActorRef,
  inScope: RoundInScope,
  now: Date,
): void {
  assertEditable(snapshotOf(application), applicant, lifecycleContext(inScope, now));
}

/** What the eligibility rules read of an own application: its unit (gone: 404) and the round's rule set. */
export async function eligibilityInputOf(
  inScope: RoundInScope,
  loaded: LoadedApplication,
  account: AccountRecord,
  now: Date,
): Promise<EligibilityInput> {
  const unit = await orgRepository.get(loaded.application.unitId);
  if (unit?.kind !== "unit") throw httpErrors.notFound();
  return {
    loaded,
    account,
    unit,
    roundId: inScope.scope.roundId,
    calendar: inScope.calendar,
    config: eligibilityConfigOf(inScope.round.eligibilityRuleSet),
    now,
  };
}
