import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import { isMap, isSeq, Pair } from 'yaml';
import { asMap, findPair, getChild, keySpan, nodeSpan } from '../core/ast';
import type { ParsedSection } from '../core/documents';
import type { Finding } from '../core/findings';
import { ENGINE_CODES } from '../core/engine-codes';
import { toPlainData } from '../core/plain-value';
import type { CatalogEntry, JsonSchema, SchemaCatalog } from './catalog';
import * as l10n from '@vscode/l10n';

/** Diagnostic codes the schema layer reports; each has a docs page like a rule. */
export const SCHEMA_CODES = {
  unknownField: 'schema-unknown-field',
  invalidType: 'schema-invalid-type',
  invalidValue: 'schema-invalid-value',
  missingField: 'schema-missing-field',
} as const;

export interface SchemaFinding extends Finding {
  readonly code: string;
}

/** How to name the resource in messages: "ServiceMeshControlPlane v2.6". */
export interface ValidationSubject {
  readonly label: string;
  /** Kustomize patches and other fragments: required fields are not checked. */
  readonly partial: boolean;
}

/**
 * Validates sections against the catalog's schemas with ajv. Each schema is
 * compiled once, on first use, and reused for every document of its kind.
 */
/** Validators compiled at build time (scripts/build-validators.mjs), by schema path. */
export type PrecompiledValidators = (schemaPath: string) => ValidateFunction | undefined;

/** Must match scripts/ajv-options.mjs, which compiles the bundled validators. */
const AJV_OPTIONS = { allErrors: true, strict: false, validateFormats: false, validateSchema: false } as const;

export class SchemaValidator {
  private ajv: Ajv | undefined;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(
    private readonly catalog: SchemaCatalog,
    private readonly precompiled?: PrecompiledValidators,
  ) {}

  /**
   * Schema findings, or the one finding that says why the document could not
   * be validated: validation is never skipped silently.
   */
  validate(section: ParsedSection, entry: CatalogEntry, subject: ValidationSubject): SchemaFinding[] {
    const data = toPlainData(section.doc.contents);
    if (!data.ok) {
      const alias = data.unresolvedAlias;
      return [
        {
          code: ENGINE_CODES.yamlSyntax,
          span: nodeSpan(alias) ?? [0, 0],
          severity: 'error',
          message: l10n.t('The alias *{0} has no anchor &{0} before it, so the API server cannot read this document.', alias.source),
        },
      ];
    }
    // Validation walks the data with every alias expanded: an alias bomb would
    // cost far more than the document's size, so it is declined, and said so.
    if (data.expandedValues > expansionBudget(data.ownValues)) {
      return [
        {
          code: ENGINE_CODES.checkSkipped,
          span: rootSpan(section.doc.contents) ?? [0, 0],
          severity: 'warning',
          message: l10n.t(
            'Mesh Config did not check this document against its schema: its aliases expand it to {0} values, more than {1}.',
            formatCount(data.expandedValues),
            formatCount(expansionBudget(data.ownValues)),
          ),
        },
      ];
    }
    const validateFn = this.compile(entry);
    if (validateFn(data.value)) return [];
    return toFindings(validateFn.errors ?? [], section, subject);
  }

  private compile(entry: CatalogEntry): ValidateFunction {
    let fn = this.compiled.get(entry.schemaPath);
    if (!fn) {
      fn = this.precompiled?.(entry.schemaPath);
      if (!fn) {
        const schema = { ...this.catalog.schema(entry) } as JsonSchema;
        delete schema.$id;
        delete schema.$schema;
        fn = (this.ajv ??= new Ajv(AJV_OPTIONS)).compile(schema);
      }
      this.compiled.set(entry.schemaPath, fn);
    }
    return fn;
  }
}

/**
 * How many values (with aliases expanded) validation may walk: ten times the
 * document's own, so its cost stays linear in the document's size, and never
 * less than a large control plane has.
 */
export function expansionBudget(ownValues: number): number {
  return Math.max(100_000, 10 * ownValues);
}

function formatCount(n: number): string {
  return n >= 1e15 ? n.toExponential(1) : Math.round(n).toLocaleString('en-US');
}

function toFindings(errors: ErrorObject[], section: ParsedSection, subject: ValidationSubject): SchemaFinding[] {
  const root = section.doc.contents;
  // Errors inside anyOf/oneOf branches describe why each branch failed; the
  // user needs the summary, which ajv reports on the anyOf/oneOf itself.
  const relevant = errors.filter((e) => !/\/(anyOf|oneOf)\/\d+\//.test(e.schemaPath));
  const findings: SchemaFinding[] = [];
  const seen = new Set<string>();
  for (const error of relevant) {
    const finding = toFinding(error, root, subject, errors);
    if (!finding) continue;
    const id = `${finding.code}:${finding.span[0]}:${finding.span[1]}:${finding.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    findings.push(finding);
  }
  return findings;
}

function toFinding(
  error: ErrorObject,
  root: unknown,
  subject: ValidationSubject,
  all: ErrorObject[],
): SchemaFinding | undefined {
  const path = pointerSegments(error.instancePath);
  const node = resolve(root, path);
  const pair = pairOf(root, path);
  const valueSpan = nodeSpan(node) ?? (pair ? keySpan(pair) : undefined);
  const where = path.length > 0 ? `\`${path.join('.')}\`` : 'The resource';
  switch (error.keyword) {
    case 'additionalProperties': {
      const field = String((error.params as { additionalProperty: string }).additionalProperty);
      const fieldPair = findPair(asMap(node), field);
      const span = fieldPair ? keySpan(fieldPair) : valueSpan;
      if (!span) return undefined;
      return {
        code: SCHEMA_CODES.unknownField,
        span,
        severity: 'warning',
        message: l10n.t('`{0}` is not a field of {1} and will be dropped by the API server.', field, subject.label),
        data: { path: [...path, field] },
      };
    }
    case 'required': {
      if (subject.partial) return undefined;
      const field = String((error.params as { missingProperty: string }).missingProperty);
      const span = pair ? keySpan(pair) : rootSpan(root);
      if (!span) return undefined;
      const owner = path.length > 0 ? `\`${path.join('.')}\`` : subject.label;
      return {
        code: SCHEMA_CODES.missingField,
        span,
        severity: 'error',
        message: l10n.t('{0} is missing the required field `{1}`.', owner, field),
        data: { path, field },
      };
    }
    case 'type': {
      if (!valueSpan) return undefined;
      const expected = String((error.params as { type: string }).type).replace(/,/g, ' or ');
      return {
        code: SCHEMA_CODES.invalidType,
        span: valueSpan,
        severity: 'error',
        message: l10n.t('{0} must be {1}, not {2}.', where, article(expected), describeValue(node)),
        data: { path, expected },
      };
    }
    case 'enum': {
      if (!valueSpan) return undefined;
      const allowed = (error.params as { allowedValues: unknown[] }).allowedValues;
      return {
        code: SCHEMA_CODES.invalidValue,
        span: valueSpan,
        severity: 'error',
        message: l10n.t('{0} cannot be {1}; allowed values are {2}.', where, describeValue(node), allowed.map((v) => String(v)).join(', ')),
        data: { path, allowed },
      };
    }
    case 'anyOf':
    case 'oneOf': {
      if (!valueSpan) return undefined;
      const branchTypes = branchTypeErrors(error, all);
      const message = branchTypes
        ? `${where} must be ${article(branchTypes.join(' or '))}, not ${describeValue(node)}.`
        : error.keyword === 'oneOf' && (error.params as { passingSchemas?: unknown }).passingSchemas
          ? l10n.t('{0} sets fields that cannot be used together.', where)
          : l10n.t('{0} does not match any of the forms this field accepts.', where);
      return {
        code: branchTypes ? SCHEMA_CODES.invalidType : SCHEMA_CODES.invalidValue,
        span: valueSpan,
        severity: 'error',
        message,
        data: { path },
      };
    }
    case 'not': {
      if (!valueSpan) return undefined;
      return {
        code: SCHEMA_CODES.invalidValue,
        span: valueSpan,
        severity: 'error',
        message: l10n.t('{0} sets fields that cannot be used together.', where),
        data: { path },
      };
    }
    default: {
      if (!valueSpan) return undefined;
      return {
        code: SCHEMA_CODES.invalidValue,
        span: valueSpan,
        severity: 'error',
        message: l10n.t('{0} {1}.', where, constraintText(error)),
        data: { path },
      };
    }
  }
}

/** When every branch of an anyOf failed only on its type, the types it wanted. */
function branchTypeErrors(error: ErrorObject, all: ErrorObject[]): string[] | undefined {
  const prefix = `${error.schemaPath}/`;
  const branches = all.filter((e) => e.schemaPath.startsWith(prefix) && e.instancePath === error.instancePath);
  if (branches.length === 0 || branches.some((e) => e.keyword !== 'type')) return undefined;
  return [...new Set(branches.map((e) => String((e.params as { type: string }).type)))];
}

function constraintText(error: ErrorObject): string {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'minimum':
    case 'exclusiveMinimum':
    case 'maximum':
    case 'exclusiveMaximum':
      return `must be ${String(p.comparison)} ${String(p.limit)}`;
    case 'minLength':
      return l10n.t('must have at least {0} characters', String(p.limit));
    case 'maxLength':
      return l10n.t('must have at most {0} characters', String(p.limit));
    case 'minItems':
      return l10n.t('must have at least {0} entries', String(p.limit));
    case 'maxItems':
      return l10n.t('must have at most {0} entries', String(p.limit));
    case 'pattern':
      return l10n.t('does not match the required pattern {0}', String(p.pattern));
    case 'const':
      return `must be ${JSON.stringify(p.allowedValue)}`;
    default:
      return l10n.t('is not valid ({0})', error.keyword);
  }
}

function article(type: string): string {
  return /^(integer|object|array)/.test(type) ? `an ${type}` : `a ${type}`;
}

function describeValue(node: unknown): string {
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  const value = (node as { value?: unknown } | undefined)?.value;
  if (value === null || value === undefined) return 'empty';
  if (typeof value === 'string') return `the string "${value.length > 40 ? value.slice(0, 40) + '…' : value}"`;
  return `\`${String(value)}\``;
}

function pointerSegments(pointer: string): (string | number)[] {
  if (!pointer) return [];
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function resolve(root: unknown, path: readonly (string | number)[]): unknown {
  let node = root;
  for (const segment of path) {
    node = isSeq(node) && typeof segment === 'number' ? node.items[segment] : getChild(node, String(segment));
    if (node === undefined || node === null) return undefined;
  }
  return node;
}

function pairOf(root: unknown, path: readonly (string | number)[]): Pair | undefined {
  const last = path[path.length - 1];
  if (typeof last !== 'string') return undefined;
  return findPair(asMap(resolve(root, path.slice(0, -1))), last);
}

function rootSpan(root: unknown): [number, number] | undefined {
  const kind = findPair(asMap(root), 'kind');
  return kind ? keySpan(kind) : nodeSpan(root);
}
