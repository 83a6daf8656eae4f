import * as z from "zod/mini";
import {
  APPLICATION_METHOD_LABELS,
  APPLICATION_METHODS,
  HR_TRAINING_SERIES,
  SOUGHT_LEVELS,
  TITLE_LEVEL_LABELS,
  VALIDITY_SCOPE_LABELS,
  VALIDITY_SCOPES,
} from "../eligibility";
import { choice, text } from "./fields";

/** R7.1: what is filled in before the five sections open. */
export const baseInfoSchema = z.object(
  {
    name: text("姓名", 30),
    unitName: text("单位名称（具体工作单位）", 100),
    // 考核认定 is not an option at all; the message says so, because applicants look for it.
    applicationMethod: z.enum(APPLICATION_METHODS, {
      error: (issue) =>
        issue.input === undefined
          ? "请选择申报方式"
          : `申报方式只能选择${APPLICATION_METHODS.map((m) => `${APPLICATION_METHOD_LABELS[m]}（${m}）`).join("或")}，不得选择“考核认定”`,
    }),
    series: z.literal(HR_TRAINING_SERIES, {
      error: `申报系列只能为${HR_TRAINING_SERIES}专业（${HR_TRAINING_SERIES}）`,
    }),
    qualification: choice("申报资格", SOUGHT_LEVELS, TITLE_LEVEL_LABELS),
    specialty: text("申报专业", 50),
    validityScope: choice("有效范围", VALIDITY_SCOPES, VALIDITY_SCOPE_LABELS),
  },
  { error: "请填写基础信息" },
);
export type BaseInfo = z.output<typeof baseInfoSchema>;
