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
      problems.push(
        `meshConfig.targetVersion ${JSON.stringify(rawTarget)} is not valid; use one of ${TARGET_VERSION_NAMES.join(', ')}. Using ${DEFAULT_TARGET_VERSION_NAME}.`,
      );
    }
  }

  const rules: Record<string, SeveritySetting> = {};
  const rawRules = raw?.rules;
  if (rawRules !== undefined && rawRules !== null) {
    if (typeof rawRules !== 'object' || Array.isArray(rawRules)) {
      problems.push('meshConfig.rules must be an object mapping rule ids to "off", "error", "warning" or "info"; ignoring it.');
    } else {
      for (const [id, value] of Object.entries(rawRules as Record<string, unknown>)) {
        if (knownRuleIds && !knownRuleIds.has(id)) {
          problems.push(`meshConfig.rules names an unknown rule "${id}"; ignoring it.`);
        } else if (typeof value === 'string' && (SEVERITY_SETTINGS as readonly string[]).includes(value)) {
          rules[id] = value as SeveritySetting;
        } else {
          problems.push(
            `meshConfig.rules["${id}"] is ${JSON.stringify(value)}; use "off", "error", "warning" or "info". Using the rule's default.`,
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
