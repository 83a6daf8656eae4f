import { type Paper, REPRESENTATIVE_PAPER_COUNT, REPRESENTATIVE_PAPER_SLOT } from "../forms";
import type { ChecklistItem } from "./checklist";
import type { EvidenceRecord } from "./evidence-check";

/** One thing wrong with a designation; `position` is the designated paper it is about, when it is one. */
export interface DesignationProblem {
  position?: number;
  message: string;
}

/** The paper of the form each designated upload is the text of, by position in the section's list. */
export interface DesignatedPaper {
  evidenceId: string;
  paperIndex: number;
}

/**
 * R4.4: the designation names exactly two uploads of the paper text (论文正文), verified, each the
 * whole text of a different paper the achievements section lists. Answers what is wrong, or nothing.
 */
export function designationProblems(
  designated: readonly string[],
  uploads: readonly EvidenceRecord[],
  papers: readonly Pick<Paper, "title">[],
): DesignationProblem[] {
  if (designated.length !== REPRESENTATIVE_PAPER_COUNT) {
    return [
      {
        message: `请从已上传的论文正文中指定${REPRESENTATIVE_PAPER_COUNT}篇代表作，供论文鉴定专家评审（现已指定${designated.length}篇）`,
      },
    ];
  }
  const bodies = uploads.filter(
    (upload) => upload.slotId === REPRESENTATIVE_PAPER_SLOT && upload.status !== "refused",
  );
  const takenBy = new Map<number, number>();
  return designated.flatMap((evidenceId, position): DesignationProblem[] => {
    const which = `第${position + 1}篇代表作`;
    const refuse = (message: string) => [{ position, message: `${which}${message}` }];
    const upload = uploads.find((candidate) => candidate.evidenceId === evidenceId);
    if (!upload) return refuse("所指的文件已不存在，请重新指定");
    if (upload.slotId !== REPRESENTATIVE_PAPER_SLOT) return refuse("须为“论文正文”栏目中上传的文件");
    if (upload.status === "refused") return refuse("的论文正文未通过上传校验，请重新上传后再指定");
    if (upload.status !== "verified") return refuse("的论文正文尚未确认上传完成，请完成上传后再指定");
    const paper = upload.index === undefined ? undefined : papers[upload.index];
    if (upload.index === undefined || !paper) {
      return refuse("的文件不对应业绩成果中填报的任何一篇论文，请重新指定");
    }
    const label = `论文${upload.index + 1}《${paper.title}》`;
    // The expert must get the whole paper in one file, not one page of several scans.
    const parts = bodies.filter((body) => body.index === upload.index).length;
    if (parts > 1) {
      return refuse(`${label}的正文由${parts}个文件组成，请先将其合并为一个PDF，再指定合并后的文件`);
    }
    const earlier = takenBy.get(upload.index);
    if (earlier !== undefined) {
      return refuse(`与第${earlier + 1}篇代表作同为${label}，两篇代表作须为不同的论文`);
    }
    takenBy.set(upload.index, position);
    return [];
  });
}

/** The designated uploads and the papers they are, once the designation has no problem left. */
export function designatedPapers(
  designated: readonly string[],
  uploads: readonly Pick<EvidenceRecord, "evidenceId" | "index">[],
): DesignatedPaper[] {
  return designated.flatMap((evidenceId) => {
    const upload = uploads.find((candidate) => candidate.evidenceId === evidenceId);
    return upload?.index === undefined ? [] : [{ evidenceId, paperIndex: upload.index }];
  });
}

/**
 * The checklist's view of the designation (R4.4). It waits until the paper texts themselves are in
 * order: while one is missing or pending the slot already says so, and the designation follows from it.
 */
export function representativePaperItems(
  papers: readonly Pick<Paper, "title">[],
  designated: readonly string[],
  uploads: readonly EvidenceRecord[],
  paperTextsInOrder: boolean,
): ChecklistItem[] {
  if (!paperTextsInOrder) return [];
  return designationProblems(designated, uploads, papers).map(({ position, message }) =>
    position === undefined
      ? {
          rule: "R4.4",
          code: "REPRESENTATIVE_PAPERS_NOT_DESIGNATED",
          message,
          field: "achievements.representativePapers",
        }
      : {
          rule: "R4.4",
          code: "REPRESENTATIVE_PAPER_INVALID",
          message,
          field: `achievements.representativePapers.${position}`,
        },
  );
}
