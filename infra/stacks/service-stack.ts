import { fileURLToPath } from "node:url";
import { ArnFormat, Duration, RemovalPolicy, Stack, type StackProps, Validations } from "aws-cdk-lib";
import {
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  HttpStage,
  LogGroupLogDestination,
} from "aws-cdk-lib/aws-apigatewayv2";
import { HttpUserPoolAuthorizer } from "aws-cdk-lib/aws-apigatewayv2-authorizers";
import { HttpLambdaIntegration } from "aws-cdk-lib/aws-apigatewayv2-integrations";
import type { IUserPool, IUserPoolClient } from "aws-cdk-lib/aws-cognito";
import { type IGrantable, PolicyStatement, ServicePrincipal } from "aws-cdk-lib/aws-iam";
import { Key } from "aws-cdk-lib/aws-kms";
import {
  ParamsAndSecretsLayerVersion,
  ParamsAndSecretsLogLevel,
  ParamsAndSecretsVersions,
} from "aws-cdk-lib/aws-lambda";
import { LogGroup, RetentionDays } from "aws-cdk-lib/aws-logs";
import type { ISecret } from "aws-cdk-lib/aws-secretsmanager";
import { Topic } from "aws-cdk-lib/aws-sns";
import { DefinitionBody, LogLevel, StateMachine, StateMachineType } from "aws-cdk-lib/aws-stepfunctions";
import type { Construct } from "constructs";
import { CERTIFICATE_FONT_FILE, packagedFontPath } from "../../functions/adapters/certificate-font";
import { TABLE_DESIGN } from "../../functions/adapters/dynamodb/table-design";
import { INCOMING_PREFIX, VERIFIED_PREFIX } from "../../functions/adapters/s3/evidence-keys";
import { FUNCTION_TIMEOUT_SECONDS, type FunctionName } from "../../functions/function-timeouts";
import { ROUTES } from "../../functions/http/route-catalogue";
import type { HandlerGroup } from "../../functions/http/route-spec";
import { HARFBUZZ_SUBSET_WASM, harfbuzzSubsetWasm } from "../constructs/bundling-options";
import { HouseFunction } from "../constructs/house-function";
import { NotifierWiring } from "../constructs/notifier-wiring";
import { Operations } from "../constructs/operations";
import type { CertificateSettings } from "./certificate-context";
import type { NotificationSettings } from "./notification-context";

export interface ServiceStackProps extends StackProps {
  /** Physical names of the data stack's table and bucket: the service builds exact ARNs from them. */
  tableName: string;
  /** The table's stream, which feeds the notifier (a stream ARN carries a timestamp: passed, not built). */
  tableStreamArn: string;
  evidenceBucketName: string;
  userPool: IUserPool;
  userPoolClient: IUserPoolClient;
  /** Key material for resident-ID hashes and encryption (issue #4 §6). */
  residentIdKey: ISecret;
  /** Fixed names of the roles the evidence bucket's policy lets write verified keys (DESIGN.md §6). */
  evidenceWriterRoles: Record<EvidenceWriter, string>;
  certificates: CertificateSettings;
  notifications: NotificationSettings;
}

const STATEMACHINES = fileURLToPath(new URL("../../statemachines/", import.meta.url));
const SWAGGER_UI = fileURLToPath(new URL("../../node_modules/swagger-ui-dist", import.meta.url));
/** The contract written by `npm run contract`; the docs function serves it as it is. */
const CONTRACT = fileURLToPath(new URL("../../clients/typescript/openapi.json", import.meta.url));
/** The seal's name beside the certificate function's bundle, when the deployment has one. */
export const CERTIFICATE_SEAL_FILE = "certificate-seal.png";

/**
 * The two areas of the evidence bucket, each under the `rounds/` of its generation; no function touches
 * anything else in the bucket.
 */
export const EVIDENCE_AREAS = {
  incoming: `${INCOMING_PREFIX}rounds/`,
  verified: `${VERIFIED_PREFIX}rounds/`,
} as const;

/**
 * The functions that write verified evidence: submission (the copy at completion, merged PDFs, an
 * applicant's deletion) and the workflow (the purge after a reset). Their roles have fixed names so
 * that the data stack's bucket policy can deny every other principal without a reference back here.
 */
export type EvidenceWriter = "submission" | "workflow";

export function evidenceWriterRoleNames(tableName: string): Record<EvidenceWriter, string> {
  return { submission: `${tableName}-submission-fn`, workflow: `${tableName}-workflow-fn` };
}

const TABLE_READ = [
  "dynamodb:GetItem",
  "dynamodb:BatchGetItem",
  "dynamodb:Query",
  "dynamodb:ConditionCheckItem",
];
const TABLE_WRITE = [
  "dynamodb:PutItem",
  "dynamodb:UpdateItem",
  "dynamodb:DeleteItem",
  "dynamodb:BatchWriteItem",
];
/**
 * The Cognito actions each function that manages sign-in identities uses, on the one user pool:
 * admins create, disable, enable and sign out staff; registration creates an applicant with the
 * password they chose. Both delete an identity whose account could not be written.
 */
export const IDENTITY_ACTIONS = {
  admin: [
    "cognito-idp:AdminCreateUser",
    "cognito-idp:AdminDeleteUser",
    "cognito-idp:AdminDisableUser",
    "cognito-idp:AdminEnableUser",
    "cognito-idp:AdminUserGlobalSignOut",
  ],
  submission: [
    "cognito-idp:AdminCreateUser",
    "cognito-idp:AdminSetUserPassword",
    "cognito-idp:AdminDeleteUser",
  ],
} as const;

const EVIDENCE_READ = ["s3:GetObject", "s3:GetObjectVersion"];

const HTTP_GROUPS: Record<HandlerGroup, string> = {
  submission: "Applicant API: registration, drafts, evidence, submission",
  review: "Unit and department review",
  publicity: "Public notices, objections, health",
  admin: "Title office and organiser administration",
  docs: "OpenAPI document and API reference page",
  certificate: "Electronic certificates: the holder's download and public verification",
};

/**
 * The stateless part: functions, the HTTP API and the round workflows. It can be destroyed and
 * redeployed at will; everything it keeps lives in the data stack.
 */
export class ServiceStack extends Stack {
  readonly api: HttpApi;
  readonly functions: Record<FunctionName, HouseFunction>;
  readonly notifications: NotifierWiring;
  readonly operations: Operations;
  private readonly props: ServiceStackProps;

  constructor(scope: Construct, id: string, props: ServiceStackProps) {
    super(scope, id, props);
    this.props = props;

    // Named up front so that functions can be given the ARN without a dependency cycle through the
    // reset definition, which in turn names the workflow function.
    const resetName = `${this.stackName}-round-reset`;
    const resetArn = this.stateMachineArn(resetName);

    const common = { TABLE_NAME: props.tableName, EVIDENCE_BUCKET: props.evidenceBucketName };
    const secretsExtension = ParamsAndSecretsLayerVersion.fromVersion(ParamsAndSecretsVersions.V1_0_103, {
      logLevel: ParamsAndSecretsLogLevel.WARN,
    });
    const make = (
      name: FunctionName,
      description: string,
      extra: Partial<ConstructorParameters<typeof HouseFunction>[2]> = {},
    ) =>
      new HouseFunction(this, `${name[0]?.toUpperCase()}${name.slice(1)}Function`, {
        handlerFile: name,
        description,
        timeout: Duration.seconds(FUNCTION_TIMEOUT_SECONDS[name]),
        ...extra,
        environment: { ...common, ...extra.environment },
      });
    this.functions = {
      submission: make("submission", HTTP_GROUPS.submission, {
        roleName: props.evidenceWriterRoles.submission,
        paramsAndSecrets: secretsExtension,
      }),
      review: make("review", HTTP_GROUPS.review),
      publicity: make("publicity", HTTP_GROUPS.publicity),
      admin: make("admin", HTTP_GROUPS.admin, {
        environment: { RESET_STATE_MACHINE_ARN: resetArn },
        paramsAndSecrets: secretsExtension,
      }),
      certificate: make("certificate", HTTP_GROUPS.certificate, {
        memorySize: 1024,
        // The one font weight beside the bundle (the package's nine weights would be 130 MB).
        environment: {
          CERTIFICATE_FONT_DIR: ".",
          CERTIFICATE_VERIFICATION_BASE_URL: props.certificates.verificationBaseUrl,
          ...(props.certificates.sealImage ? { CERTIFICATE_SEAL_FILE } : {}),
        },
        assetFolders: [
          [packagedFontPath(), CERTIFICATE_FONT_FILE],
          [harfbuzzSubsetWasm(), HARFBUZZ_SUBSET_WASM],
          ...(props.certificates.sealImage
            ? [[props.certificates.sealImage, CERTIFICATE_SEAL_FILE] as [string, string]]
            : []),
        ],
      }),
      docs: make("docs", HTTP_GROUPS.docs, {
        environment: { DOCS_ASSET_DIR: "swagger-ui", OPENAPI_DOCUMENT: "openapi.json" },
        assetFolders: [
          [SWAGGER_UI, "swagger-ui"],
          [CONTRACT, "openapi.json"],
        ],
        memorySize: 512,
      }),
      workflow: make("workflow", "Round calendar and reset workflow tasks", {
        roleName: props.evidenceWriterRoles.workflow,
        environment: { RESET_STATE_MACHINE_ARN: resetArn },
      }),
      notifier: make("notifier", "Delivers notifications from the outbox: SMS by SNS, e-mail by SES", {
        memorySize: 512,
      }),
    };
    // Publicity writes too: public objections and their per-address rate counters (§7).
    for (const name of [
      "submission",
      "review",
      "publicity",
      "admin",
      "certificate",
      "workflow",
      "notifier",
    ] as const) {
      this.grantTable(this.functions[name]);
    }
    // Uploads are presigned (and so signed) by the submission role: the POST may write incoming keys
    // only because its policy pins one; completion reads it, copies it to verified and deletes it.
    this.grantEvidence(this.functions.submission, "incoming", [
      ...EVIDENCE_READ,
      "s3:PutObject",
      "s3:DeleteObject",
    ]);
    this.grantEvidence(this.functions.submission, "verified", [
      ...EVIDENCE_READ,
      "s3:PutObject",
      "s3:DeleteObject",
    ]);
    // Reviewers' and experts' downloads, and the certificate's ID photo, read verified copies only.
    this.grantEvidence(this.functions.review, "verified", EVIDENCE_READ);
    this.grantEvidence(this.functions.certificate, "verified", EVIDENCE_READ);
    // The purge after a reset lists an old generation's objects by prefix, in both areas, and deletes them.
    this.grantEvidence(this.functions.workflow, "incoming", ["s3:DeleteObject"]);
    this.grantEvidence(this.functions.workflow, "verified", ["s3:DeleteObject"]);
    this.functions.workflow.addToRolePolicy(
      new PolicyStatement({
        actions: ["s3:ListBucket"],
        resources: [`arn:${this.partition}:s3:::${props.evidenceBucketName}`],
        conditions: { StringLike: { "s3:prefix": Object.values(EVIDENCE_AREAS).map((area) => `${area}*`) } },
      }),
    );

    for (const name of ["admin", "submission"] as const) this.grantIdentity(name);

    this.api = this.httpApi();
    const { alerts, machines } = this.workflows(resetName, resetArn);
    this.notifications = new NotifierWiring(this, "Notifications", {
      notifier: this.functions.notifier,
      readers: [this.functions.submission],
      tableName: props.tableName,
      tableStreamArn: props.tableStreamArn,
      settings: props.notifications,
    });
    this.operations = new Operations(this, "Operations", {
      api: this.api,
      functions: this.functions,
      stateMachines: machines,
      tableName: props.tableName,
      indexNames: TABLE_DESIGN.globalSecondaryIndexes.map((index) => index.indexName),
      notifier: this.functions.notifier,
      deadLetters: this.notifications.deadLetters,
      alerts,
    });
  }

  private stateMachineArn(name: string): string {
    return this.formatArn({
      service: "states",
      resource: "stateMachine",
      resourceName: name,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
  }

  /** Action by action and index by index: no `dynamodb:*`, no `index/*`, and no Scan (DESIGN.md §9). */
  private grantTable(grantee: IGrantable): void {
    const tableArn = this.formatArn({
      service: "dynamodb",
      resource: "table",
      resourceName: this.props.tableName,
    });
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({
        actions: [...TABLE_READ, ...TABLE_WRITE],
        resources: [
          tableArn,
          ...TABLE_DESIGN.globalSecondaryIndexes.map((index) => `${tableArn}/index/${index.indexName}`),
        ],
      }),
    );
  }

  /** Exact Cognito actions on the one pool, and the resident-ID key: nothing else of either service. */
  private grantIdentity(name: keyof typeof IDENTITY_ACTIONS): void {
    const fn = this.functions[name];
    fn.addEnvironment("IDENTITY_PROVIDER", "cognito");
    fn.addEnvironment("USER_POOL_ID", this.props.userPool.userPoolId);
    fn.addEnvironment("RESIDENT_ID_KEY_SECRET_ARN", this.props.residentIdKey.secretArn);
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: [...IDENTITY_ACTIONS[name]],
        resources: [this.props.userPool.userPoolArn],
      }),
    );
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ["secretsmanager:GetSecretValue"],
        resources: [this.props.residentIdKey.secretArn],
      }),
    );
  }

  private grantEvidence(fn: HouseFunction, area: keyof typeof EVIDENCE_AREAS, actions: string[]): void {
    const prefix = EVIDENCE_AREAS[area];
    const objects = `arn:${this.partition}:s3:::${this.props.evidenceBucketName}/${prefix}*`;
    fn.addToRolePolicy(new PolicyStatement({ actions, resources: [objects] }));
    if (fn.role) {
      Validations.of(fn.role).acknowledge({
        id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::${this.props.evidenceBucketName}/${prefix}*]`,
        reason: `Evidence keys are generated per upload; access is limited to the ${prefix} prefix of the one bucket.`,
      });
    }
  }

  private httpApi(): HttpApi {
    const api = new HttpApi(this, "Api", {
      apiName: `${this.stackName}-api`,
      createDefaultStage: false,
      description: "人力资源培训专业职称申报评审 API",
    });
    const accessLogs = new LogGroup(this, "ApiAccessLogs", {
      retention: RetentionDays.ONE_YEAR,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    new HttpStage(this, "DefaultStage", {
      httpApi: api,
      stageName: "$default",
      autoDeploy: true,
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs) },
      throttle: { rateLimit: 500, burstLimit: 1000 },
    });

    const authorizer = new HttpUserPoolAuthorizer("Cognito", this.props.userPool, {
      userPoolClients: [this.props.userPoolClient],
    });
    const integrations = new Map<HandlerGroup, HttpLambdaIntegration>();
    for (const spec of ROUTES) {
      let integration = integrations.get(spec.group);
      if (!integration) {
        integration = new HttpLambdaIntegration(`${spec.group}Integration`, this.functions[spec.group]);
        integrations.set(spec.group, integration);
      }
      const [created] = api.addRoutes({
        path: spec.path,
        methods: [HttpMethod[spec.method]],
        integration,
        authorizer: spec.access === "public" ? new HttpNoneAuthorizer() : authorizer,
      });
      if (spec.access === "public" && created) {
        Validations.of(created).acknowledge({
          id: "AwsSolutions-APIG4",
          reason: `${spec.method} ${spec.path} is public by design (DESIGN.md §3: health, docs, notices, objections, certificate verification).`,
        });
      }
    }
    return api;
  }

  /** The state machines and the alerts topic, which the workflows and every alarm notify. */
  private workflows(resetName: string, resetArn: string) {
    const alertKey = new Key(this, "AlertKey", {
      enableKeyRotation: true,
      description: "Encrypts workflow alerts",
    });
    const alerts = new Topic(this, "WorkflowAlerts", { masterKey: alertKey, enforceSSL: true });
    // CloudWatch alarms publish to the encrypted topic too (infra/constructs/operations.ts).
    alertKey.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal("cloudwatch.amazonaws.com")],
        actions: ["kms:Decrypt", "kms:GenerateDataKey"],
        resources: ["*"],
      }),
    );
    const workflowFunction = this.functions.workflow;
    const machine = (id: string, file: string, name?: string) => {
      const logGroup = new LogGroup(this, `${id}Logs`, {
        logGroupName: `/aws/vendedlogs/states/${this.stackName}-${id}`,
        retention: RetentionDays.ONE_YEAR,
        removalPolicy: RemovalPolicy.RETAIN,
      });
      const sm = new StateMachine(this, id, {
        ...(name ? { stateMachineName: name } : {}),
        stateMachineType: StateMachineType.STANDARD,
        definitionBody: DefinitionBody.fromFile(`${STATEMACHINES}${file}`),
        definitionSubstitutions: {
          WorkflowFunctionArn: workflowFunction.functionArn,
          AlertTopicArn: alerts.topicArn,
        },
        // Execution data holds applicants' personal data; the events are enough to follow a run.
        logs: { destination: logGroup, level: LogLevel.ALL, includeExecutionData: false },
        tracingEnabled: true,
      });
      // Exact grants: the unqualified function only, the one topic and its key.
      sm.addToRolePolicy(
        new PolicyStatement({
          actions: ["lambda:InvokeFunction"],
          resources: [workflowFunction.functionArn],
        }),
      );
      sm.addToRolePolicy(new PolicyStatement({ actions: ["sns:Publish"], resources: [alerts.topicArn] }));
      sm.addToRolePolicy(
        new PolicyStatement({
          actions: ["kms:GenerateDataKey", "kms:Decrypt"],
          resources: [alertKey.keyArn],
        }),
      );
      Validations.of(sm).acknowledge({
        id: "AwsSolutions-IAM5[Resource::*]",
        reason:
          "CloudWatch Logs delivery and X-Ray actions of Step Functions support no resource-level permissions.",
      });
      return sm;
    };
    const reset = machine("RoundReset", "reset.asl.json", resetName);
    // Named, like the reset, so that the admin may read its executions' status by a known ARN.
    const calendarName = `${this.stackName}-round-calendar`;
    const calendar = machine("RoundCalendar", "round-calendar.asl.json", calendarName);

    const executionsOf = (name: string) =>
      this.formatArn({
        service: "states",
        resource: "execution",
        resourceName: `${name}:*`,
        arnFormat: ArnFormat.COLON_RESOURCE_NAME,
      });
    const admin = this.functions.admin;
    admin.addToRolePolicy(
      new PolicyStatement({
        actions: ["states:StartExecution"],
        resources: [resetArn, calendar.stateMachineArn],
      }),
    );
    // The reset's progress, and the calendar's state on the round's admin view (failed: how to resume).
    admin.addToRolePolicy(
      new PolicyStatement({
        actions: ["states:DescribeExecution"],
        resources: [executionsOf(resetName), executionsOf(calendarName)],
      }),
    );
    workflowFunction.addToRolePolicy(
      new PolicyStatement({ actions: ["states:StartExecution"], resources: [resetArn] }),
    );
    admin.addEnvironment("ROUND_CALENDAR_STATE_MACHINE_ARN", calendar.stateMachineArn);
    if (admin.role) {
      Validations.of(admin.role).acknowledge({
        id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:execution:${resetName}:*]`,
        reason:
          "Reset execution names are derived per round and generation; the admin reads the progress of those executions only.",
      });
      Validations.of(admin.role).acknowledge({
        id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:execution:${calendarName}:*]`,
        reason:
          "Calendar execution names are derived per round and resumption; the admin reads the status of those executions only.",
      });
    }
    return { alerts, machines: { RoundCalendar: calendar, RoundReset: reset } };
  }
}
