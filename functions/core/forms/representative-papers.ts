import type { SlotId } from "./evidence-catalogue";

/** R4.4: senior applicants name this many of their papers for the paper appraisal. */
export const REPRESENTATIVE_PAPER_COUNT = 2;

/**
 * The upload experts read: the paper's text. The cover, sponsor and contents pages prove where it
 * appeared; the appraisal judges what it says.
 */
export const REPRESENTATIVE_PAPER_SLOT: SlotId = "paper_body";
