/** `{{name}}` placeholders in query templates. `{{{scope}}}` reads as `{` + `{{scope}}`. */
const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_-]*)\s*\}\}/g;

export const BUILTIN_PLACEHOLDERS = ['scope', 'window', 'step'] as const;

export function placeholdersIn(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

/** Replaces every placeholder; unknown names are left for validation to catch earlier. */
export function renderTemplate(template: string, values: Record<string, string>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => values[name] ?? whole);
}
