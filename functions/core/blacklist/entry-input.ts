import * as z from "zod/mini";
import { type PlainDate, plainDateSchema } from "../calendar/plain-date";
import { realNameSchema, residentIdSchema } from "../identity";
import { integer } from "../validation/integer";
import { BLACKLIST_GROUND_LABELS, BLACKLIST_GROUNDS } from "./grounds";

const text = (what: string, min: number, max: number) =>
  z
    .string({ error: `请填写${what}` })
    .check(z.trim())
    .check(z.minLength(min, `请填写${what}（至少${min}个字）`))
    .check(z.maxLength(max, `${what}最多${max}字`));

const groundChoices = BLACKLIST_GROUNDS.map(
  (ground) => `${ground}（${BLACKLIST_GROUND_LABELS[ground]}）`,
).join("、");

/**
 * One entry of the register as the title office records it, alone or as a row of an earlier register
 * (R5.5, R7.3). The decision may lie in the past; its period is 3 years unless it says otherwise,
 * either as a number of years or as the first day the person may apply again.
 */
function entrySchema(decisionDate: z.ZodMiniType<string>) {
  return z
    .strictObject(
      {
        residentId: residentIdSchema.check(
          z.describe(
            "The person's resident ID number; the register keeps only its keyed hash and the number encrypted",
          ),
        ),
        realName: realNameSchema,
        ground: z
          .enum(BLACKLIST_GROUNDS, { error: `列入依据应为以下之一：${groundChoices}` })
          .check(
            z.describe(
              "fraud_in_application 申报弄虚作假, verified_complaint 投诉举报经核实, falsified_upload 上传虚假材料, earlier_register 往年黑名单转入",
            ),
          ),
        decisionDate,
        documentNumber: text("决定文号", 2, 100).check(
          z.describe("The decision's document number, e.g. 甘职改〔2023〕5号"),
        ),
        reason: text("列入事由", 4, 1000).check(z.describe("What the person did, as the decision states it")),
        years: z
          .optional(
            integer("期限年数应为整数", "期限年数应为整数")
              .check(z.gte(1, "期限至少1年"))
              .check(z.lte(10, "期限最多10年")),
          )
          .check(z.describe("The period in years when the decision sets one other than 3")),
        until: z
          .optional(plainDateSchema)
          .check(
            z.describe("Or the first day the person may apply again, when the decision names an end date"),
          ),
      },
      {
        error: (issue) =>
          issue.code === "unrecognized_keys"
            ? `不允许提交的字段：${issue.keys.join("、")}（可填写的字段：residentId、realName、ground、decisionDate、documentNumber、reason、years、until）`
            : issue.code === "invalid_type"
              ? "每条记录应为 JSON 对象"
              : undefined,
      },
    )
    .check(
      z.superRefine((entry, context) => {
        if (entry.years !== undefined && entry.until !== undefined) {
          context.addIssue({
            code: "custom",
            path: ["until"],
            message: "期限年数（years）和期满日期（until）只能填写一项",
          });
        }
        if (entry.until !== undefined && entry.until <= entry.decisionDate) {
          context.addIssue({ code: "custom", path: ["until"], message: "期满日期须晚于决定日期" });
        }
      }),
    );
}

export const blacklistEntryInputSchema = entrySchema(
  plainDateSchema.check(z.describe("Beijing date of the decision (YYYY-MM-DD); may lie in the past")),
);

/** Nothing can have been decided after today (Beijing date). */
function decidedByToday(today: PlainDate): string {
  return `决定日期不能晚于今天（${today}），请核对`;
}

/** The same entry with its decision date checked against today, so one answer names every issue of a row. */
function entrySchemaOn(today: PlainDate) {
  return entrySchema(plainDateSchema.check(z.refine((date) => date <= today, decidedByToday(today))));
}

export type BlacklistEntryInput = z.output<typeof blacklistEntryInputSchema>;

/** An issue of one entry: `row` counts from 1 in the order the entries were sent. */
export interface RowIssue {
  row: number;
  /** The entry's field, when the issue is about one. */
  field?: string;
  message: string;
}

/** For an entry parsed without today: nothing can have been decided after it (Beijing date). */
export function decisionDateIssue(entry: BlacklistEntryInput, today: PlainDate): string | undefined {
  return entry.decisionDate > today ? decidedByToday(today) : undefined;
}

/** The same person, decision date and document number are the same decision: one entry, however often sent. */
export function decisionKey(
  entry: Pick<BlacklistEntryInput, "residentId" | "decisionDate" | "documentNumber">,
) {
  return `${entry.residentId}|${entry.decisionDate}|${entry.documentNumber}`;
}

/**
 * Every row of an import checked before anything is stored: its fields, its decision date against
 * today, and no row repeating an earlier one; every issue of a row is named at once. Answers the parsed entries only when no row is wrong.
 */
export function checkBlacklistRows(
  rows: readonly unknown[],
  today: PlainDate,
): { ok: true; entries: BlacklistEntryInput[] } | { ok: false; issues: RowIssue[] } {
  const issues: RowIssue[] = [];
  const entries: BlacklistEntryInput[] = [];
  const firstRowOf = new Map<string, number>();
  const schema = entrySchemaOn(today);
  rows.forEach((raw, index) => {
    const row = index + 1;
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path.map(String).join(".");
        issues.push({ row, ...(field ? { field } : {}), message: issue.message });
      }
      return;
    }
    const entry = parsed.data;
    const first = firstRowOf.get(decisionKey(entry));
    if (first !== undefined) {
      issues.push({ row, message: `与第${first}行重复（同一人、同一决定日期和文号），请删除重复的一行` });
    } else {
      firstRowOf.set(decisionKey(entry), row);
    }
    entries.push(entry);
  });
  return issues.length === 0 ? { ok: true, entries } : { ok: false, issues };
}
