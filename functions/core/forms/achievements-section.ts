import * as z from "zod/mini";
import { choice, date, decimal, group, list, text, wholeNumber, yesNo } from "./fields";
import { JOURNAL_LEVEL_LABELS, JOURNAL_LEVELS } from "./paper-rules";
import {
  THINK_TANK_KIND_LABELS,
  THINK_TANK_KINDS,
  THINK_TANK_LEVEL_LABELS,
  THINK_TANK_LEVELS,
} from "./think-tank";

export const PAPER_LANGUAGES = ["chinese", "foreign"] as const;
export const PAPER_LANGUAGE_LABELS: Record<(typeof PAPER_LANGUAGES)[number], string> = {
  chinese: "中文",
  foreign: "外文",
};

const paperSchema = z
  .object({
    title: text("论文题目", 200),
    journal: text("刊物名称", 100),
    journalLevel: choice("刊物级别", JOURNAL_LEVELS, JOURNAL_LEVEL_LABELS),
    publishedOn: date("发表日期"),
    language: choice("论文语种", PAPER_LANGUAGES, PAPER_LANGUAGE_LABELS),
    cnkiIndexed: yesNo("是否被中国知网收录"),
    /** R7.7: from the unit-stamped report, for papers CNKI does not index; the office checks the others. */
    duplicateRatio: z.nullable(decimal("去除引用文献复制比（%）", 0, 100)),
  })
  .check(
    z.superRefine((paper, context) => {
      if (!paper.cnkiIndexed && paper.duplicateRatio === null) {
        context.addIssue({
          code: "custom",
          message: "未被中国知网收录的论文，须填写查重报告单上的“去除引用文献复制比”",
          path: ["duplicateRatio"],
        });
      }
      if (paper.cnkiIndexed && paper.duplicateRatio !== null) {
        context.addIssue({
          code: "custom",
          message:
            "中国知网收录的论文由省职改办统一查重，复制比由省职改办记录，申报人不填写（请留空），也不上传查重报告单",
          path: ["duplicateRatio"],
        });
      }
    }),
  );

const monographSchema = group("论著", {
  title: text("论著名称", 200),
  publisher: text("出版社", 100),
  publishedOn: date("出版日期"),
  wordCountThousands: decimal("著作字数（千字）", 0, 100_000),
  role: text("本人承担部分", 100),
});

const projectSchema = z
  .object({
    title: text("课题（项目）名称", 200),
    source: text("立项单位", 100),
    approvedOn: date("立项日期"),
    completedOn: date("结题（验收、鉴定）日期"),
    rank: wholeNumber("本人排名", 1, 99),
  })
  .check(
    z.refine((project) => project.completedOn >= project.approvedOn, {
      message: "结题（验收、鉴定）日期不能早于立项日期",
      path: ["completedOn"],
    }),
  );

const awardSchema = group("奖励和荣誉", {
  title: text("奖励和荣誉名称", 200),
  issuer: text("授予单位", 100),
  awardedOn: date("获奖日期"),
  standardClause: text("符合的业绩条件标准条款", 100),
});

const thinkTankSchema = z
  .object({
    title: text("成果名称", 200),
    kind: choice("成果类型", THINK_TANK_KINDS, THINK_TANK_KIND_LABELS),
    level: choice("成果级别", THINK_TANK_LEVELS, THINK_TANK_LEVEL_LABELS),
    channel: text("成果报送渠道", 200),
    obtainedOn: date("批示或采纳日期"),
    instructionWording: z.nullable(text("批示内容", 500)),
  })
  .check(
    z.refine((result) => result.kind === "adoption" || result.instructionWording !== null, {
      message: "批示类成果须填写批示内容",
      path: ["instructionWording"],
    }),
  );

const otherSchema = group("其他业绩", {
  title: text("业绩名称", 200),
  standardClause: text("对应的资格条件条款", 100),
  obtainedOn: date("取得日期"),
});

/** R7.7: the achievements section, one list per kind; papers come in order of quality. */
export const achievementsSectionSchema = z.object(
  {
    papers: list("论文", paperSchema, 0, 20),
    monographs: list("论著", monographSchema, 0, 20),
    projects: list("课题（项目）", projectSchema, 0, 20),
    awards: list("奖励和荣誉", awardSchema, 0, 30),
    thinkTank: list("智库研究成果", thinkTankSchema, 0, 20),
    others: list("其他业绩", otherSchema, 0, 30),
  },
  { error: "请填写业绩成果" },
);
export type AchievementsSection = z.output<typeof achievementsSectionSchema>;
export type Paper = AchievementsSection["papers"][number];
