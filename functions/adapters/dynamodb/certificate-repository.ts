import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { DomainError } from "../../core/errors";
import { documentClient, tableName } from "./client";
import { keys } from "./keys";
import { withoutKeys } from "./records";
import type { GuardedWrite } from "./transactions";

/** What an electronic certificate prints (R4.6), as the public verification shows it. */
export interface PrintedCertificate {
  certificateNumber: string;
  holderName: string;
  series: string;
  qualification: string;
  validityScope: string;
  issuedOn: string;
  issuer: string;
  verificationCode: string;
}

/**
 * The certificate item: exactly what is printed, where the holder's application is (for the download),
 * and, once a fraud finding cancels it (R5.5), when and why it was revoked.
 */
export interface CertificateRecord extends PrintedCertificate {
  applicationId: string;
  roundId: string;
  generation: number;
  revokedAt?: string;
  revokedReason?: string;
}

export const certificateRepository = {
  /** A number is given once: the put fails rather than overwrite another holder's certificate. */
  putWrite(certificate: CertificateRecord): GuardedWrite {
    return {
      write: {
        Put: {
          TableName: tableName(),
          Item: { ...keys.certificate(certificate.certificateNumber), ...certificate },
          ConditionExpression: "attribute_not_exists(PK)",
        },
      },
      conflict: () =>
        new DomainError(
          "CERTIFICATE_NUMBER_TAKEN",
          `证书编号 ${certificate.certificateNumber} 已被使用，本次未发放；请联系系统管理员核对证书编号后重试。`,
        ),
    };
  },

  async get(certificateNumber: string): Promise<CertificateRecord | undefined> {
    const found = await documentClient.send(
      new GetCommand({
        TableName: tableName(),
        Key: keys.certificate(certificateNumber),
        ConsistentRead: true,
      }),
    );
    return found.Item ? (withoutKeys(found.Item) as unknown as CertificateRecord) : undefined;
  },
};
