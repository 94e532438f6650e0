/**
 * Placeholders people leave in YAML meant to be filled in by hand or by a
 * substitution step (envsubst, sed, docs copied verbatim): `<tenant-x>`,
 * `$NAME`, `${NAME}`. Helm and other Go templates (`{{ }}`) are not
 * placeholders here: the engine already keeps rules away from them.
 */
const ANGLE = /<[A-Za-z_][\w.-]*>/;
const SHELL_BRACED = /\$\{[^}\s]*\}/;
const SHELL_BARE = /\$[A-Za-z_][A-Za-z0-9_]*/;

/** The first placeholder in a value, if it holds one. */
export function findPlaceholder(value: string): string | undefined {
  if (value.includes('{{')) return undefined;
  for (const pattern of [ANGLE, SHELL_BRACED, SHELL_BARE]) {
    const match = pattern.exec(value);
    if (match) return match[0];
  }
  return undefined;
}

/** `$NAME` or `${NAME}`: filled in by a shell-style substitution step, if the pipeline has one. */
export function isShellVariable(placeholder: string | undefined): boolean {
  return placeholder !== undefined && placeholder.startsWith('$');
}

/**
 * `REPLACE_ME`, `CHANGEME`, `YOUR_NAMESPACE`: a whole value in upper case
 * (with `_` or digits) reads as a slot to fill rather than a name someone chose.
 */
export function isUpperCasePlaceholder(value: string): boolean {
  return /^[A-Z][A-Z0-9_]*$/.test(value) && /[A-Z]{2}/.test(value);
}
