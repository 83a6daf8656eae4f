import type { ActorRef, ApplicationRecord, PinnedEvidence } from "../adapters/dynamodb/application-record";
import type { LoadedApplication } from "../adapters/dynamodb/application-repository";
import { appraisalRepository } from "../adapters/dynamodb/appraisal-repository";
import { staleVersion } from "../adapters/dynamodb/round-repository";
import { presignDownload } from "../adapters/s3/evidence-objects";
import { DomainError, ruleViolation } from "../core/errors";
import { achievementsSectionSchema, type Paper } from "../core/forms";
import { designatedPapers, designationProblems } from "../core/readiness";
import { evidenceRecords } from "./application-readiness";

/** Downloads are short-lived, for experts as for everyone (DESIGN.md §6). */
const DOWNLOAD_SECONDS = 5 * 60;

export interface PaperOfForm {
  evidenceId: string;
  paperIndex: number;
  paper: Paper;
}

function papersOf(loaded: LoadedApplication): Paper[] | undefined {
  const parsed = achievementsSectionSchema.safeParse(loaded.sections.achievements);
  return parsed.success ? parsed.data.papers : undefined;
}

/** The designated uploads with the catalogue entries of the papers they are the text of. */
function withPapers(
  evidenceIds: readonly string[],
  loaded: LoadedApplication,
  uploads: Parameters<typeof designatedPapers>[1],
): PaperOfForm[] {
  const papers = papersOf(loaded) ?? [];
  return designatedPapers(evidenceIds, uploads).flatMap(({ evidenceId, paperIndex }) => {
    const paper = papers[paperIndex];
    return paper ? [{ evidenceId, paperIndex, paper }] : [];
  });
}

/**
 * R4.4: the applicant designates exactly two of their papers, by the upload of each paper's text,
 * while the application is on their desk (the caller checks that). Each refusal names what to fix.
 */
export async function designateRepresentativePapers(
  loaded: LoadedApplication,
  evidenceIds: readonly string[],
  expectedVersion: number,
  applicant: ActorRef,
  now: Date,
): Promise<{ application: ApplicationRecord; papers: PaperOfForm[] }> {
  // A stale screen is answered first: its designation was chosen from uploads that may have changed.
  if (expectedVersion !== loaded.application.version) throw staleVersion();
  const papers = papersOf(loaded);
  if (!papers || papers.length === 0) {
    throw ruleViolation(
      "R4.4",
      "PAPERS_NOT_FILLED",
      "请先在“业绩成果”中填报论文并上传论文正文，再从中指定代表作。",
      [{ path: "body.evidenceIds", message: "尚未填报论文" }],
    );
  }
  const uploads = evidenceRecords(loaded);
  const problems = designationProblems(evidenceIds, uploads, papers);
  if (problems.length > 0) {
    throw ruleViolation(
      "R4.4",
      "REPRESENTATIVE_PAPERS_INVALID",
      "所指定的代表作不符合要求，请按提示重新指定。",
      problems.map(({ position, message }) => ({
        path: position === undefined ? "body.evidenceIds" : `body.evidenceIds.${position}`,
        message,
      })),
    );
  }
  const application = await appraisalRepository.designate(
    loaded.application,
    evidenceIds,
    expectedVersion,
    applicant,
    now,
  );
  return { application, papers: withPapers(evidenceIds, loaded, uploads) };
}

export interface SubmittedPaper extends PaperOfForm {
  pinned: PinnedEvidence;
}

function paperNotFound(): DomainError {
  return new DomainError("PAPER_NOT_FOUND", "未找到该论文，或它不是本申报指定的代表作。");
}

/**
 * The designated papers as the latest submission pinned them: the experts read exactly the bytes the
 * applicant submitted (DESIGN.md §6), and nothing else of the application's evidence.
 */
export function submittedPapers(loaded: LoadedApplication): SubmittedPaper[] {
  const pinned = loaded.submissions.at(-1)?.evidence ?? [];
  const designated = loaded.application.representativePapers ?? [];
  return withPapers(designated, loaded, pinned).flatMap((entry) => {
    const pin = pinned.find((candidate) => candidate.evidenceId === entry.evidenceId);
    return pin ? [{ ...entry, pinned: pin }] : [];
  });
}

/** One of the designated papers; any other evidence of the application does not exist here (404). */
export function designatedPaper(papers: readonly SubmittedPaper[], evidenceId: string): SubmittedPaper {
  const paper = papers.find((candidate) => candidate.evidenceId === evidenceId);
  if (!paper) throw paperNotFound();
  return paper;
}

/** A short-lived download of exactly the submitted bytes. */
export async function paperDownload(
  paper: SubmittedPaper,
  now: Date,
): Promise<{ url: string; expiresAt: string; sha256: string }> {
  return { ...(await presignDownload(paper.pinned, DOWNLOAD_SECONDS, now)), sha256: paper.pinned.sha256 };
}
