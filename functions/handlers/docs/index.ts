import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { httpErrors } from "../../http/errors";
import { createHandlerGroup, route } from "../../http/handler-group";
import { getDocsAsset, getDocsPage, getOpenApi } from "../../http/routes/docs";

// In Lambda the Swagger UI files sit beside the bundle (copied at build time); locally they are read
// from the installed package.
function assetDirectory(): string {
  const configured = process.env.DOCS_ASSET_DIR;
  if (configured) return resolve(dirname(fileURLToPath(import.meta.url)), configured);
  return dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));
}

// The contract is generated from the route schemas at build time (`npm run contract`, drift-checked
// by `npm run check`) and served as it was written: no function carries the generator or every
// route's schemas. In Lambda the file sits beside the bundle.
function contractFile(): string {
  const configured = process.env.OPENAPI_DOCUMENT;
  const here = dirname(fileURLToPath(import.meta.url));
  return configured ? resolve(here, configured) : resolve(here, "../../../clients/typescript/openapi.json");
}

let contract: Promise<string> | undefined;

const PACKAGED_ASSETS: Record<string, string> = {
  "swagger-ui.css": "text/css; charset=utf-8",
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
  "favicon-32x32.png": "image/png",
};

// Kept out of the HTML so the page works under a strict Content-Security-Policy.
const INIT_SCRIPT = `window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#api", deepLinking: true });
});`;

const PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>职称申报评审系统 API 文档</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css">
<link rel="icon" type="image/png" href="/docs/assets/favicon-32x32.png">
</head>
<body>
<div id="api"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/assets/init.js"></script>
</body>
</html>`;

const SECURITY_HEADERS = {
  "content-security-policy":
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'",
  "x-content-type-options": "nosniff",
};

export const handler = createHandlerGroup([
  route(getOpenApi, async () => {
    contract ??= readFile(contractFile(), "utf8");
    return {
      raw: {
        statusCode: 200,
        headers: {
          "content-type": "application/json; charset=utf-8",
          "cache-control": "public, max-age=300",
        },
        body: await contract,
      },
    };
  }),
  route(getDocsPage, async () => ({
    raw: {
      statusCode: 200,
      headers: { "content-type": "text/html; charset=utf-8", ...SECURITY_HEADERS },
      body: PAGE,
    },
  })),
  route(getDocsAsset, async ({ params }) => {
    if (params.file === "init.js") {
      return {
        raw: {
          statusCode: 200,
          headers: { "content-type": "text/javascript; charset=utf-8" },
          body: INIT_SCRIPT,
        },
      };
    }
    const contentType = PACKAGED_ASSETS[params.file];
    if (!contentType) throw httpErrors.notFound();
    const bytes = await readFile(join(assetDirectory(), params.file));
    return {
      raw: {
        statusCode: 200,
        headers: {
          "content-type": contentType,
          "cache-control": "public, max-age=86400",
          ...SECURITY_HEADERS,
        },
        body: bytes.toString("base64"),
        isBase64Encoded: true,
      },
    };
  }),
]);
