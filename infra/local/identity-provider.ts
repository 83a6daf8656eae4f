import { randomUUID } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import {
  type CryptoKey,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
  type JWTPayload,
  jwtVerify,
  SignJWT,
} from "jose";

export const LOCAL_CLIENT_ID = "local-portal";
const TOKEN_LIFETIME_SECONDS = 3600;

/** The claims Cognito puts in an access token, which API Gateway's JWT authorizer passes on. */
export interface AccessClaims extends JWTPayload {
  sub: string;
  "cognito:username": string;
  token_use: "access";
  client_id: string;
  scope: string;
}

/**
 * Stands in for Cognito on one machine: ES256 access tokens with Cognito's claims, verified the way
 * the API Gateway JWT authorizer does (signature, issuer, expiry, client, token use). The key pair
 * is kept in a file so that tokens survive a restart.
 */
export class LocalIdentityProvider {
  private constructor(
    private readonly privateKey: CryptoKey,
    private readonly publicKey: CryptoKey,
    readonly issuer: string,
  ) {}

  static async create(issuer: string, keyFile?: string): Promise<LocalIdentityProvider> {
    if (keyFile && existsSync(keyFile)) {
      const jwk = JSON.parse(readFileSync(keyFile, "utf8")) as JWK;
      const { d: _private, ...publicJwk } = jwk;
      return new LocalIdentityProvider(
        (await importJWK(jwk, "ES256")) as CryptoKey,
        (await importJWK(publicJwk, "ES256")) as CryptoKey,
        issuer,
      );
    }
    const { privateKey, publicKey } = await generateKeyPair("ES256", { extractable: true });
    if (keyFile) writeFileSync(keyFile, JSON.stringify(await exportJWK(privateKey)), { mode: 0o600 });
    return new LocalIdentityProvider(privateKey, publicKey, issuer);
  }

  async issue(sub: string, username: string, now: Date): Promise<{ accessToken: string; expiresIn: number }> {
    const iat = Math.floor(now.getTime() / 1000);
    const accessToken = await new SignJWT({
      "cognito:username": username,
      token_use: "access",
      client_id: LOCAL_CLIENT_ID,
      scope: "aws.cognito.signin.user.admin",
      auth_time: iat,
    })
      .setProtectedHeader({ alg: "ES256", kid: "local" })
      .setSubject(sub)
      .setIssuer(this.issuer)
      .setIssuedAt(iat)
      .setExpirationTime(iat + TOKEN_LIFETIME_SECONDS)
      .setJti(randomUUID())
      .sign(this.privateKey);
    return { accessToken, expiresIn: TOKEN_LIFETIME_SECONDS };
  }

  /** The claims of a valid access token, or undefined for anything else. */
  async verify(token: string, now: Date): Promise<AccessClaims | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.publicKey, {
        issuer: this.issuer,
        algorithms: ["ES256"],
        currentDate: now,
      });
      if (
        payload.token_use !== "access" ||
        payload.client_id !== LOCAL_CLIENT_ID ||
        typeof payload.sub !== "string"
      ) {
        return undefined;
      }
      return payload as AccessClaims;
    } catch {
      return undefined;
    }
  }
}
