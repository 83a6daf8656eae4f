import type { EvidenceSlot, SlotId, SlotInstance } from "../forms";
import type { ChecklistItem } from "./checklist";

/**
 * An upload as the evidence store records it: `pending` until the server has checked the bytes, then
 * `verified`, or `refused` with why — a refused upload is no upload at all, and never blocks.
 */
export interface EvidenceRecord {
  /** What a designation of representative papers points at (R4.4). */
  evidenceId?: string;
  slotId: SlotId;
  status: "verified" | "pending" | "refused";
  contentType: string;
  fileName?: string;
  /** For a refused upload: what the check found wrong, as the applicant was told. */
  refusal?: string;
  /** Position of the item in the slot's list (0-based), for slots per item. */
  index?: number;
  /** The year, for slots per year. */
  year?: number;
}

const FORMAT_NAMES: Record<string, string> = {
  "application/pdf": "PDF",
  "image/jpeg": "JPG",
  "image/png": "PNG",
};

function item(
  rule: string,
  code: ChecklistItem["code"],
  message: string,
  place: { index?: number; year?: number },
): ChecklistItem {
  return {
    rule,
    code,
    message,
    ...(place.index === undefined ? {} : { index: place.index }),
    ...(place.year === undefined ? {} : { year: place.year }),
  };
}

/** What is missing or wrong in one slot, given the instances the application requires and its uploads. */
export function checkSlot(
  slot: EvidenceSlot,
  instances: readonly SlotInstance[],
  records: readonly EvidenceRecord[],
): ChecklistItem[] {
  const items: ChecklistItem[] = [];
  const accepted = (record: EvidenceRecord) => slot.accepts.some((type) => type === record.contentType);
  const live = records.filter((record) => record.status !== "refused");
  for (const instance of instances) {
    const where = instance.label ? `${instance.label}：` : "";
    const here = (r: EvidenceRecord) => r.index === instance.index && r.year === instance.year;
    const mine = live.filter(here);
    const wrongType = mine.filter((r) => !accepted(r)).length;
    const pending = mine.filter((r) => accepted(r) && r.status === "pending").length;
    const usable = mine.filter(accepted).length;
    if (wrongType > 0) {
      const formats = slot.accepts.map((type) => FORMAT_NAMES[type]).join("、");
      items.push(
        item(
          "R7.3",
          "EVIDENCE_TYPE_NOT_ACCEPTED",
          `${where}${slot.title}只接受${formats}格式，有${wrongType}个文件格式不符，请删除后重新上传`,
          instance,
        ),
      );
    }
    if (pending > 0) {
      items.push(
        item(
          "R7.3",
          "EVIDENCE_PENDING",
          `${where}${slot.title}有${pending}个文件尚未确认上传完成，请上传文件后点击“完成上传”由系统校验，或删除后重新上传`,
          instance,
        ),
      );
    }
    if (usable < slot.files.min) {
      const what = instance.note ? `，请上传${instance.note}` : "";
      // The latest refusal at the place says why it is still missing (DESIGN.md §6).
      const refused = records.filter((r) => here(r) && r.status === "refused").at(-1);
      const why = refused
        ? `。上传的文件“${refused.fileName ?? ""}”未通过校验：${refused.refusal ?? ""}请在此处重新上传，未通过的记录会自动清除`
        : "";
      items.push(item(slot.rule, "EVIDENCE_MISSING", `${where}缺少${slot.title}${what}${why}`, instance));
    }
    if (usable > slot.files.max) {
      items.push(
        item(
          slot.rule,
          "EVIDENCE_TOO_MANY",
          `${where}${slot.title}最多上传${slot.files.max}个文件，现有${usable}个；请删除多余的文件，或将有序的图片合并为一个PDF`,
          instance,
        ),
      );
    }
  }
  const misplaced = new Map<string, EvidenceRecord>();
  for (const record of live) {
    if (!instances.some((i) => i.index === record.index && i.year === record.year)) {
      misplaced.set(`${record.index}/${record.year}`, record);
    }
  }
  for (const record of misplaced.values()) {
    const which =
      record.year !== undefined
        ? `（${record.year}年度）`
        : record.index !== undefined
          ? `（第${record.index + 1}项）`
          : "";
    items.push(
      item(
        "R7.3",
        "EVIDENCE_NOT_EXPECTED",
        `${slot.title}${which}不属于本申报需要的材料，请删除，或上传到正确的位置`,
        record,
      ),
    );
  }
  return items;
}
