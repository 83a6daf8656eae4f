import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import {
  choice,
  date,
  decimal,
  group,
  list,
  month,
  text,
  wholeNumber,
  yesNo,
} from "../../../../functions/core/forms/fields";

function messages(schema: z.ZodMiniType, input: unknown): string[] {
  return (schema.safeParse(input).error?.issues ?? []).map((issue) => issue.message);
}

// Every message names its field in Chinese, so that a 400 tells the applicant what to correct.
describe("R7.2 form fields speak Chinese and name the field", () => {
  it.each<[string, z.ZodMiniType, unknown, string[]]>([
    ["text missing", text("单位名称", 5), undefined, ["请填写单位名称"]],
    ["text blank", text("单位名称", 5), "  ", ["请填写单位名称"]],
    ["text at the limit", text("单位名称", 5), "一二三四五", []],
    ["text over the limit", text("单位名称", 5), "一二三四五六", ["单位名称不得超过5个字"]],
    ["text of another type", text("单位名称", 5), 1, ["单位名称应为文字"]],
    ["choice missing", choice("刊物级别", ["core"], { core: "核心期刊" }), undefined, ["请选择刊物级别"]],
    [
      "choice unknown",
      choice("刊物级别", ["core"], { core: "核心期刊" }),
      "x",
      ["刊物级别只能选择：核心期刊（core）"],
    ],
    ["yes/no missing", yesNo("是否收录"), undefined, ["请填写是否收录"]],
    ["yes/no as text", yesNo("是否收录"), "是", ["是否收录应为“是”（true）或“否”（false）"]],
    ["date missing", date("发表日期"), undefined, ["请填写发表日期"]],
    ["date of another type", date("发表日期"), 20240101, ["发表日期应为日期"]],
    ["date that does not exist", date("发表日期"), "2023-02-29", ["发表日期应为有效日期，格式为YYYY-MM-DD"]],
    ["date that exists", date("发表日期"), "2024-02-29", []],
    ["month missing", month("起始年月"), undefined, ["请填写起始年月"]],
    ["month of another type", month("起始年月"), 202401, ["起始年月应为年月"]],
    ["month malformed", month("起始年月"), "2024-1", ["起始年月应为年月，格式为YYYY-MM"]],
    ["whole number missing", wholeNumber("排名", 1, 3), undefined, ["请填写排名"]],
    ["whole number as text", wholeNumber("排名", 1, 3), "1", ["排名应为数字"]],
    ["whole number with a fraction", wholeNumber("排名", 1, 3), 1.5, ["排名应为整数"]],
    ["whole number below", wholeNumber("排名", 1, 3), 0, ["排名不能小于1"]],
    ["whole number at the bounds", wholeNumber("排名", 1, 3), 3, []],
    ["whole number above", wholeNumber("排名", 1, 3), 4, ["排名不能大于3"]],
    ["decimal missing", decimal("学时", 0, 10), undefined, ["请填写学时"]],
    ["decimal as text", decimal("学时", 0, 10), "1", ["学时应为数字"]],
    ["decimal below", decimal("学时", 0, 10), -0.5, ["学时不能小于0"]],
    ["decimal above", decimal("学时", 0, 10), 10.5, ["学时不能大于10"]],
    ["list missing", list("论文", z.string(), 1, 2), undefined, ["请填写论文"]],
    ["list of another type", list("论文", z.string(), 1, 2), "论文", ["论文应为列表"]],
    ["list too short", list("论文", z.string(), 1, 2), [], ["请至少填写1条论文"]],
    ["list too long", list("论文", z.string(), 1, 2), ["a", "b", "c"], ["论文最多填写2条"]],
    ["group missing", group("转系列信息", {}), undefined, ["请填写转系列信息"]],
    ["group of another type", group("转系列信息", {}), "x", ["转系列信息应为一组信息"]],
  ])("%s", (_case, schema, input, expected) => {
    expect(messages(schema, input)).toEqual(expected);
  });
});
