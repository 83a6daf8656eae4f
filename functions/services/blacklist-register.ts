import { type BlacklistRecord, blacklistRepository } from "../adapters/dynamodb/blacklist-repository";
import type { Page } from "../adapters/dynamodb/page";
import { staleVersion } from "../adapters/dynamodb/round-repository";
import { formatShanghai, type PlainDate, shanghaiDateOf } from "../core/calendar";
import { DEFAULT_ELIGIBILITY_CONFIG } from "../core/eligibility";
// The same arithmetic the eligibility rule uses for an entry without an end, so the two never differ.
import { addYears } from "../core/eligibility/periods";
import { DomainError } from "../core/errors";

/** R5.5, R7.3: from the Beijing day of the decision, for the configured years (3 by default). */
export function blacklistPeriod(decidedAt: Date): { from: PlainDate; until: PlainDate } {
  const from = shanghaiDateOf(decidedAt);
  return { from, until: addYears(from, DEFAULT_ELIGIBILITY_CONFIG.blacklistYears) };
}

function pastDue(entry: BlacklistRecord, today: PlainDate): boolean {
  return entry.status === "active" && entry.until <= today;
}

/**
 * Entries whose period has run out count as expired from that day on, whoever looks first; the first
 * look records it, once, with its audit record (the condition makes a second recording a no-op).
 */
async function asTheyStand(entries: BlacklistRecord[], now: Date): Promise<BlacklistRecord[]> {
  const today = shanghaiDateOf(now);
  return Promise.all(
    entries.map(async (entry) => {
      if (!pastDue(entry, today)) return entry;
      if (await blacklistRepository.recordExpiry(entry, today, now)) {
        return { ...entry, status: "expired", expiredAt: now.toISOString(), version: entry.version + 1 };
      }
      return (await blacklistRepository.read(entry.residentIdHash, entry.entryId)) ?? entry;
    }),
  );
}

function notFound(): DomainError {
  return new DomainError("not_found", "BLACKLIST_ENTRY_NOT_FOUND", "未找到该黑名单记录，请刷新名单后重试。");
}

export const blacklistRegister = {
  /** What eligibility weighs for a person (R5.5): every entry not lifted, with its period. */
  async standingOf(residentIdHash: string, now: Date): Promise<BlacklistRecord[]> {
    const entries = await asTheyStand(await blacklistRepository.ofPerson(residentIdHash), now);
    return entries.filter((entry) => entry.status !== "lifted");
  },

  async page(cursor: string | undefined, now: Date): Promise<Page<BlacklistRecord>> {
    const page = await blacklistRepository.list(cursor);
    return { ...page, items: await asTheyStand(page.items, now) };
  },

  /** The office lifts an entry still in force, saying why; the lifting is audited with it. */
  async lift(
    entryId: string,
    input: { reason: string; expectedVersion?: number | undefined; actor: string; now: Date },
  ): Promise<BlacklistRecord> {
    const entry = await blacklistRepository.get(entryId);
    if (!entry) throw notFound();
    const today = shanghaiDateOf(input.now);
    if (entry.status === "lifted") {
      throw new DomainError(
        "conflict",
        "BLACKLIST_ALREADY_LIFTED",
        `该黑名单记录已于${formatShanghai(new Date(entry.lifting?.liftedAt ?? entry.decidedAt))}（北京时间）解除，无需再次解除。`,
      );
    }
    if (entry.status === "expired" || pastDue(entry, today)) {
      throw new DomainError(
        "conflict",
        "BLACKLIST_EXPIRED",
        `该黑名单记录的期限已届满（自${entry.until}起可以申报），已不再限制申报，无需解除。`,
      );
    }
    const expectedVersion = input.expectedVersion ?? entry.version;
    if (expectedVersion !== entry.version) throw staleVersion();
    return blacklistRepository.lift(entry, expectedVersion, today, {
      reason: input.reason,
      actor: input.actor,
      at: input.now,
    });
  },
};
