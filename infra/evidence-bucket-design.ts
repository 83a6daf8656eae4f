/**
 * Browser uploads go straight to the evidence bucket with presigned POSTs (DESIGN.md §6), so the bucket
 * needs CORS. CDK (data stack) and the local runtime both apply this rule; only the origins differ.
 */
export const EVIDENCE_CORS = {
  allowedMethods: ["POST", "GET"] as const,
  allowedHeaders: ["*"],
  maxAgeSeconds: 600,
};
