import type { AchievementsSection } from "./achievements-section";
import {
  DOCUMENT_FILES,
  EVIDENCE_CONTENT_TYPES,
  eachItem,
  type SlotDefinition,
  type SlotInstance,
} from "./evidence-slot";
import { THINK_TANK_LEVEL_CRITERIA } from "./think-tank";

type Part = Omit<
  SlotDefinition<AchievementsSection>,
  "id" | "section" | "rule" | "per" | "accepts" | "files"
>;

const document = {
  section: "achievements",
  rule: "R7.7",
  per: "item",
  accepts: EVIDENCE_CONTENT_TYPES,
  files: DOCUMENT_FILES,
} as const;

const papers = (
  section: AchievementsSection,
  needs?: (paper: AchievementsSection["papers"][number]) => boolean,
) => eachItem(section.papers, (paper, position) => `论文${position}《${paper.title}》`, needs);
const monographs = (section: AchievementsSection): SlotInstance[] =>
  eachItem(section.monographs, (monograph, position) => `论著${position}《${monograph.title}》`);
const projects = (section: AchievementsSection): SlotInstance[] =>
  eachItem(section.projects, (project, position) => `课题${position}《${project.title}》`);

const PAPER_NOTE = "论文内容须与申报专业相关，按质量高低填报，优先上传评价条件标准中使用的论文。";
const MONOGRAPH_NOTE = "论著内容须与申报专业相关，按质量高低填报。";
const PROJECT_NOTE = "须提供立项、结题（验收、鉴定）等一套完整的材料，课题内容须与申报专业相关。";

function part<const Id extends string>(definition: Part & { id: Id }) {
  return { ...document, ...definition };
}

/** R7.7: each paper, monograph and project is uploaded part by part (分项上传). */
export const ACHIEVEMENT_SLOTS = [
  part({
    id: "paper_cover",
    title: "论文刊物封面",
    items: "achievements.papers",
    requiredWhen: "每篇论文",
    notes: [PAPER_NOTE],
    instances: (section) => papers(section),
  }),
  part({
    id: "paper_sponsor_page",
    title: "论文刊物主办单位页",
    items: "achievements.papers",
    requiredWhen: "每篇论文",
    notes: [PAPER_NOTE],
    instances: (section) => papers(section),
  }),
  part({
    id: "paper_contents_page",
    title: "论文刊物目录页",
    items: "achievements.papers",
    requiredWhen: "每篇论文",
    notes: [PAPER_NOTE],
    instances: (section) => papers(section),
  }),
  part({
    id: "paper_body",
    title: "论文正文",
    items: "achievements.papers",
    requiredWhen: "每篇论文",
    notes: [PAPER_NOTE],
    instances: (section) => papers(section),
  }),
  part({
    id: "paper_translation",
    title: "论文中文译文",
    items: "achievements.papers",
    requiredWhen: "外文论文",
    notes: ["外文论文须上传中文译文。"],
    instances: (section) => papers(section, (paper) => paper.language === "foreign"),
  }),
  part({
    id: "paper_duplicate_report",
    title: "中国知网查重报告单",
    items: "achievements.papers",
    requiredWhen: "未被中国知网收录的论文",
    notes: [
      "省职改办对“中国知网”收录的论文统一查重，不接收任何报告单。",
      "未收录的论文由用人单位联系“中国知网”查重，上传有单位签字盖章的查重报告单。",
      "以“去除引用文献复制比”为准：核心期刊论文不超过15%，省级期刊论文不超过25%。",
    ],
    instances: (section) => papers(section, (paper) => !paper.cnkiIndexed),
  }),
  part({
    id: "monograph_cover",
    title: "论著封面",
    items: "achievements.monographs",
    requiredWhen: "每部论著",
    notes: [MONOGRAPH_NOTE],
    instances: monographs,
  }),
  part({
    id: "monograph_copyright_page",
    title: "论著版权页",
    items: "achievements.monographs",
    requiredWhen: "每部论著",
    notes: [MONOGRAPH_NOTE],
    instances: monographs,
  }),
  part({
    id: "monograph_contents_page",
    title: "论著目录（摘录）页",
    items: "achievements.monographs",
    requiredWhen: "每部论著",
    notes: [MONOGRAPH_NOTE],
    instances: monographs,
  }),
  part({
    id: "monograph_editorial_board",
    title: "论著编委会名单页",
    items: "achievements.monographs",
    requiredWhen: "每部论著",
    notes: [MONOGRAPH_NOTE],
    instances: monographs,
  }),
  part({
    id: "monograph_word_count_page",
    title: "标有著作字数的页面",
    items: "achievements.monographs",
    requiredWhen: "每部论著",
    notes: [MONOGRAPH_NOTE],
    instances: monographs,
  }),
  part({
    id: "project_approval",
    title: "课题立项材料",
    items: "achievements.projects",
    requiredWhen: "每项课题（项目）",
    notes: [PROJECT_NOTE, "上传立项材料封面及立项单位盖章页。"],
    instances: projects,
  }),
  part({
    id: "project_completion",
    title: "课题结题（验收、鉴定）材料",
    items: "achievements.projects",
    requiredWhen: "每项课题（项目）",
    notes: [PROJECT_NOTE, "上传结题（验收、鉴定）材料封面及盖章页。"],
    instances: projects,
  }),
  part({
    id: "project_ranking_page",
    title: "课题个人排名页",
    items: "achievements.projects",
    requiredWhen: "每项课题（项目）",
    notes: ["个人排名页须加盖立项单位或鉴定（验收）单位公章。"],
    instances: projects,
  }),
  part({
    id: "award_evidence",
    title: "奖励和荣誉证明",
    items: "achievements.awards",
    requiredWhen: "每项奖励和荣誉",
    notes: [
      "奖励内容须与申报专业相关；精品课、优秀教学比赛等奖励也上传至此栏。",
      "在奖励和荣誉名称后说明符合的业绩条件标准条款；认定按甘职改办〔2018〕24号执行。",
    ],
    instances: (section) =>
      eachItem(section.awards, (award, position) => `奖励${position}《${award.title}》`),
  }),
  part({
    id: "think_tank_evidence",
    title: "智库研究成果佐证材料",
    items: "achievements.thinkTank",
    requiredWhen: "每项智库研究成果",
    notes: [
      "佐证材料须有清晰的成果报送渠道。",
      "肯定性批示须有倾向性明显的用语，“阅”“批阅”等中性用语不认定为肯定性批示。",
      ...THINK_TANK_LEVEL_CRITERIA,
    ],
    instances: (section) =>
      eachItem(section.thinkTank, (result, position) => `智库成果${position}《${result.title}》`),
  }),
  part({
    id: "other_achievement_evidence",
    title: "其他业绩佐证材料",
    items: "achievements.others",
    requiredWhen: "每项其他业绩",
    notes: [
      "对照资格条件逐条排序上传，如培养指导青年教师、省级学术刊物编委、全省本专业学会常务理事、科技进步奖等。",
    ],
    instances: (section) =>
      eachItem(section.others, (other, position) => `其他业绩${position}《${other.title}》`),
  }),
] as const;
