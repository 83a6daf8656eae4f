import type { ActorRef, ApplicationRecord } from "../../adapters/dynamodb/application-record";
import {
  applicationRepository,
  type LoadedApplication,
} from "../../adapters/dynamodb/application-repository";
import { snapshotOf } from "../../adapters/dynamodb/application-transition";
import type { GenerationScope } from "../../adapters/dynamodb/keys";
import type { RoundRecord } from "../../adapters/dynamodb/round-repository";
import { parseRoundCalendar, type RoundCalendar } from "../../core/calendar";
import { assertEditable, type LifecycleContext } from "../../core/lifecycle";
import { type Actor, requireAnyRole } from "../../http/actor";
import { requireRound } from "../../http/current-round";
import { httpErrors } from "../../http/errors";

/** The round an applicant acts in, read now: its current generation is the only one visible (DESIGN.md §8). */
export interface RoundInScope {
  round: RoundRecord;
  scope: GenerationScope;
  calendar: RoundCalendar;
}

export async function roundInScope(roundId: string): Promise<RoundInScope> {
  const round = await requireRound(roundId);
  return {
    round,
    scope: { roundId: round.roundId, generation: round.generation },
    calendar: parseRoundCalendar(round.calendar),
  };
}

/** Applicant routes are for applicants; staff roles are refused outright (403), as the policy does. */
export function applicantOf(actor: Actor): ActorRef {
  requireAnyRole(actor, ["applicant"]);
  return { id: actor.account.accountId, role: "applicant" };
}

export function lifecycleContext(inScope: RoundInScope, now: Date, reason?: string): LifecycleContext {
  return {
    now,
    calendar: inScope.calendar,
    openedPhases: inScope.round.openedPhases,
    ...(reason ? { reason } : {}),
  };
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
