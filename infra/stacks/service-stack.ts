import { ArnFormat, Duration, RemovalPolicy, Stack, type StackProps, Validations } from "aws-cdk-lib";
import { HttpApi, HttpMethod, HttpNoneAuthorizer, HttpStage, LogGroupLogDestination } from "aws-cdk-lib/aws-apigatewayv2";
import { HttpUserPoolAuthorizer } from "aws-cdk-lib/aws-apigatewayv2-authorizers";
import { HttpLambdaIntegration } from "aws-cdk-lib/aws-apigatewayv2-integrations";
import type { UserPool, UserPoolClient } from "aws-cdk-lib/aws-cognito";
import type { TableV2 } from "aws-cdk-lib/aws-dynamodb";
import { Key } from "aws-cdk-lib/aws-kms";
import { LogGroup, RetentionDays } from "aws-cdk-lib/aws-logs";
import type { Bucket } from "aws-cdk-lib/aws-s3";
import { Topic } from "aws-cdk-lib/aws-sns";
import { DefinitionBody, LogLevel, StateMachine, StateMachineType } from "aws-cdk-lib/aws-stepfunctions";
import type { Construct } from "constructs";
import { fileURLToPath } from "node:url";
import { ROUTES } from "../../functions/http/route-catalogue";
import type { HandlerGroup } from "../../functions/http/route-spec";
import { HouseFunction } from "../constructs/house-function";

export interface ServiceStackProps extends StackProps {
  table: TableV2;
  evidenceBucket: Bucket;
  userPool: UserPool;
  userPoolClient: UserPoolClient;
}

const STATEMACHINES = fileURLToPath(new URL("../../statemachines/", import.meta.url));
const SWAGGER_UI = fileURLToPath(new URL("../../node_modules/swagger-ui-dist", import.meta.url));

const HTTP_GROUPS: Record<HandlerGroup, string> = {
  submission: "Applicant API: registration, drafts, evidence, submission",
  review: "Unit and department review",
  publicity: "Public notices, objections, certificate verification, health",
  admin: "Title office and organiser administration",
  docs: "OpenAPI document and API reference page",
};

/**
 * The stateless part: functions, the HTTP API and the round workflows. It can be destroyed and
 * redeployed at will; everything it keeps lives in the data stack.
 */
export class ServiceStack extends Stack {
  readonly api: HttpApi;
  readonly functions: Record<HandlerGroup | "workflow", HouseFunction>;

  constructor(scope: Construct, id: string, props: ServiceStackProps) {
    super(scope, id, props);
    const { table, evidenceBucket } = props;

    // Named up front so that functions can be given the ARN without a dependency cycle through the
    // definition, which in turn names the workflow function.
    const resetName = `${this.stackName}-round-reset`;
    const resetArn = this.formatArn({
      service: "states",
      resource: "stateMachine",
      resourceName: resetName,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });

    const common = { TABLE_NAME: table.tableName, EVIDENCE_BUCKET: evidenceBucket.bucketName };
    const make = (group: HandlerGroup | "workflow", description: string, extra: Record<string, string> = {}) =>
      new HouseFunction(this, `${group[0]?.toUpperCase()}${group.slice(1)}Function`, {
        handlerFile: group,
        description,
        environment: { ...common, ...extra },
        ...(group === "docs" ? { assetFolders: [[SWAGGER_UI, "swagger-ui"]] as [string, string][] } : {}),
        ...(group === "workflow" ? { timeout: Duration.minutes(5) } : {}),
      });
    this.functions = {
      submission: make("submission", HTTP_GROUPS.submission),
      review: make("review", HTTP_GROUPS.review),
      publicity: make("publicity", HTTP_GROUPS.publicity),
      admin: make("admin", HTTP_GROUPS.admin, { RESET_STATE_MACHINE_ARN: resetArn }),
      docs: make("docs", HTTP_GROUPS.docs, { DOCS_ASSET_DIR: "swagger-ui" }),
      workflow: make("workflow", "Round calendar and reset workflow tasks", { RESET_STATE_MACHINE_ARN: resetArn }),
    };
    for (const group of ["submission", "review", "publicity", "admin", "workflow"] as const) {
      table.grantReadWriteData(this.functions[group]);
    }
    for (const group of ["submission", "review", "admin", "workflow"] as const) {
      evidenceBucket.grantReadWrite(this.functions[group]);
    }

    this.api = this.httpApi(props);
    this.workflows(resetName);
  }

  private httpApi(props: ServiceStackProps): HttpApi {
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

    const authorizer = new HttpUserPoolAuthorizer("Cognito", props.userPool, {
      userPoolClients: [props.userPoolClient],
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

  private workflows(resetName: string): void {
    const alertKey = new Key(this, "AlertKey", { enableKeyRotation: true, description: "Encrypts workflow alerts" });
    const alerts = new Topic(this, "WorkflowAlerts", { masterKey: alertKey, enforceSSL: true });
    const substitutions = {
      WorkflowFunctionArn: this.functions.workflow.functionArn,
      AlertTopicArn: alerts.topicArn,
    };
    const machine = (id: string, file: string, name?: string) => {
      const logGroup = new LogGroup(this, `${id}Logs`, {
        // Step Functions requires this prefix for vended logs of Standard workflows in some regions.
        logGroupName: `/aws/vendedlogs/states/${this.stackName}-${id}`,
        retention: RetentionDays.ONE_YEAR,
        removalPolicy: RemovalPolicy.RETAIN,
      });
      const sm = new StateMachine(this, id, {
        ...(name ? { stateMachineName: name } : {}),
        stateMachineType: StateMachineType.STANDARD,
        definitionBody: DefinitionBody.fromFile(`${STATEMACHINES}${file}`),
        definitionSubstitutions: substitutions,
        // Execution data holds personal data of applicants; the events are enough to follow a run.
        logs: { destination: logGroup, level: LogLevel.ALL, includeExecutionData: false },
        tracingEnabled: true,
      });
      this.functions.workflow.grantInvoke(sm);
      alerts.grantPublish(sm);
      return sm;
    };
    const reset = machine("RoundReset", "reset.asl.json", resetName);
    const calendar = machine("RoundCalendar", "round-calendar.asl.json");
    reset.grantStartExecution(this.functions.admin);
    reset.grantRead(this.functions.admin);
    reset.grantStartExecution(this.functions.workflow);
    calendar.grantStartExecution(this.functions.admin);
    this.functions.admin.addEnvironment("ROUND_CALENDAR_STATE_MACHINE_ARN", calendar.stateMachineArn);
  }
}
