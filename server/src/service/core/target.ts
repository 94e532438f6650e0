import { MeshVersion, parseVersion, TARGET_VERSION_NAMES } from './versions';

const TARGET_COMMENT = /#\s*mesh-config:\s*target\s*=\s*(\S*)/;

export interface TargetOverride {
  /** The version named by the comment, when it is valid. */
  readonly version: MeshVersion | undefined;
  /** What the comment said, when it was not a valid target. */
  readonly invalidText: string | undefined;
  /** File offsets of the value in the comment. */
  readonly span: readonly [number, number];
}

/**
 * The last text asked about and its answer. Code actions and the CLI ask once
 * per diagnostic with the same file text; without this, each question scans
 * the whole file again (30,000 findings in a 4 MB file took minutes).
 */
let last: { text: string; result: TargetOverride | undefined } | undefined;

/** A `# mesh-config: target=v2.5` comment anywhere in the file. */
export function findTargetOverride(text: string): TargetOverride | undefined {
  // The same string object compares in constant time.
  if (last?.text === text) return last.result;
  const result = scan(text);
  last = { text, result };
  return result;
}

function scan(text: string): TargetOverride | undefined {
  if (!text.includes('mesh-config:')) return undefined;
  const match = TARGET_COMMENT.exec(text);
  if (!match) return undefined;
  const valueStart = (match.index ?? 0) + match[0].length - match[1].length;
  const span: [number, number] = [valueStart, valueStart + match[1].length];
  const parsed = parseVersion(match[1]);
  if (parsed && (TARGET_VERSION_NAMES as readonly string[]).includes(parsed.name)) {
    return { version: parsed, invalidText: undefined, span };
  }
  return { version: undefined, invalidText: match[1], span };
}
