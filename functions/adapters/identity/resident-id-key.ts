/**
 * The key material that protects resident ID numbers. Locally and in tests it is the environment
 * variable RESIDENT_ID_KEY; in AWS it is a Secrets Manager secret, read once per cold start through
 * the AWS Parameters and Secrets Lambda extension (a local HTTP endpoint, so no SDK client is bundled
 * for one read).
 */
const MIN_LENGTH = 32;
/** The extension answers from its cache, or after one Secrets Manager call (3 s, aws-clients.ts). */
const EXTENSION_TIMEOUT_MS = 4_000;

let loading: Promise<string> | undefined;

function checked(material: string | undefined, source: string): string {
  if (!material || material.length < MIN_LENGTH) {
    throw new Error(`${source} must hold at least ${MIN_LENGTH} characters of key material`);
  }
  return material;
}

async function fromSecretsExtension(secretId: string): Promise<string> {
  const port = process.env.PARAMETERS_SECRETS_EXTENSION_HTTP_PORT ?? "2773";
  const response = await fetch(
    `http://localhost:${port}/secretsmanager/get?secretId=${encodeURIComponent(secretId)}`,
    {
      headers: { "X-Aws-Parameters-Secrets-Token": process.env.AWS_SESSION_TOKEN ?? "" },
      // Bounded like every SDK call (aws-clients.ts): a stalled read is a 503, not a hang.
      signal: AbortSignal.timeout(EXTENSION_TIMEOUT_MS),
    },
  );
  if (!response.ok) throw new Error(`the resident ID key secret could not be read (HTTP ${response.status})`);
  const body = (await response.json()) as { SecretString?: string };
  return checked(body.SecretString, "the resident ID key secret");
}

async function load(): Promise<string> {
  if (process.env.RESIDENT_ID_KEY !== undefined)
    return checked(process.env.RESIDENT_ID_KEY, "RESIDENT_ID_KEY");
  const secretId = process.env.RESIDENT_ID_KEY_SECRET_ARN;
  if (!secretId) throw new Error("neither RESIDENT_ID_KEY nor RESIDENT_ID_KEY_SECRET_ARN is set");
  return fromSecretsExtension(secretId);
}

export function residentIdKeyMaterial(): Promise<string> {
  loading ??= load().catch((error: unknown) => {
    // A failed read is retried by the next request instead of poisoning the warm instance.
    loading = undefined;
    throw error;
  });
  return loading;
}
