import * as z from "zod/mini";
import { evidenceSlot, isSlotId, SECTION_IDS, type SlotId } from "../../core/forms";
import { APPLICATION_STATES } from "../../core/lifecycle";
import { integer } from "../../core/validation/integer";
import { cursorQuery, expectedVersionField, strictBody } from "./fields";

const comment = z
  .string({ error: "请写明需要修改的内容" })
  .check(z.trim())
  .check(z.minLength(2, "修改意见至少2个字"))
  .check(z.maxLength(500, "每条修改意见最多500字"));

/** One point of a return, placed on a section or an evidence slot (R7.3: say exactly what and where). */
export const feedbackItem = z
  .strictObject({
    section: z.optional(
      z.enum(SECTION_IDS, { error: "部分应为 basic、moral、ability、achievements 或 summary" }),
    ),
    slotId: z
      .optional(
        z.pipe(
          z.string().check(z.maxLength(64)),
          z.custom<SlotId>(isSlotId, "材料项不存在，请按材料清单选择"),
        ),
      )
      .check(z.describe("An evidence slot of the form catalogue; its section follows from it")),
    index: z
      .optional(
        integer("序号应为数字", "序号应为整数")
          .check(z.gte(0, "序号从0开始"))
          .check(z.lte(99, "序号不能超过99")),
      )
      .check(z.describe("The item of the slot's list (0-based)")),
    year: z.optional(
      integer("年度应为数字", "年度应为整数")
        .check(z.gte(1990, "年度不能早于1990年"))
        .check(z.lte(2100, "年度不正确")),
    ),
    comment,
  })
  .check(
    z.refine((item) => item.section !== undefined || item.slotId !== undefined, {
      message: "请指明修改意见针对的部分（section）或材料项（slotId）",
      path: ["section"],
    }),
  )
  .check(
    z.refine(
      (item) =>
        item.section === undefined ||
        item.slotId === undefined ||
        evidenceSlot(item.slotId)?.section === item.section,
      { message: "该材料项不属于所选部分", path: ["slotId"] },
    ),
  );

/** A return names every point at once: one consolidated feedback (R4.3, R7.9). */
export const feedbackFields = {
  expectedVersion: expectedVersionField,
  reason: z
    .string({ error: "请写明退回原因" })
    .check(z.trim())
    .check(z.minLength(2, "退回原因至少2个字"))
    .check(z.maxLength(1000, "退回原因最多1000字"))
    .check(z.describe("The summary the applicant reads first")),
  items: z
    .array(feedbackItem, { error: "请逐项列出需要修改的部分或材料" })
    .check(z.minLength(1, "请至少列出一项需要修改的部分或材料"))
    .check(z.maxLength(50, "一次退回最多列出50项")),
};

export const stateQuery = z.extend(cursorQuery, {
  state: z.optional(z.enum(APPLICATION_STATES, { error: "状态不在可选范围内" })),
});

export const opinionBody = strictBody({
  expectedVersion: expectedVersionField,
  opinion: z.optional(
    z.string({ error: "意见应为文字" }).check(z.trim()).check(z.maxLength(500, "意见最多500字")),
  ),
});
