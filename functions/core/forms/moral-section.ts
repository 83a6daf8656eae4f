import * as z from "zod/mini";
import { date, group, list, text } from "./fields";

/** R7.5: the moral-conduct section. */
export const moralSectionSchema = z.object(
  {
    assessment: text("品德考核情况", 500),
    honours: list(
      "荣誉（优秀共产党员、优秀党务工作者、道德模范等）",
      group("荣誉", {
        title: text("荣誉名称", 100),
        issuer: text("授予单位", 100),
        awardedOn: date("获得日期"),
      }),
      0,
      20,
    ),
  },
  { error: "请填写品德相关信息" },
);
export type MoralSection = z.output<typeof moralSectionSchema>;
