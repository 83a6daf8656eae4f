import { type BoundRoute, route } from "../../http/handler-group";
import { downloadCertificate } from "../../http/routes/certificates";
import { applicantOf, ownApplication, roundInScope } from "../submission/application-scope";

export const downloadRoutes: BoundRoute[] = [
  route(downloadCertificate, async ({ actor, params, now }) => {
    const applicant = applicantOf(actor);
    const application = await ownApplication(
      await roundInScope(params.roundId),
      params.applicationId,
      applicant,
    );
    // The PDF library, fontkit, the subsetter and the font load with the first download, so that the
    // verification page served by the same function starts without them.
    const { certificateDownload } = await import("../../services/electronic-certificate");
    const { certificateNumber, pdf } = await certificateDownload(application, applicant, now);
    const fileName = `专业技术资格证书-${certificateNumber}.pdf`;
    return {
      raw: {
        statusCode: 200,
        headers: {
          "content-type": "application/pdf",
          // The ASCII name for old clients, the Chinese one (RFC 6266, RFC 5987) for the rest.
          "content-disposition": `attachment; filename="certificate-${certificateNumber}.pdf"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
          "cache-control": "no-store",
        },
        body: Buffer.from(pdf).toString("base64"),
        isBase64Encoded: true,
      },
    };
  }),
];
