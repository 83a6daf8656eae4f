import { cognitoIdentityProvider } from "./cognito-identity-provider";
import type { IdentityProvider } from "./identity-provider";
import { localIdentityProvider } from "./local-identity-provider";

/** Cognito in AWS, the table-backed provider on the local runtime; chosen by IDENTITY_PROVIDER. */
export function identityProvider(): IdentityProvider {
  switch (process.env.IDENTITY_PROVIDER) {
    case "cognito":
      return cognitoIdentityProvider;
    case "local":
      return localIdentityProvider;
    default:
      throw new Error('IDENTITY_PROVIDER must be "cognito" or "local"');
  }
}
