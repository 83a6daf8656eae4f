/**
 * Bundled in place of `@aws-sdk/credential-provider-node` (see LAMBDA_ALIASES in bundling-options.ts):
 * the default credential chain reduced to the one link Lambda uses. Lambda sets the execution role's
 * credentials in these variables before the first invocation and keeps them for the life of the
 * instance, so no refresh is needed. Never used by the local runtime or the tests, which run the
 * unbundled code with the SDK's full chain.
 */
export interface EnvironmentCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
  accountId?: string;
}

export function defaultProvider(): () => Promise<EnvironmentCredentials> {
  return async () => {
    const env = process.env;
    const accessKeyId = env.AWS_ACCESS_KEY_ID;
    const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
    if (!accessKeyId || !secretAccessKey) {
      throw new Error(
        "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set: this bundle takes its credentials from " +
          "the environment, as Lambda provides them (infra/constructs/lambda-credentials.ts)",
      );
    }
    return {
      accessKeyId,
      secretAccessKey,
      ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}),
      ...(env.AWS_CREDENTIAL_EXPIRATION ? { expiration: new Date(env.AWS_CREDENTIAL_EXPIRATION) } : {}),
      ...(env.AWS_ACCOUNT_ID ? { accountId: env.AWS_ACCOUNT_ID } : {}),
    };
  };
}
