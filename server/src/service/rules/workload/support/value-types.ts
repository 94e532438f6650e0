import * as l10n from '@vscode/l10n';
import { parseDocument, isMap } from 'yaml';

/** What is wrong with an annotation value, in words for the user. */
export interface ValueProblem {
  readonly problem: string;
  /** Warning for values that parse but almost certainly mean something else. */
  readonly severity?: 'warning';
}

const TRUE_WORDS = ['1', 't', 'true', 'y', 'yes', 'on'];
const FALSE_WORDS = ['0', 'f', 'false', 'n', 'no', 'off'];
const QUANTITY = /^[+-]?(\d+(\.\d*)?|\.\d+)(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei|[eE][+-]?\d+)?$/;
const DURATION = /^([0-9]*(\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$/;
const IPV4_CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;
const IPV6_CIDR = /^[0-9a-fA-F:]+(:\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})?\/(\d{1,3})$/;

/** Checks a value against a registry type (see scripts/gen-annotations.mjs). */
export function checkValue(type: string, value: string): ValueProblem | undefined {
  const text = value.trim();
  if (type.startsWith('enum:')) {
    const allowed = type.slice('enum:'.length).split('|');
    return allowed.includes(text) ? undefined : { problem: l10n.t('must be one of {0}', allowed.map((a) => `\`${a}\``).join(', ')) };
  }
  switch (type) {
    case 'bool':
      return [...TRUE_WORDS, ...FALSE_WORDS].includes(text.toLowerCase()) ? undefined : { problem: 'must be `"true"` or `"false"`' };
    case 'uint':
      return /^\d+$/.test(text) && Number(text) <= 4294967295 ? undefined : { problem: l10n.t('must be a whole number of 0 or more') };
    case 'port':
      return isPort(text, 0) ? undefined : { problem: l10n.t('must be a port number from 0 to 65535') };
    case 'duration':
      return DURATION.test(text) && text !== '' ? undefined : { problem: l10n.t('must be a duration such as `10s` or `1m30s`') };
    case 'cpu':
      return QUANTITY.test(text) ? undefined : { problem: l10n.t('must be a CPU quantity such as `100m` or `2`') };
    case 'memory':
      if (!QUANTITY.test(text)) return { problem: l10n.t('must be a memory quantity such as `128Mi` or `1Gi`') };
      // `m` is milli: 512m of memory is half a byte, never what was meant.
      return /\dm$/.test(text) ? { problem: `means ${text.slice(0, -1)} thousandths of a byte; write \`Mi\` (or \`M\`) for megabytes`, severity: 'warning' } : undefined;
    case 'yaml':
      return checkYamlMapping(value);
    case 'json':
      return checkJson(value);
    case 'ports':
      return text === '' || text.split(',').every((p) => isPort(p.trim(), 1)) ? undefined : { problem: l10n.t('must be a comma-separated list of ports (1-65535)') };
    case 'ports-or-star':
      return text === '' || text === '*' || text.split(',').every((p) => isPort(p.trim(), 1))
        ? undefined
        : { problem: l10n.t('must be `*` or a comma-separated list of ports (1-65535)') };
    case 'cidrs':
      return text === '' || text === '*' || text.split(',').every((c) => isCidr(c.trim()))
        ? undefined
        : { problem: l10n.t('must be `*` or a comma-separated list of CIDR ranges such as `10.0.0.0/8`') };
    default:
      return undefined;
  }
}

function isPort(text: string, min: number): boolean {
  return /^\d+$/.test(text) && Number(text) >= min && Number(text) <= 65535;
}

function isCidr(text: string): boolean {
  const v4 = IPV4_CIDR.exec(text);
  if (v4) return v4.slice(1, 5).every((o) => Number(o) <= 255) && Number(v4[5]) <= 32;
  const v6 = IPV6_CIDR.exec(text);
  return !!v6 && text.includes(':') && Number(v6[2]) <= 128;
}

function checkYamlMapping(value: string): ValueProblem | undefined {
  if (value.trim() === '') return undefined;
  const doc = parseDocument(value);
  if (doc.errors.length > 0) return { problem: l10n.t('is not valid YAML ({0})', doc.errors[0].message.split('\n')[0].replace(/:$/, '')) };
  if (doc.contents !== null && !isMap(doc.contents)) return { problem: l10n.t('must be a YAML mapping of ProxyConfig fields') };
  return undefined;
}

function checkJson(value: string): ValueProblem | undefined {
  try {
    JSON.parse(value);
    return undefined;
  } catch (error) {
    return { problem: l10n.t('is not valid JSON ({0})', (error as Error).message) };
  }
}
