import * as z from "zod/mini";
import { isPlainDate } from "../calendar/plain-date";
import { isPlainMonth } from "../eligibility";
import { integer } from "../validation/integer";
import { characterCount } from "./character-count";

/**
 * Field builders whose every message is Chinese and names the field, so that a 400 tells the applicant
 * which input to correct; an absent field reads "请填写…".
 */
function absentOr(label: string, problem: string) {
  return (issue: { input?: unknown }) => (issue.input === undefined ? `请填写${label}` : problem);
}

/** Trimmed text of 1 to `maxCharacters` characters, counted as graphemes (R7.8). */
export function text(label: string, maxCharacters: number) {
  return z
    .string({ error: absentOr(label, `${label}应为文字`) })
    .check(z.trim())
    .check(z.refine((value) => value.length > 0, `请填写${label}`))
    .check(
      z.refine((value) => characterCount(value) <= maxCharacters, `${label}不得超过${maxCharacters}个字`),
    )
    .check(z.meta({ minLength: 1, maxLength: maxCharacters }));
}

export function choice<const T extends readonly [string, ...string[]]>(
  label: string,
  values: T,
  labels: Record<T[number], string>,
) {
  const options = values.map((value: T[number]) => `${labels[value]}（${value}）`).join("、");
  return z.enum(values, {
    error: (issue) => (issue.input === undefined ? `请选择${label}` : `${label}只能选择：${options}`),
  });
}

export function yesNo(label: string) {
  return z.boolean({ error: absentOr(label, `${label}应为“是”（true）或“否”（false）`) });
}

export function date(label: string) {
  return z
    .string({ error: absentOr(label, `${label}应为日期`) })
    .check(z.refine(isPlainDate, `${label}应为有效日期，格式为YYYY-MM-DD`))
    .check(z.meta({ format: "date" }));
}

export function month(label: string) {
  return z
    .string({ error: absentOr(label, `${label}应为年月`) })
    .check(z.refine(isPlainMonth, `${label}应为年月，格式为YYYY-MM`))
    .check(z.meta(PLAIN_MONTH_FORMAT));
}

/** How a month (YYYY-MM) reads in the contract. */
export const PLAIN_MONTH_FORMAT = {
  pattern: "^\\d{4}-(?:0[1-9]|1[0-2])$",
  minLength: 7,
  maxLength: 7,
} as const;

export function wholeNumber(label: string, min: number, max: number) {
  return integer(absentOr(label, `${label}应为数字`), `${label}应为整数`)
    .check(z.gte(min, `${label}不能小于${min}`))
    .check(z.lte(max, `${label}不能大于${max}`));
}

export function decimal(label: string, min: number, max: number) {
  return z
    .number({ error: absentOr(label, `${label}应为数字`) })
    .check(z.gte(min, `${label}不能小于${min}`))
    .check(z.lte(max, `${label}不能大于${max}`));
}

export function list<Item extends z.ZodMiniType>(label: string, item: Item, min: number, max: number) {
  return z
    .array(item, { error: absentOr(label, `${label}应为列表`) })
    .check(z.minLength(min, `请至少填写${min}条${label}`))
    .check(z.maxLength(max, `${label}最多填写${max}条`));
}

export function group<Shape extends z.core.$ZodShape>(label: string, shape: Shape) {
  return z.object(shape, { error: absentOr(label, `${label}应为一组信息`) });
}
