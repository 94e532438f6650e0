import * as l10n from '@vscode/l10n';
import { DEFAULT_TARGET_VERSION_NAME, MeshVersion, parseVersion, TARGET_VERSION_NAMES } from './versions';

export type SeveritySetting = 'off' | 'error' | 'warning' | 'info';
const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['off', 'error', 'warning', 'info'];

/** Settings as the user wrote them (any shape: they come from JSON). */
export interface RawSettings {
  targetVersion?: unknown;
  rules?: unknown;
  maxFileSizeKB?: unknown;
}

/** Settings after validation: always usable. */
export interface MeshSettings {
  readonly targetVersion: MeshVersion;
  readonly rules: Readonly<Record<string, SeveritySetting>>;
  readonly maxFileSizeKB: number;
}

export const DEFAULT_MAX_FILE_SIZE_KB = 4096;

export interface SettingsResult {
  readonly settings: MeshSettings;
  /** One clear sentence per problem, naming the setting and the valid values. */
  readonly problems: string[];
}

export function defaultSettings(): MeshSettings {
  return resolveSettings({}).settings;
}

/**
 * Turns raw settings into usable ones. Invalid values fall back to the
 * default and produce a message instead of breaking analysis.
 */
export function resolveSettings(raw: RawSettings | undefined, knownRuleIds?: ReadonlySet<string>): SettingsResult {
  const problems: string[] = [];
  let targetVersion = parseVersion(DEFAULT_TARGET_VERSION_NAME)!;
  const rawTarget = raw?.targetVersion;
  if (rawTarget !== undefined && rawTarget !== null && rawTarget !== '') {
    const parsed = typeof rawTarget === 'string' ? parseVersion(rawTarget) : undefined;
    if (parsed && (TARGET_VERSION_NAMES as readonly string[]).includes(parsed.name)) {
      targetVersion = parsed;
    } else {
      const hint = typeof rawTarget === 'string' ? targetHint(rawTarget) : '';
      problems.push(
        l10n.t('meshConfig.targetVersion {0} is not valid{1}; use one of {2}. Using {3}.', JSON.stringify(rawTarget), hint, TARGET_VERSION_NAMES.join(', '), DEFAULT_TARGET_VERSION_NAME),
      );
    }
  }

  const rules: Record<string, SeveritySetting> = {};
  const rawRules = raw?.rules;
  if (rawRules !== undefined && rawRules !== null) {
    if (typeof rawRules !== 'object' || Array.isArray(rawRules)) {
      problems.push(l10n.t('meshConfig.rules must be an object mapping rule ids to "off", "error", "warning" or "info"; ignoring it.'));
    } else {
      for (const [id, value] of Object.entries(rawRules as Record<string, unknown>)) {
        if (knownRuleIds && !knownRuleIds.has(id)) {
          problems.push(
            l10n.t('meshConfig.rules names an unknown rule "{0}"{1}; rule ids are the diagnostic codes listed in docs/rules.md. Ignoring it.', id, didYouMean(id, [...knownRuleIds])),
          );
        } else if (typeof value === 'string' && (SEVERITY_SETTINGS as readonly string[]).includes(value)) {
          rules[id] = value as SeveritySetting;
        } else {
          const hint = typeof value === 'string' ? didYouMean(value.toLowerCase(), SEVERITY_SETTINGS) : '';
          problems.push(
            l10n.t('meshConfig.rules["{0}"] is {1}{2}; use "off", "error", "warning" or "info". Using the rule\'s default.', id, JSON.stringify(value), hint),
          );
        }
      }
    }
  }

  let maxFileSizeKB = DEFAULT_MAX_FILE_SIZE_KB;
  const rawMax = raw?.maxFileSizeKB;
  if (rawMax !== undefined && rawMax !== null) {
    if (typeof rawMax === 'number' && Number.isFinite(rawMax) && rawMax > 0) {
      maxFileSizeKB = rawMax;
    } else {
      problems.push(
        `meshConfig.maxFileSizeKB ${JSON.stringify(rawMax)} is not a positive number; using ${DEFAULT_MAX_FILE_SIZE_KB}.`,
      );
    }
  }

  return { settings: { targetVersion, rules, maxFileSizeKB }, problems };
}

/** A hint when the value is a valid target spelled loosely: `2.4`, `V2.4`, `v2.4.1`. */
function targetHint(raw: string): string {
  const match = /^\s*v?(\d+)\.(\d+)(?:\.\d+)?\s*$/i.exec(raw);
  const name = match ? `v${Number(match[1])}.${Number(match[2])}` : undefined;
  return name && (TARGET_VERSION_NAMES as readonly string[]).includes(name) ? l10n.t(' (did you mean "{0}"?)', name) : '';
}

/** ` (did you mean "x"?)` for the closest candidate within a small edit distance, else ''. */
function didYouMean(value: string, candidates: readonly string[]): string {
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(value.length / 4)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(value, candidate, bestDistance);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best ? l10n.t(' (did you mean "{0}"?)', best) : '';
}

/** Levenshtein distance, giving up (returning `limit`) once it cannot come in under it. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    // A loop, not Math.min(...current): a setting's key can be longer than a call takes arguments.
    if (current.every((d) => d >= limit)) return limit;
    previous = current;
  }
  return previous[b.length];
}
