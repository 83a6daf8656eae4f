import type { QualificationReview } from "../../adapters/dynamodb/application-record";
import { applicationRepository } from "../../adapters/dynamodb/application-repository";
import { duplicateCheckProblems, recordedDuplicateChecks } from "../../core/committee";
import { ruleViolation } from "../../core/errors";
import { achievementsSectionSchema } from "../../core/forms";
import { httpErrors } from "../../http/errors";
import { type BoundRoute, route } from "../../http/handler-group";
import { lifecycleContext, roundInScope } from "../../http/round-in-scope";
import { decideQualification } from "../../http/routes/committee";
import { toReviewResult } from "../../http/views/review-view";
import { submittedPapers } from "../../services/representative-papers";
import { actingAs } from "./desk";

export const qualificationRoutes: BoundRoute[] = [
  /**
   * R4.4: the title office's qualification review; a failure names each rule and is the applicant's to
   * read in their timeline (R5.1). The lifecycle refuses it outside `received`.
   */
  route(decideQualification, async ({ actor, params, body, subject: { application }, now }) => {
    const inScope = await roundInScope(params.roundId);
    const office = actingAs(actor, "office_admin");
    const loaded = await applicationRepository.load(inScope.scope, application.applicationId);
    if (!loaded) throw httpErrors.notFound();
    const papers = achievementsSectionSchema.safeParse(loaded.sections.achievements).data?.papers ?? [];
    const representative = submittedPapers(loaded).map((paper) => paper.paperIndex);
    const problems = duplicateCheckProblems(papers, body.duplicateChecks, representative, body.outcome);
    if (problems.length > 0) {
      throw ruleViolation(
        "R7.7",
        "DUPLICATE_CHECKS_INVALID",
        "中国知网收录论文的查重结果由省职改办逐篇记录，请按提示补充或更正后再作资格初审结论。",
        problems,
      );
    }
    const duplicateChecks = recordedDuplicateChecks(papers, body.duplicateChecks);
    const review: QualificationReview = {
      outcome: body.outcome,
      reasons: body.reasons,
      ...(duplicateChecks.length > 0 ? { duplicateChecks } : {}),
      decidedBy: office.id,
      decidedAt: now.toISOString(),
    };
    const reason = body.reasons.map(({ rule, message }) => `${rule}：${message}`).join("；");
    const decided = await applicationRepository.transition({
      application,
      action: body.outcome === "passed" ? "pass_qualification" : "fail_qualification",
      actor: office,
      context: lifecycleContext(inScope, now, reason),
      expectedVersion: body.expectedVersion,
      facts: { qualificationReview: review },
      detail: { reasons: body.reasons, ...(duplicateChecks.length > 0 ? { duplicateChecks } : {}) },
    });
    return toReviewResult(decided);
  }),
];
