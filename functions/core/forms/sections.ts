import { type AbilitySection, abilitySectionSchema } from "./ability-section";
import { type AchievementsSection, achievementsSectionSchema } from "./achievements-section";
import { type BasicSection, basicSectionSchema } from "./basic-section";
import { type MoralSection, moralSectionSchema } from "./moral-section";
import { type SummarySection, summarySectionSchema } from "./summary-section";

/** R7.2: the five sections, in the order the form shows them. */
export const SECTION_IDS = ["basic", "moral", "ability", "achievements", "summary"] as const;
export type SectionId = (typeof SECTION_IDS)[number];

export const SECTION_TITLES: Record<SectionId, string> = {
  basic: "基本信息",
  moral: "品德相关信息",
  ability: "能力相关信息",
  achievements: "业绩成果",
  summary: "小结",
};

export interface ApplicationSections {
  basic: BasicSection;
  moral: MoralSection;
  ability: AbilitySection;
  achievements: AchievementsSection;
  summary: SummarySection;
}

export const SECTION_SCHEMAS = {
  basic: basicSectionSchema,
  moral: moralSectionSchema,
  ability: abilitySectionSchema,
  achievements: achievementsSectionSchema,
  summary: summarySectionSchema,
} as const;
