import type { AccountRecord } from "../adapters/dynamodb/account-repository";
import { applicationRepository } from "../adapters/dynamodb/application-repository";
import type { GenerationScope } from "../adapters/dynamodb/keys";
import { type RoundCalendar, shanghaiDateOf } from "../core/calendar";
import { blacklistBarsRound, DEFAULT_ELIGIBILITY_CONFIG } from "../core/eligibility";
import { ruleViolation } from "../core/errors";
import { asEligibilityFact, blacklistRegister } from "./blacklist-register";

/**
 * Before a person starts an application in a round (R5.5, R7.3): not while the blacklist keeps them
 * from submitting on every day left of the round's application window — the answer names the ground
 * and the day they may apply again, and a fraud cancellation behind it — and not beside an
 * application of theirs that was cancelled in this round, which holds the round's one place.
 * An application still in progress is answered by the creation itself ("continue it").
 */
export async function assertMayStartApplication(
  account: AccountRecord,
  round: { scope: GenerationScope; calendar: RoundCalendar },
  now: Date,
): Promise<void> {
  const [standing, claimed] = await Promise.all([
    blacklistRegister.standingOf(account.residentId.hash, now),
    applicationRepository.claimedApplicationId(round.scope, account.accountId),
  ]);
  // The window ends at an exclusive instant ("D日24时"): its last day is the day of the instant before.
  const lastDay = shanghaiDateOf(new Date(round.calendar.application.to.getTime() - 1));
  const barred = blacklistBarsRound(
    standing.map(asEligibilityFact),
    shanghaiDateOf(now),
    lastDay,
    DEFAULT_ELIGIBILITY_CONFIG,
  );
  if (barred) throw ruleViolation(barred.rule, "BLACKLISTED", barred.message);
  if (!claimed) return;
  const held = await applicationRepository.get(round.scope, claimed);
  if (held?.state !== "cancelled") return;
  const cause = held.fraudCancellation ? "因弄虚作假" : "经核实异议后";
  throw ruleViolation(
    "R5.5",
    "APPLICATION_CANCELLED",
    `您在本轮次的申报（编号 ${held.applicationId}）已${cause}被取消申报资格，本轮次不能重新申报；如对处理有异议，请联系省职改办。`,
  );
}
