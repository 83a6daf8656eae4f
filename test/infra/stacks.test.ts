import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Match, Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import { TABLE_DESIGN } from "../../functions/adapters/dynamodb/table-design";
import { API_GATEWAY_TIMEOUT_SECONDS, FUNCTION_TIMEOUT_SECONDS } from "../../functions/function-timeouts";
import { ROUTES } from "../../functions/http/route-catalogue";
import { buildTestApp } from "./app";

let data: Template;
let service: Template;
let assemblyDir: string;

beforeAll(() => {
  const built = buildTestApp();
  data = Template.fromStack(built.data);
  service = Template.fromStack(built.service);
  assemblyDir = built.app.synth().directory;
});

/** The folder of a function's bundle in the cloud assembly, from the asset hash in its S3 key. */
// biome-ignore lint/suspicious/noExplicitAny: template resources are untyped JSON
function assetDir(fn: { [key: string]: any } | undefined): string {
  return `asset.${String(fn?.Properties.Code.S3Key).replace(/\.zip$/, "")}`;
}

describe("data stack", () => {
  it("has one on-demand table with PITR, deletion protection, retention, TTL and the shared indexes", () => {
    data.resourceCountIs("AWS::DynamoDB::GlobalTable", 1);
    data.hasResource("AWS::DynamoDB::GlobalTable", {
      DeletionPolicy: "Retain",
      UpdateReplacePolicy: "Retain",
      Properties: Match.objectLike({
        BillingMode: "PAY_PER_REQUEST",
        KeySchema: [
          { AttributeName: "PK", KeyType: "HASH" },
          { AttributeName: "SK", KeyType: "RANGE" },
        ],
        TimeToLiveSpecification: { AttributeName: TABLE_DESIGN.timeToLiveAttribute, Enabled: true },
        GlobalSecondaryIndexes: TABLE_DESIGN.globalSecondaryIndexes.map((index) =>
          Match.objectLike({ IndexName: index.indexName }),
        ),
        Replicas: [
          Match.objectLike({
            DeletionProtectionEnabled: true,
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          }),
        ],
      }),
    });
  });

  it("has an evidence bucket: private, versioned, encrypted, CORS for uploads, access logs, SSL only", () => {
    data.hasResource("AWS::S3::Bucket", {
      DeletionPolicy: "Retain",
      Properties: Match.objectLike({
        BucketName: "gansu-title-review-evidence",
        VersioningConfiguration: { Status: "Enabled" },
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        BucketEncryption: Match.objectLike({
          ServerSideEncryptionConfiguration: [
            Match.objectLike({ ServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" } }),
          ],
        }),
        CorsConfiguration: {
          CorsRules: [Match.objectLike({ AllowedMethods: ["POST", "GET"] })],
        },
        LoggingConfiguration: Match.objectLike({ LogFilePrefix: "evidence/" }),
      }),
    });
    const policies = data.findResources("AWS::S3::BucketPolicy");
    const denies = Object.values(policies).flatMap((policy) =>
      (policy.Properties.PolicyDocument.Statement as { Effect: string; Condition?: unknown }[]).filter(
        (statement) => statement.Effect === "Deny",
      ),
    );
    expect(
      denies.some((statement) => JSON.stringify(statement.Condition).includes("aws:SecureTransport")),
    ).toBe(true);
  });

  it("has a user pool with no self sign-up and a strong password policy", () => {
    data.hasResourceProperties("AWS::Cognito::UserPool", {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      Policies: { PasswordPolicy: Match.objectLike({ MinimumLength: 10, RequireSymbols: true }) },
    });
  });
});

describe("service stack", () => {
  it("builds every function with the house construct: Node 22, arm64, X-Ray, its own log group", () => {
    const functions = service.findResources("AWS::Lambda::Function");
    expect(Object.keys(functions)).toHaveLength(8);
    for (const fn of Object.values(functions)) {
      expect(fn.Properties).toMatchObject({
        Runtime: "nodejs22.x",
        Architectures: ["arm64"],
        TracingConfig: { Mode: "Active" },
        Handler: "index.handler",
        LoggingConfig: { LogFormat: "JSON", LogGroup: expect.anything() },
        Environment: { Variables: expect.objectContaining({ POWERTOOLS_SERVICE_NAME: expect.any(String) }) },
      });
    }
    service.resourcePropertiesCountIs("AWS::Logs::LogGroup", { RetentionInDays: 180 }, 8);
  });

  it("gives each function the timeout of functions/function-timeouts.ts; those behind the API stay under its 30 s", () => {
    const functions = Object.values(service.findResources("AWS::Lambda::Function"));
    const byService = Object.fromEntries(
      functions.map((fn) => [
        fn.Properties.Environment.Variables.POWERTOOLS_SERVICE_NAME,
        fn.Properties.Timeout,
      ]),
    );
    expect(byService).toEqual(FUNCTION_TIMEOUT_SECONDS);
    const behindApi = new Set(ROUTES.map((route) => route.group));
    for (const group of behindApi) {
      expect(FUNCTION_TIMEOUT_SECONDS[group], group).toBeLessThan(API_GATEWAY_TIMEOUT_SECONDS);
    }
  });

  it("bundles each function as one minified ESM file that carries the AWS SDK itself", () => {
    const functions = Object.values(service.findResources("AWS::Lambda::Function"));
    for (const fn of functions) {
      const bundle = join(assemblyDir, assetDir(fn), "index.mjs");
      expect(existsSync(bundle), bundle).toBe(true);
      expect(existsSync(`${bundle}.map`)).toBe(true);
    }
    const submission = functions.find((fn) => fn.Properties.Description?.startsWith("Applicant API"));
    const code = readFileSync(join(assemblyDir, assetDir(submission), "index.mjs"), "utf8");
    expect(code).toContain("DynamoDBClient");
    // Minified: long lines, not an indented listing.
    expect(code.length / code.split("\n").length).toBeGreaterThan(1000);
  });

  it("creates one API Gateway route per catalogue route, with the JWT authorizer on all but the public ones", () => {
    const routes = Object.values(service.findResources("AWS::ApiGatewayV2::Route"));
    expect(routes).toHaveLength(ROUTES.length);
    for (const spec of ROUTES) {
      const found = routes.find((r) => r.Properties.RouteKey === `${spec.method} ${spec.path}`);
      expect(found?.Properties.AuthorizationType, `${spec.method} ${spec.path}`).toBe(
        spec.access === "public" ? "NONE" : "JWT",
      );
    }
    service.hasResourceProperties("AWS::ApiGatewayV2::Authorizer", { AuthorizerType: "JWT" });
    service.hasResourceProperties("AWS::ApiGatewayV2::Stage", {
      StageName: "$default",
      AccessLogSettings: Match.objectLike({ DestinationArn: Match.anyValue() }),
    });
  });

  it("loads both state machines from the ASL files, logging ALL without execution data, with X-Ray", () => {
    const machines = Object.values(service.findResources("AWS::StepFunctions::StateMachine"));
    expect(machines).toHaveLength(2);
    for (const machine of machines) {
      expect(machine.Properties).toMatchObject({
        StateMachineType: "STANDARD",
        LoggingConfiguration: { Level: "ALL", IncludeExecutionData: false },
        TracingConfiguration: { Enabled: true },
      });
      expect(machine.Properties.DefinitionS3Location).toBeDefined();
      expect(Object.keys(machine.Properties.DefinitionSubstitutions).sort()).toEqual([
        "AlertTopicArn",
        "WorkflowFunctionArn",
      ]);
    }
  });

  it("grants no wildcard action and no Scan on the table", () => {
    const policies = Object.values(service.findResources("AWS::IAM::Policy"));
    const actions = policies.flatMap((policy) =>
      (policy.Properties.PolicyDocument.Statement as { Action: string | string[] }[]).flatMap(
        (s) => s.Action,
      ),
    );
    expect(actions.length).toBeGreaterThan(10);
    expect(actions.filter((action) => action.endsWith("*"))).toEqual([
      ...actions.filter((action) => action.startsWith("xray:") && action.endsWith("*")),
    ]);
    expect(actions).not.toContain("dynamodb:Scan");
    expect(actions.filter((action) => action.startsWith("dynamodb:") && action.includes("*"))).toEqual([]);
  });
});

describe("identity: Cognito and the resident-ID key (issue #4)", () => {
  // biome-ignore lint/suspicious/noExplicitAny: template resources are untyped JSON
  type Resource = { [key: string]: any };

  function statementsOf(descriptionStart: string): { Action: string | string[]; Resource: unknown }[] {
    const functions = Object.values(service.findResources("AWS::Lambda::Function")) as Resource[];
    const fn = functions.find((candidate) => candidate.Properties.Description?.startsWith(descriptionStart));
    const roleId = fn?.Properties.Role["Fn::GetAtt"][0];
    const policies = Object.values(service.findResources("AWS::IAM::Policy")) as Resource[];
    return policies
      .filter((policy) => policy.Properties.Roles.some((role: Resource) => role.Ref === roleId))
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement);
  }
  const actionsOf = (statements: { Action: string | string[] }[], prefix: string) =>
    statements
      .flatMap((s) => s.Action)
      .filter((action) => action.startsWith(prefix))
      .sort();
  const cognitoStatements = (descriptionStart: string) =>
    statementsOf(descriptionStart).filter((s) => JSON.stringify(s.Action).includes("cognito-idp:"));

  it("gives the admin function only the Cognito actions it uses, on the one user pool", () => {
    const statements = cognitoStatements("Title office");
    expect(actionsOf(statements, "cognito-idp:")).toEqual([
      "cognito-idp:AdminCreateUser",
      "cognito-idp:AdminDeleteUser",
      "cognito-idp:AdminDisableUser",
      "cognito-idp:AdminEnableUser",
      "cognito-idp:AdminUserGlobalSignOut",
    ]);
    for (const statement of statements) {
      expect(JSON.stringify(statement.Resource)).toMatch(/UserPool|Users/);
      expect(JSON.stringify(statement.Resource)).not.toContain("*");
    }
  });

  it("gives registration (submission) only create, set-password and delete, and no other function any", () => {
    expect(actionsOf(cognitoStatements("Applicant API"), "cognito-idp:")).toEqual([
      "cognito-idp:AdminCreateUser",
      "cognito-idp:AdminDeleteUser",
      "cognito-idp:AdminSetUserPassword",
    ]);
    for (const other of ["Unit and department", "Public notices", "OpenAPI", "Round calendar"]) {
      expect(cognitoStatements(other), other).toEqual([]);
      expect(actionsOf(statementsOf(other), "secretsmanager:"), other).toEqual([]);
    }
  });

  it("lets exactly those two functions read the resident-ID secret, through the secrets extension", () => {
    for (const start of ["Title office", "Applicant API"]) {
      expect(actionsOf(statementsOf(start), "secretsmanager:"), start).toEqual([
        "secretsmanager:GetSecretValue",
      ]);
    }
    const functions = Object.values(service.findResources("AWS::Lambda::Function")) as Resource[];
    const withIdentity = functions.filter((fn) => fn.Properties.Environment.Variables.IDENTITY_PROVIDER);
    expect(withIdentity).toHaveLength(2);
    for (const fn of withIdentity) {
      expect(fn.Properties.Environment.Variables).toMatchObject({
        IDENTITY_PROVIDER: "cognito",
        USER_POOL_ID: expect.anything(),
        RESIDENT_ID_KEY_SECRET_ARN: expect.anything(),
        PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: "2773",
      });
      expect(fn.Properties.Layers).toHaveLength(1);
    }
  });

  it("keeps the key in a generated, retained secret in the data stack", () => {
    data.hasResource("AWS::SecretsManager::Secret", {
      DeletionPolicy: "Retain",
      Properties: Match.objectLike({
        GenerateSecretString: Match.objectLike({ PasswordLength: 64, ExcludePunctuation: true }),
      }),
    });
  });
});

describe("evidence: quarantine, then verified (DESIGN.md §6)", () => {
  // biome-ignore lint/suspicious/noExplicitAny: template resources are untyped JSON
  type Resource = { [key: string]: any };
  interface Statement {
    Sid?: string;
    Effect: string;
    Action: string | string[];
    Resource: unknown;
    Principal?: unknown;
    Condition?: Record<string, Record<string, unknown>>;
  }
  const list = <T>(value: T | T[]) => (Array.isArray(value) ? value : [value]);

  function evidencePolicy(): Statement[] {
    const policies = Object.values(data.findResources("AWS::S3::BucketPolicy")) as Resource[];
    const evidence = policies.find((policy) => JSON.stringify(policy.Properties.Bucket).includes("Evidence"));
    return evidence?.Properties.PolicyDocument.Statement ?? [];
  }

  /** Each function's S3 statements, by the start of its description. */
  function s3StatementsByFunction(): Map<string, Statement[]> {
    const functions = Object.values(service.findResources("AWS::Lambda::Function")) as Resource[];
    const policies = Object.values(service.findResources("AWS::IAM::Policy")) as Resource[];
    return new Map(
      functions.map((fn) => {
        const roleId = fn.Properties.Role["Fn::GetAtt"][0];
        const statements = policies
          .filter((policy) => policy.Properties.Roles.some((role: Resource) => role.Ref === roleId))
          .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[])
          .filter((statement) => list(statement.Action).some((action) => action.startsWith("s3:")));
        return [String(fn.Properties.Description), statements];
      }),
    );
  }

  const onArea = (statement: Statement, area: string) =>
    JSON.stringify(statement.Resource).includes(`/${area}/`);
  const writes = (statement: Statement) =>
    list(statement.Action).some((action) => ["s3:PutObject", "s3:DeleteObject"].includes(action));

  it("the bucket policy denies writes to verified keys to every principal but the service's writer roles", () => {
    const deny = evidencePolicy().find((s) => s.Sid === "VerifiedEvidenceWrittenByTheServiceOnly");
    expect(deny).toMatchObject({ Effect: "Deny", Principal: { AWS: "*" } });
    expect(list(deny?.Action ?? []).sort()).toEqual([
      "s3:DeleteObject",
      "s3:DeleteObjectVersion",
      "s3:PutObject",
    ]);
    expect(JSON.stringify(deny?.Resource)).toContain('"/verified/*"');
    const exempt = JSON.stringify(deny?.Condition?.ArnNotEquals?.["aws:PrincipalArn"]);
    const roleNames = Object.values(service.findResources("AWS::IAM::Role")).flatMap((role) =>
      role.Properties.RoleName ? [String(role.Properties.RoleName)] : [],
    );
    expect(roleNames.sort()).toEqual(["title-review-submission-fn", "title-review-workflow-fn"]);
    for (const name of roleNames) expect(exempt).toContain(`:role/${name}"`);
    expect(exempt.match(/:role\//g)).toHaveLength(2);
  });

  it("the bucket policy denies presigned writes (POST or query string) to verified keys, whoever signed them", () => {
    const deny = evidencePolicy().find((s) => s.Sid === "NoPresignedWritesToVerifiedEvidence");
    expect(deny).toMatchObject({
      Effect: "Deny",
      Principal: { AWS: "*" },
      Action: "s3:PutObject",
      Condition: { StringNotEquals: { "s3:authType": "REST-HEADER" } },
    });
    expect(JSON.stringify(deny?.Resource)).toContain('"/verified/*"');
  });

  it("objects left in incoming/ expire after one day, with their old versions", () => {
    data.hasResourceProperties("AWS::S3::Bucket", {
      BucketName: "gansu-title-review-evidence",
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({
            Prefix: "incoming/",
            ExpirationInDays: 1,
            NoncurrentVersionExpiration: { NoncurrentDays: 1 },
            Status: "Enabled",
          }),
        ]),
      },
    });
  });

  it("only the writer functions may write evidence; reviewers and the certificate read verified copies only", () => {
    const byFunction = s3StatementsByFunction();
    const writers = [...byFunction].filter(([, statements]) => statements.some(writes)).map(([name]) => name);
    expect(writers.map((name) => name.split(":")[0]).sort()).toEqual([
      "Applicant API",
      "Round calendar and reset workflow tasks",
    ]);
    for (const [name, statements] of byFunction) {
      for (const statement of statements.filter((s) => JSON.stringify(s.Resource).includes("/"))) {
        const area = onArea(statement, "verified") || onArea(statement, "incoming");
        expect(area, `${name}: ${JSON.stringify(statement.Resource)}`).toBe(true);
      }
    }
    const readers = ["Unit and department review", "Electronic certificates"];
    for (const reader of readers) {
      const statements = [...byFunction].find(([name]) => name.startsWith(reader))?.[1] ?? [];
      expect(statements.length, reader).toBeGreaterThan(0);
      for (const statement of statements) {
        expect(list(statement.Action).sort()).toEqual(["s3:GetObject", "s3:GetObjectVersion"]);
        expect(onArea(statement, "verified")).toBe(true);
      }
    }
  });
});
