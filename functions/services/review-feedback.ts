import { evidenceSlot, SECTION_TITLES, type SectionId, type SlotId } from "../core/forms";

/** One point of a return: where in the form or the evidence, and what to change (R7.3, R7.9). */
export interface FeedbackItem {
  section?: SectionId;
  slotId?: SlotId;
  index?: number;
  year?: number;
  comment: string;
}

/** The item as stored and shown: with the section a slot belongs to, and the titles a person reads. */
export interface PlacedFeedbackItem extends FeedbackItem {
  section: SectionId;
  place: string;
}

export function placeFeedback(items: readonly FeedbackItem[]): PlacedFeedbackItem[] {
  return items.map((item) => {
    const slot = item.slotId ? evidenceSlot(item.slotId) : undefined;
    const section = (slot?.section ?? item.section) as SectionId;
    const where = [
      SECTION_TITLES[section],
      slot?.title,
      item.index === undefined ? undefined : `第${item.index + 1}项`,
      item.year === undefined ? undefined : `${item.year}年度`,
    ].filter((part) => part !== undefined);
    return { ...item, section, place: where.join(" / ") };
  });
}

/**
 * The return as one text: the summary, then every point with its place, so that the applicant's
 * status (R7.9) says exactly what to fix and where, in one consolidated feedback (R4.3).
 */
export function feedbackText(summary: string, items: readonly PlacedFeedbackItem[]): string {
  return [
    summary.trim(),
    ...items.map((item, position) => `${position + 1}.【${item.place}】${item.comment}`),
  ].join("\n");
}
