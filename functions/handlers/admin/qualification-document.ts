import { type BoundRoute, route } from "../../http/handler-group";
import { lifecycleContext, roundInScope } from "../../http/round-in-scope";
import { issueQualificationDocument } from "../../http/routes/result-notice";
import { toIssuanceView } from "../../http/views/certificate-view";
import { issueCertificates } from "../../services/certificate-issuance";
import { actingAs } from "../review/desk";

export const qualificationDocumentRoutes: BoundRoute[] = [
  route(issueQualificationDocument, async ({ actor, params, body, now }) => {
    const inScope = await roundInScope(params.roundId);
    const outcome = await issueCertificates({
      scope: inScope.scope,
      context: lifecycleContext(inScope, now),
      office: actingAs(actor, "office_admin"),
      document: body,
    });
    return toIssuanceView(outcome);
  }),
];
