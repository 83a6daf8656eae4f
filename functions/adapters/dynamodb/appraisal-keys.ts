import { applicationKeys } from "./application-keys";
import { type GenerationScope, generationPrefix } from "./keys";

/**
 * Keys of the paper appraisal (R4.4) and of the reviewers' profiles (issue #8). Experts are appointed
 * per round, so everything sits under the generation prefix: a reset hides it at once and the purge
 * finds it (DESIGN.md §8).
 *
 * | pattern                                           | key                                                   |
 * | ------------------------------------------------- | ----------------------------------------------------- |
 * | a reviewer's profile in the round (title, unit, declared conflicts, load) | PK `<gen>#REVIEWER#<account>` SK `PROFILE` |
 * | the round's reviewer profiles                     | GSI1 `<gen>#REVIEWERS` / `<account>`                  |
 * | an expert's assignment to an application, and the verdict | PK `<gen>#APP#<id>` SK `APPRAISAL#<expert>`   |
 * | an expert's assignments, oldest first             | GSI1 `<gen>#EXPERT#<expert>` / `<assigned at>#<id>`   |
 *
 * The assignment lives in the application's partition, so the verdicts of one application are one
 * query; `APPRAISAL#` sorts before `AUDIT#` and `EVIDENCE#`, outside the range the application's load reads.
 */
export const appraisalKeys = {
  reviewer: (scope: GenerationScope, accountId: string) => ({
    PK: `${generationPrefix(scope)}#REVIEWER#${accountId}`,
    SK: "PROFILE",
  }),
  reviewersPartition: (scope: GenerationScope) => `${generationPrefix(scope)}#REVIEWERS`,
  reviewerIndex: (scope: GenerationScope, accountId: string) => ({
    GSI1PK: appraisalKeys.reviewersPartition(scope),
    GSI1SK: accountId,
  }),
  assignment: (scope: GenerationScope, applicationId: string, expertId: string) => ({
    PK: applicationKeys.partition(scope, applicationId),
    SK: `APPRAISAL#${expertId}`,
  }),
  expertPartition: (scope: GenerationScope, expertId: string) =>
    `${generationPrefix(scope)}#EXPERT#${expertId}`,
  expertIndex: (scope: GenerationScope, expertId: string, assignedAt: string, applicationId: string) => ({
    GSI1PK: appraisalKeys.expertPartition(scope, expertId),
    GSI1SK: `${assignedAt}#${applicationId}`,
  }),
};
