import * as z from "zod/mini";
import { defineRoute } from "../route-spec";

export const getOpenApi = defineRoute({
  operationId: "getOpenApiDocument",
  method: "GET",
  path: "/openapi.json",
  group: "docs",
  access: "public",
  summary:
    "OpenAPI 3.1 document of the whole API, generated from the route schemas when the functions are built",
  tag: "文档",
  rawContentType: "application/json",
  rawJsonSchema: z.record(z.string(), z.unknown()),
});

export const getDocsPage = defineRoute({
  operationId: "getDocsPage",
  method: "GET",
  path: "/docs",
  group: "docs",
  access: "public",
  summary: "Readable API reference page (Swagger UI, served without any CDN)",
  tag: "文档",
  rawContentType: "text/html",
});

export const getDocsAsset = defineRoute({
  operationId: "getDocsAsset",
  method: "GET",
  path: "/docs/assets/{file}",
  group: "docs",
  access: "public",
  summary: "Static file of the API reference page",
  tag: "文档",
  params: z.object({
    file: z
      .string()
      .check(z.regex(/^[a-z0-9-]+\.(js|css|png)$/, "文件名不正确"))
      .check(z.meta({ minLength: 4, maxLength: 64 })),
  }),
  rawContentType: "application/octet-stream",
});
