import type { PrecompiledValidators } from '../service';

/**
 * The schema validators compiled at build time by scripts/build-validators.mjs.
 * The bundles always contain them; plain `tsc` output (tests) may not, and
 * then the service compiles schemas on first use instead.
 */
export function loadPrecompiledValidators(): PrecompiledValidators | undefined {
  try {
    const generated = require('../../generated/validators.js') as { validator: PrecompiledValidators };
    return generated.validator;
  } catch {
    return undefined;
  }
}
