/** Building blocks of the policy schema: every key carries a description for editors (JSON Schema). */
import * as z from 'zod/mini';

export const describe = (text: string) => z.describe(text);

/** Attaches a description, shown by editors through the JSON Schema. */
export function doc<T extends z.ZodMiniType>(schema: T, text: string): T {
  return schema.check(describe(text)) as T;
}

/** An optional key with a description. */
export function opt<T extends z.ZodMiniType>(schema: T, text?: string) {
  const optional = z.optional(schema);
  return text ? doc(optional, text) : optional;
}

export const nonEmpty = (text: string) => doc(z.string().check(z.minLength(1)), text);
