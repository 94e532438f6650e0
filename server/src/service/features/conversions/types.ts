import type { ParsedSection } from '../../core/documents';
import type { ResourceIdentity } from '../../core/resources';
import type { MeshVersion } from '../../core/versions';

/** One other `---` document of the same file, as a conversion may read it. */
export interface SiblingSection {
  readonly index: number;
  readonly section: ParsedSection;
  readonly resource: ResourceIdentity | undefined;
}

/** What a conversion sees: the resource, the rest of its file, and the target. */
export interface ConversionInput {
  readonly section: ParsedSection;
  readonly resource: ResourceIdentity;
  readonly index: number;
  /** Every section of the file, this one included. */
  readonly sections: readonly SiblingSection[];
  readonly target: MeshVersion;
}

/** New documents that replace the converted one. */
export interface ConversionResult {
  readonly title: string;
  /** YAML texts (LF line ends, each ending with a newline, no `---`), in order. */
  readonly documents: readonly string[];
  /** Other sections of the file (by index) folded into the result; they are removed. */
  readonly consumed?: readonly number[];
}

/**
 * A rewrite of a legacy resource into its replacement. Pure: it reads the
 * parsed input and returns text, never edits.
 */
export interface Conversion {
  readonly id: string;
  appliesTo(resource: ResourceIdentity): boolean;
  convert(input: ConversionInput): ConversionResult | undefined;
}
