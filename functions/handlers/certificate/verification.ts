import { DomainError } from "../../core/errors";
import { type BoundRoute, route } from "../../http/handler-group";
import { verifyCertificate } from "../../http/routes/certificates";
import { toCertificateVerificationView } from "../../http/views/certificate-view";
import { checkCertificate } from "../../services/certificate-issuance";

export const verificationRoutes: BoundRoute[] = [
  route(verifyCertificate, async ({ params, query }) => {
    const certificate = await checkCertificate(params.certificateNumber, query.code);
    // One answer for an unknown number and a wrong or missing code: the code cannot be guessed by probing.
    if (!certificate) {
      throw new DomainError(
        "not_found",
        "CERTIFICATE_NOT_FOUND",
        "未找到与该证书编号和验证码相符的证书，请核对证书上印制的编号和验证码后重试。",
      );
    }
    return toCertificateVerificationView(certificate);
  }),
];
