import * as z from "zod/mini";
import { text } from "./fields";

/** R7.8: the summary is at most 800 characters, counted as graphemes. */
export const SUMMARY_MAX_CHARACTERS = 800;

export const summarySectionSchema = z.object(
  { text: text("专业技术工作小结", SUMMARY_MAX_CHARACTERS) },
  { error: "请填写小结" },
);
export type SummarySection = z.output<typeof summarySectionSchema>;
