/**
 * Rules of the API contract beyond the OpenAPI 3.1 structure (Redocly CLI plugin), run by
 * `npm run check` on the generated document; `test/unit/http/contract-lint.test.ts` proves each fails
 * on a document that breaks it.
 */

const FLAGS_SUFFIX = /(?<!\\)\/[dgimsuvy]+$/;
const DELIMITED = /^\/.*\/[dgimsuvy]*$/;

/** A JSON Schema `pattern` is an ECMA-262 expression read in `u` mode: no `/…/` delimiters, no flags. */
function PatternIsEcmaURegex() {
  return {
    Schema(schema, ctx) {
      if (typeof schema.pattern !== "string") return;
      const location = ctx.location.child("pattern");
      if (DELIMITED.test(schema.pattern) || FLAGS_SUFFIX.test(schema.pattern)) {
        ctx.report({ message: `pattern carries regex delimiters or flags: ${schema.pattern}`, location });
        return;
      }
      try {
        new RegExp(schema.pattern, "u");
      } catch (error) {
        ctx.report({
          message: `pattern is not a valid u-mode regular expression: ${error.message}`,
          location,
        });
      }
    },
  };
}

/** Properties named as dates, months and times: publishedOn, lastDay, newSeriesSince, at, from… */
const TIME_NAME =
  /(?:At|On|Date|Month|Since|Until|Day|Time)$|^(?:at|from|to|until|since|month|date|day|time)$/;

const isString = (schema) =>
  schema.type === "string" || (Array.isArray(schema.type) && schema.type.includes("string"));

/** A date, month or time field says how it is written: a `format` (date, date-time) or a `pattern`. */
function TimeFieldHasFormat() {
  return {
    Schema(schema, ctx) {
      for (const [name, property] of Object.entries(schema.properties ?? {})) {
        if (!TIME_NAME.test(name)) continue;
        const { node } = ctx.resolve(property);
        const variants = node?.anyOf ?? node?.oneOf ?? [node];
        for (const variant of variants) {
          const { node: resolved } = ctx.resolve(variant);
          if (resolved && isString(resolved) && !resolved.format && !resolved.pattern && !resolved.enum) {
            ctx.report({
              message: `time field "${name}" has no format or pattern`,
              location: ctx.location.child(["properties", name]),
            });
          }
        }
      }
    },
  };
}

/** Bounded by their own form: no length to state. */
const SELF_BOUNDED_FORMATS = new Set(["date", "date-time", "time", "uuid", "email"]);

/**
 * The server limits every string it accepts, so a string in a request — a parameter or anywhere in a
 * body, through references — states its `maxLength` (the limit a form shows), unless its values are
 * listed or its format bounds it.
 */
function RequestStringBounded() {
  const walk = (schema, path, ctx, report, seen) => {
    const { node } = ctx.resolve(schema);
    if (!node || typeof node !== "object" || seen.has(node)) return;
    seen.add(node);
    if (isString(node) && !node.enum && node.const === undefined && !SELF_BOUNDED_FORMATS.has(node.format)) {
      if (node.maxLength === undefined) report(path);
    }
    for (const [name, property] of Object.entries(node.properties ?? {})) {
      walk(property, `${path}.${name}`, ctx, report, seen);
    }
    if (node.items) walk(node.items, `${path}[]`, ctx, report, seen);
    if (typeof node.additionalProperties === "object")
      walk(node.additionalProperties, `${path}{}`, ctx, report, seen);
    for (const variant of [...(node.allOf ?? []), ...(node.anyOf ?? []), ...(node.oneOf ?? [])]) {
      walk(variant, path, ctx, report, seen);
    }
  };
  return {
    Operation(operation, ctx) {
      const report = (path) =>
        ctx.report({ message: `request string without maxLength: ${path}`, location: ctx.location });
      for (const parameter of operation.parameters ?? []) {
        const { node } = ctx.resolve(parameter);
        if (node?.schema) walk(node.schema, `${node.in}.${node.name}`, ctx, report, new Set());
      }
      const { node: body } = ctx.resolve(operation.requestBody ?? {});
      for (const media of Object.values(body?.content ?? {})) {
        if (media.schema) walk(media.schema, "body", ctx, report, new Set());
      }
    },
  };
}

export default function titleReviewRules() {
  return {
    id: "title-review",
    rules: {
      oas3: {
        "pattern-is-ecma-u-regex": PatternIsEcmaURegex,
        "time-field-has-format": TimeFieldHasFormat,
        "request-string-bounded": RequestStringBounded,
      },
    },
  };
}
