import { type BoundRoute, route } from "../../http/handler-group";
import { saveRepresentativePapers } from "../../http/routes/appraisal";
import { toRepresentativePapersView } from "../../http/views/appraisal-view";
import { designateRepresentativePapers } from "../../services/representative-papers";
import { applicantOf, ownLoadedApplication, requireEditable, roundInScope } from "./application-scope";

export const representativePaperRoutes: BoundRoute[] = [
  /** R4.4 designation, editable like the rest of the form: locked once the committee has it (R7.3). */
  route(saveRepresentativePapers, async ({ actor, params, body, now }) => {
    const applicant = applicantOf(actor);
    const inScope = await roundInScope(params.roundId);
    const loaded = await ownLoadedApplication(inScope, params.applicationId, applicant);
    requireEditable(loaded.application, applicant, inScope, now);
    const { application, papers } = await designateRepresentativePapers(
      loaded,
      body.evidenceIds,
      body.expectedVersion,
      applicant,
      now,
    );
    return toRepresentativePapersView(application, papers);
  }),
];
