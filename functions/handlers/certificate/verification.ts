import { DomainError } from "../../core/errors";
import { prefersHtml } from "../../http/content-negotiation";
import { type BoundRoute, route } from "../../http/handler-group";
import { verifyCertificate } from "../../http/routes/certificates";
import {
  certificateNotFoundPage,
  certificatePage,
  NOT_FOUND_MESSAGE,
} from "../../http/views/certificate-page";
import { toCertificateVerificationView } from "../../http/views/certificate-view";
import { checkCertificate } from "../../services/certificate-issuance";

export const verificationRoutes: BoundRoute[] = [
  route(verifyCertificate, async ({ params, query, headers }) => {
    const certificate = await checkCertificate(params.certificateNumber, query.code);
    const page = prefersHtml(headers.accept);
    // One answer for an unknown number and a wrong or missing code: the code cannot be guessed by probing.
    if (!certificate) {
      if (page) return certificateNotFoundPage();
      throw new DomainError("CERTIFICATE_NOT_FOUND", NOT_FOUND_MESSAGE);
    }
    const view = toCertificateVerificationView(certificate);
    return page ? certificatePage(view) : view;
  }),
];
