import { createHash, randomUUID } from "node:crypto";
import { type BlacklistRecord, blacklistRepository } from "../adapters/dynamodb/blacklist-repository";
import type { Page } from "../adapters/dynamodb/page";
import { staleVersion } from "../adapters/dynamodb/round-repository";
import { protectResidentId } from "../adapters/identity/resident-id-protection";
import {
  type BlacklistEntryInput,
  blacklistPeriod,
  checkBlacklistRows,
  decisionDateIssue,
  type RowIssue,
} from "../core/blacklist";
import { formatShanghai, type PlainDate, shanghaiDateOf } from "../core/calendar";
import type { BlacklistEntry } from "../core/eligibility";
import { DomainError } from "../core/errors";

/**
 * The id of a recorded entry follows from the decision it records — the person (by the keyed hash),
 * the decision date and the document number — so the same decision sent again, alone or in a
 * repeated import, finds its entry instead of adding a second one. Laid out as a UUID (version 8).
 */
export function registerEntryId(
  residentIdHash: string,
  decisionDate: PlainDate,
  documentNumber: string,
): string {
  const digest = createHash("sha256")
    .update(`${residentIdHash}\n${decisionDate}\n${documentNumber}`)
    .digest();
  digest[6] = ((digest[6] ?? 0) & 0x0f) | 0x80;
  digest[8] = ((digest[8] ?? 0) & 0x3f) | 0x80;
  const hex = digest.subarray(0, 16).toString("hex");
  return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join("-");
}

/** A register entry from the office's input: the number sealed and hashed as accounts keep it. */
async function entryOf(
  input: BlacklistEntryInput,
  by: { actor: string; now: Date; importId?: string },
): Promise<BlacklistRecord> {
  const residentId = await protectResidentId(input.residentId);
  const period = blacklistPeriod(input.decisionDate, input);
  const recordedAt = by.now.toISOString();
  // An earlier register may carry entries already run out: kept for the record, barring nothing.
  const expired = period.until <= shanghaiDateOf(by.now);
  return {
    entryId: registerEntryId(residentId.hash, input.decisionDate, input.documentNumber),
    residentIdHash: residentId.hash,
    sealedResidentId: residentId.sealed,
    maskedResidentId: residentId.masked,
    realName: input.realName,
    ground: input.ground,
    decisionDate: input.decisionDate,
    documentNumber: input.documentNumber,
    reason: input.reason,
    ...period,
    recordedBy: by.actor,
    recordedAt,
    ...(by.importId ? { importId: by.importId } : {}),
    status: expired ? "expired" : "active",
    ...(expired ? { expiredAt: recordedAt } : {}),
    version: 1,
  };
}

/** Whether a stored entry records the same decision as a new one (status and recording aside). */
function sameDecision(stored: BlacklistRecord, fresh: BlacklistRecord): boolean {
  const fields = ["realName", "ground", "decisionDate", "documentNumber", "reason", "from", "until"] as const;
  return fields.every((field) => stored[field] === fresh[field]);
}

function differentDecision(entryId: string): string {
  return `登记簿中已有该人员同一决定（决定日期和文号相同）的记录（记录编号 ${entryId}），内容与本次提交的不同；登记簿中的记录不会被覆盖，请核对，确需更正的请先解除原记录`;
}

/** Rows named by their number (the first entry is row 1), the wrong fields of each in `fields`. */
function importInvalid(issues: RowIssue[]): DomainError {
  const rows = [...new Set(issues.map((issue) => issue.row))];
  const named = rows.length > 20 ? `${rows.slice(0, 20).join("、")}等` : rows.join("、");
  return new DomainError(
    "BLACKLIST_IMPORT_INVALID",
    `共${rows.length}行有误（第${named}行），整批均未导入：请按 fields 逐行改正后重新提交全部记录。`,
    {
      fields: issues.map((issue) => ({
        path: ["body", "entries", String(issue.row - 1), ...(issue.field ? [issue.field] : [])].join("."),
        message: `第${issue.row}行：${issue.message}`,
      })),
    },
  );
}

/** What an import did with each row. */
export interface ImportedRow {
  row: number;
  entryId: string;
  outcome: "recorded" | "already_recorded";
  status: BlacklistRecord["status"];
}

export interface ImportResult {
  importId: string;
  rows: number;
  recorded: number;
  alreadyRecorded: number;
  entries: ImportedRow[];
}

/** What eligibility weighs of an entry (R5.5): its period, and its ground and document for the message. */
export function asEligibilityFact(entry: BlacklistRecord): BlacklistEntry {
  return {
    from: entry.from,
    until: entry.until,
    ground: entry.ground,
    ...(entry.documentNumber ? { documentNumber: entry.documentNumber } : {}),
    ...(entry.cancellation ? { cancelledInRound: entry.cancellation.roundId } : {}),
  };
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
  return new DomainError("BLACKLIST_ENTRY_NOT_FOUND", "未找到该黑名单记录，请刷新名单后重试。");
}

export const blacklistRegister = {
  /**
   * The office records one decision (R5.5, R7.3), audited with it. Sending the same decision again
   * answers the entry already recorded; a different entry under the same decision is refused (409).
   */
  async record(
    input: BlacklistEntryInput,
    by: { actor: string; now: Date },
  ): Promise<{ entry: BlacklistRecord; alreadyRecorded: boolean }> {
    const late = decisionDateIssue(input, shanghaiDateOf(by.now));
    if (late) {
      throw new DomainError("VALIDATION_FAILED", "提交的数据不符合要求，请按提示修改后重试。", {
        fields: [{ path: "body.decisionDate", message: late }],
      });
    }
    const entry = await entryOf(input, by);
    const stored = await blacklistRepository.read(entry.residentIdHash, entry.entryId);
    if (stored) {
      if (!sameDecision(stored, entry)) {
        throw new DomainError("BLACKLIST_ENTRY_EXISTS", `${differentDecision(stored.entryId)}。`);
      }
      return { entry: stored, alreadyRecorded: true };
    }
    await blacklistRepository.record(entry);
    return { entry, alreadyRecorded: false };
  },

  /**
   * An earlier register in one request. Every row is checked first — its fields, its decision date,
   * repeats within the import, and entries already on the register under the same decision with other
   * content — and one wrong row stores nothing: the answer names every wrong row by its number. Then the
   * entries are written in transactions of 50, each only if absent, so a retried import (after a
   * timeout part way) stores what is missing and reports the rest as already recorded.
   */
  async import(rows: readonly unknown[], by: { actor: string; now: Date }): Promise<ImportResult> {
    const checked = checkBlacklistRows(rows, shanghaiDateOf(by.now));
    if (!checked.ok) throw importInvalid(checked.issues);
    const importId = randomUUID();
    const entries = await Promise.all(checked.entries.map((input) => entryOf(input, { ...by, importId })));
    const stored = await blacklistRepository.existing(entries);
    const conflicts = entries.flatMap((entry, index): RowIssue[] => {
      const there = stored.get(entry.entryId);
      return there && !sameDecision(there, entry)
        ? [{ row: index + 1, message: differentDecision(there.entryId) }]
        : [];
    });
    if (conflicts.length > 0) throw importInvalid(conflicts);
    const raced = await blacklistRepository.recordMany(entries.filter((entry) => !stored.has(entry.entryId)));
    const imported = entries.map((entry, index): ImportedRow => {
      const there = stored.get(entry.entryId);
      const already = there !== undefined || raced.has(entry.entryId);
      return {
        row: index + 1,
        entryId: entry.entryId,
        outcome: already ? "already_recorded" : "recorded",
        status: there?.status ?? entry.status,
      };
    });
    const alreadyRecorded = imported.filter((row) => row.outcome === "already_recorded").length;
    return {
      importId,
      rows: imported.length,
      recorded: imported.length - alreadyRecorded,
      alreadyRecorded,
      entries: imported,
    };
  },

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
        "BLACKLIST_ALREADY_LIFTED",
        `该黑名单记录已于${formatShanghai(new Date(entry.lifting?.liftedAt ?? entry.recordedAt))}（北京时间）解除，无需再次解除。`,
      );
    }
    if (entry.status === "expired" || pastDue(entry, today)) {
      throw new DomainError(
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
