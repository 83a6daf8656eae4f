import { z } from "zod";
import { evidenceSlot, isSlotId, SECTION_IDS } from "../../core/forms";
import { APPLICATION_STATES } from "../../core/lifecycle";
import { cursorQuery, expectedVersionField, strictBody } from "./fields";

const comment = z
  .string({ error: "请写明需要修改的内容" })
  .trim()
  .min(2, "修改意见至少2个字")
  .max(500, "每条修改意见最多500字");

/** One point of a return, placed on a section or an evidence slot (R7.3: say exactly what and where). */
export const feedbackItem = z
  .strictObject({
    section: z
      .enum(SECTION_IDS, { error: "部分应为 basic、moral、ability、achievements 或 summary" })
      .optional(),
    slotId: z
      .string()
      .max(64)
      .refine(isSlotId, "材料项不存在，请按材料清单选择")
      .optional()
      .describe("An evidence slot of the form catalogue; its section follows from it"),
    index: z
      .number({ error: "序号应为数字" })
      .int("序号应为整数")
      .min(0, "序号从0开始")
      .max(99, "序号不能超过99")
      .optional()
      .describe("The item of the slot's list (0-based)"),
    year: z
      .number({ error: "年度应为数字" })
      .int("年度应为整数")
      .min(1990, "年度不能早于1990年")
      .max(2100, "年度不正确")
      .optional(),
    comment,
  })
  .refine((item) => item.section !== undefined || item.slotId !== undefined, {
    message: "请指明修改意见针对的部分（section）或材料项（slotId）",
    path: ["section"],
  })
  .refine(
    (item) =>
      item.section === undefined ||
      item.slotId === undefined ||
      evidenceSlot(item.slotId)?.section === item.section,
    { message: "该材料项不属于所选部分", path: ["slotId"] },
  );

/** A return names every point at once: one consolidated feedback (R4.3, R7.9). */
export const feedbackFields = {
  expectedVersion: expectedVersionField,
  reason: z
    .string({ error: "请写明退回原因" })
    .trim()
    .min(2, "退回原因至少2个字")
    .max(1000, "退回原因最多1000字")
    .describe("The summary the applicant reads first"),
  items: z
    .array(feedbackItem, { error: "请逐项列出需要修改的部分或材料" })
    .min(1, "请至少列出一项需要修改的部分或材料")
    .max(50, "一次退回最多列出50项"),
};

export const stateQuery = cursorQuery.extend({
  state: z.enum(APPLICATION_STATES, { error: "状态不在可选范围内" }).optional(),
});

export const opinionBody = strictBody({
  expectedVersion: expectedVersionField,
  opinion: z.string({ error: "意见应为文字" }).trim().max(500, "意见最多500字").optional(),
});
