import * as z from "zod/mini";
// Named imports: reaching these through `z.core` would bundle every part of zod, locales included.
import { $ZodArray, $ZodNullable, $ZodOptional, type $ZodRawIssue, type $ZodType, clone } from "zod/v4/core";

type Schema = $ZodType;

/** Facts the applicant may not declare, and who records them instead (R7.4). */
const RECORDED_BY_OTHERS: Record<string, string> = {
  registryVerified: "学信网核验结果由单位或审核部门在学信网核对后记录，申报人不能自行填写",
};

function unknownKeysMessage(keys: readonly string[]): string {
  const reasons = keys.flatMap((key) => (RECORDED_BY_OTHERS[key] ? [RECORDED_BY_OTHERS[key]] : []));
  return `不允许提交的字段：${keys.join("、")}（${reasons.length > 0 ? reasons.join("；") : "请只填写表单中的字段"}）`;
}

function strict(schema: Schema): Schema {
  if (schema instanceof z.ZodMiniObject) {
    const def = schema._zod.def;
    const original = def.error as ((issue: $ZodRawIssue) => unknown) | undefined;
    const error = (issue: $ZodRawIssue) =>
      issue.code === "unrecognized_keys" ? unknownKeysMessage(issue.keys) : original?.(issue);
    return clone(schema, {
      ...def,
      shape: Object.fromEntries(Object.entries(def.shape).map(([name, field]) => [name, strict(field)])),
      catchall: z.never(),
      error: error as typeof def.error,
    });
  }
  if (schema instanceof $ZodArray) {
    const def = schema._zod.def;
    return clone(schema, { ...def, element: strict(def.element) });
  }
  if (schema instanceof $ZodNullable) {
    const def = schema._zod.def;
    return clone(schema, { ...def, innerType: strict(def.innerType) });
  }
  if (schema instanceof $ZodOptional) {
    const def = schema._zod.def;
    return clone(schema, { ...def, innerType: strict(def.innerType) });
  }
  return schema;
}

/**
 * The form schemas of the core drop keys they do not know; a request must not get away with them
 * silently (issue #5: unknown fields are refused, never stored). This rebuilds a schema with every
 * object, however deep, refusing unknown keys, and keeps every refinement and message of the original.
 */
export function refusingUnknownKeys<T extends Schema>(schema: T): T {
  return strict(schema) as T;
}
