import type { PlainDate } from "../calendar/plain-date";
import type { AchievementKind } from "../eligibility";
import type { AchievementsSection } from "./achievements-section";

/** One achievement of any kind, with the date R6.1 measures against the cutoff. */
export interface AchievementEntry {
  kind: AchievementKind;
  /** Position in its own list of the section. */
  index: number;
  /** How the applicant recognises it, e.g. 论文2《…》. */
  label: string;
  /** Path of its date field inside the section, e.g. `papers.1.publishedOn`. */
  dateField: string;
  obtainedOn: PlainDate;
}

/** A project is obtained when it is completed; every other kind on the date it carries. */
export function achievementEntries(section: AchievementsSection): AchievementEntry[] {
  const entries = <Item extends { title: string }, Key extends keyof Item & string>(
    kind: AchievementKind,
    noun: string,
    list: string,
    items: readonly Item[],
    dateKey: Key,
  ) =>
    items.map(
      (item, index): AchievementEntry => ({
        kind,
        index,
        label: `${noun}${index + 1}《${item.title}》`,
        dateField: `${list}.${index}.${dateKey}`,
        obtainedOn: String(item[dateKey]),
      }),
    );
  return [
    ...entries("paper", "论文", "papers", section.papers, "publishedOn"),
    ...entries("monograph", "论著", "monographs", section.monographs, "publishedOn"),
    ...entries("project", "课题", "projects", section.projects, "completedOn"),
    ...entries("award", "奖励", "awards", section.awards, "awardedOn"),
    ...entries("think_tank", "智库成果", "thinkTank", section.thinkTank, "obtainedOn"),
    ...entries("other", "其他业绩", "others", section.others, "obtainedOn"),
  ];
}
