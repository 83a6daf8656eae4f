import { Duration, RemovalPolicy, Stack, type StackProps, Validations } from "aws-cdk-lib";
import {
  AccountRecovery,
  AdvancedSecurityMode,
  FeaturePlan,
  Mfa,
  UserPool,
  type UserPoolClient,
} from "aws-cdk-lib/aws-cognito";
import {
  AttributeType,
  Billing,
  ProjectionType,
  StreamViewType,
  TableEncryptionV2,
  TableV2,
} from "aws-cdk-lib/aws-dynamodb";
import { AnyPrincipal, Effect, PolicyStatement } from "aws-cdk-lib/aws-iam";
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  HttpMethods,
  ObjectOwnership,
} from "aws-cdk-lib/aws-s3";
import { Secret } from "aws-cdk-lib/aws-secretsmanager";
import type { Construct } from "constructs";
import { TABLE_DESIGN } from "../../functions/adapters/dynamodb/table-design";
import { INCOMING_PREFIX, VERIFIED_PREFIX } from "../../functions/adapters/s3/evidence-keys";
import { EVIDENCE_CORS } from "../evidence-bucket-design";

export interface DataStackProps extends StackProps {
  /** Origins allowed to upload evidence from the browser (the applicant portal). */
  uploadOrigins: string[];
  /** Fixed physical names, so that the service stack can grant exact ARNs without exports. */
  tableName: string;
  evidenceBucketName: string;
  /** Names of the service's roles that alone may write verified evidence (DESIGN.md §6). */
  evidenceWriterRoles: string[];
}

/**
 * Everything that holds state: the table, the evidence bucket and its access-log bucket, and the user
 * pool. Kept apart from the stateless service so that the service can be replaced freely while
 * this stack is retained and deletion-protected.
 */
export class DataStack extends Stack {
  readonly table: TableV2;
  readonly evidenceBucket: Bucket;
  readonly userPool: UserPool;
  readonly userPoolClient: UserPoolClient;
  readonly residentIdKey: Secret;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props);

    this.table = new TableV2(this, "Records", {
      tableName: props.tableName,
      partitionKey: { name: TABLE_DESIGN.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE_DESIGN.sortKey, type: AttributeType.STRING },
      billing: Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      timeToLiveAttribute: TABLE_DESIGN.timeToLiveAttribute,
      encryption: TableEncryptionV2.awsManagedKey(),
      // New outbox items reach the notifier through the stream (DESIGN.md §7a).
      dynamoStream: StreamViewType[TABLE_DESIGN.streamView],
      globalSecondaryIndexes: TABLE_DESIGN.globalSecondaryIndexes.map((index) => ({
        indexName: index.indexName,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
        projectionType: "keysOnly" in index && index.keysOnly ? ProjectionType.KEYS_ONLY : ProjectionType.ALL,
      })),
    });

    const accessLogs = new Bucket(this, "AccessLogs", {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [{ expiration: Duration.days(400) }],
    });

    this.evidenceBucket = new Bucket(this, "Evidence", {
      bucketName: props.evidenceBucketName,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      removalPolicy: RemovalPolicy.RETAIN,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: "evidence/",
      cors: [
        {
          allowedMethods: EVIDENCE_CORS.allowedMethods.map((method) => HttpMethods[method]),
          allowedOrigins: props.uploadOrigins,
          allowedHeaders: EVIDENCE_CORS.allowedHeaders,
          maxAge: EVIDENCE_CORS.maxAgeSeconds,
        },
      ],
      lifecycleRules: [
        // A purge deletes the current version; old versions of purged test data must not linger.
        {
          noncurrentVersionExpiration: Duration.days(30),
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
        // Uploads never completed, and re-posts of old tickets after completion, are read by nobody.
        {
          id: "IncomingExpires",
          prefix: INCOMING_PREFIX,
          expiration: Duration.days(1),
          noncurrentVersionExpiration: Duration.days(1),
        },
      ],
    });
    this.protectVerifiedEvidence(props.evidenceWriterRoles);

    this.userPool = new UserPool(this, "Users", {
      selfSignUpEnabled: false,
      signInAliases: { username: true },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { sms: false, otp: true },
      passwordPolicy: {
        minLength: 10,
        requireDigits: true,
        requireLowercase: true,
        requireUppercase: true,
        requireSymbols: true,
      },
      accountRecovery: AccountRecovery.NONE,
      featurePlan: FeaturePlan.PLUS,
      advancedSecurityMode: AdvancedSecurityMode.ENFORCED,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.userPool).acknowledge({
      id: "AwsSolutions-COG2",
      reason:
        "TOTP MFA is offered to every account; making it mandatory would lock out applicants without an authenticator app. Staff enrolment is enforced by policy.",
    });
    // Secrets Manager rather than an SSM SecureString: CloudFormation can create and generate the
    // secret itself, so the key is never typed, seen or copied by a person, and deploys need no manual
    // step. Retained with the table: without it no stored ID hash can be found again.
    this.residentIdKey = new Secret(this, "ResidentIdKey", {
      description: "Key material for the keyed hash and the encryption of resident ID numbers",
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.residentIdKey).acknowledge({
      id: "AwsSolutions-SMG4",
      reason:
        "The secret is the key of the stored resident-ID hashes, not a credential: rotating it would orphan every stored hash unless all records were re-keyed, which is a planned migration, not an automatic rotation.",
    });

    this.userPoolClient = this.userPool.addClient("Portal", {
      authFlows: { userSrp: true },
      generateSecret: false,
      accessTokenValidity: Duration.hours(1),
      preventUserExistenceErrors: true,
    });
  }

  /**
   * Quarantine, then verified (DESIGN.md §6): only the service's writer roles write or delete verified
   * keys, and never through a presigned request — an upload ticket is signed by the submission role,
   * so the second statement is what keeps even a tampered ticket out of `verified/`.
   */
  private protectVerifiedEvidence(writerRoles: string[]): void {
    const verified = this.evidenceBucket.arnForObjects(`${VERIFIED_PREFIX}*`);
    this.evidenceBucket.addToResourcePolicy(
      new PolicyStatement({
        sid: "VerifiedEvidenceWrittenByTheServiceOnly",
        effect: Effect.DENY,
        principals: [new AnyPrincipal()],
        actions: ["s3:PutObject", "s3:DeleteObject", "s3:DeleteObjectVersion"],
        resources: [verified],
        conditions: {
          ArnNotEquals: {
            "aws:PrincipalArn": writerRoles.map((name) =>
              this.formatArn({ service: "iam", region: "", resource: "role", resourceName: name }),
            ),
          },
        },
      }),
    );
    this.evidenceBucket.addToResourcePolicy(
      new PolicyStatement({
        sid: "NoPresignedWritesToVerifiedEvidence",
        effect: Effect.DENY,
        principals: [new AnyPrincipal()],
        actions: ["s3:PutObject"],
        resources: [verified],
        conditions: { StringNotEquals: { "s3:authType": "REST-HEADER" } },
      }),
    );
  }
}
