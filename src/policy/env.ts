/** `${NAME}` reads the environment; `$${` is a literal `${`. */
const ENV_REFERENCE = /\$(\$?)\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

export interface EnvExpansion {
  value: string;
  /** Names referenced but not set. */
  missing: string[];
  /** Values read from the environment: secrets, to be masked in every output. */
  secrets: string[];
}

/** With `keepMissing`, an unset `${NAME}` stays as written (for validating without the secrets). */
export function expandEnv(text: string, env: Readonly<Record<string, string | undefined>>, keepMissing = false): EnvExpansion {
  const missing: string[] = [];
  const secrets: string[] = [];
  const value = text.replace(ENV_REFERENCE, (whole: string, escape: string, name: string) => {
    if (escape) return `\${${name}}`;
    const found = env[name];
    if (found === undefined) {
      missing.push(name);
      return keepMissing ? whole : '';
    }
    if (found !== '') secrets.push(found);
    return found;
  });
  return { value, missing, secrets };
}
