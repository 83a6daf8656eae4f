import { type Duration, RemovalPolicy, Validations } from "aws-cdk-lib";
import { Role, ServicePrincipal } from "aws-cdk-lib/aws-iam";
import {
  Architecture,
  LoggingFormat,
  type ParamsAndSecretsLayerVersion,
  Runtime,
  Tracing,
} from "aws-cdk-lib/aws-lambda";
import { NodejsFunction } from "aws-cdk-lib/aws-lambda-nodejs";
import { LogGroup, RetentionDays } from "aws-cdk-lib/aws-logs";
import type { Construct } from "constructs";
import { cdkBundlingOptions, HOUSE_NODE_OPTIONS, PROJECT_ROOT } from "./bundling-options";

export interface HouseFunctionProps {
  /** File under functions/handlers/ without extension, e.g. `submission`. */
  handlerFile: string;
  description: string;
  environment?: Record<string, string>;
  /** functions/function-timeouts.ts: set for the function's slowest operation. */
  timeout: Duration;
  memorySize?: number;
  /** Files and folders copied beside the bundle, e.g. the docs page's static files: [source, target path]. */
  assetFolders?: [string, string][];
  /** The AWS Parameters and Secrets extension, for functions that read a secret at cold start. */
  paramsAndSecrets?: ParamsAndSecretsLayerVersion;
  /** A fixed role name, for a role another stack's resource policy names (the evidence bucket's). */
  roleName?: string;
}

/**
 * Every Lambda of the system is built the same way: Node 22 on arm64, one bundle built with the house
 * options of bundling-options.ts (which `npm run bench` measures), JSON logs in an explicit log group
 * with a retention, and X-Ray tracing.
 */
export class HouseFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: HouseFunctionProps) {
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      retention: RetentionDays.SIX_MONTHS,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // Our own role instead of AWSLambdaBasicExecutionRole: it may write to its own log group only.
    const role = new Role(scope, `${id}Role`, {
      assumedBy: new ServicePrincipal("lambda.amazonaws.com"),
      description: `Runs the ${props.handlerFile} function`,
      ...(props.roleName ? { roleName: props.roleName } : {}),
    });
    logGroup.grantWrite(role);
    Validations.of(role).acknowledge({
      id: "AwsSolutions-IAM5[Resource::*]",
      reason:
        "X-Ray PutTraceSegments/PutTelemetryRecords support no resource-level permissions (tracing is required).",
    });
    super(scope, id, {
      role,
      entry: `${PROJECT_ROOT}functions/handlers/${props.handlerFile}/index.ts`,
      handler: "handler",
      description: props.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 1024,
      timeout: props.timeout,
      tracing: Tracing.ACTIVE,
      ...(props.paramsAndSecrets ? { paramsAndSecrets: props.paramsAndSecrets } : {}),
      logGroup,
      loggingFormat: LoggingFormat.JSON,
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: `${PROJECT_ROOT}package-lock.json`,
      environment: {
        POWERTOOLS_SERVICE_NAME: props.handlerFile,
        POWERTOOLS_LOG_LEVEL: "INFO",
        NODE_OPTIONS: HOUSE_NODE_OPTIONS,
        ...props.environment,
      },
      bundling: {
        ...cdkBundlingOptions(),
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (_inputDir: string, outputDir: string) =>
            (props.assetFolders ?? []).map(
              ([source, target]) =>
                `mkdir -p "$(dirname "${outputDir}/${target}")" && cp -r "${source}" "${outputDir}/${target}"`,
            ),
        },
      },
    });
    Validations.of(this).acknowledge({
      id: "AwsSolutions-L1",
      reason:
        "Pinned to nodejs22.x on purpose: the code and its dependencies are built and tested for Node 22.",
    });
  }
}
