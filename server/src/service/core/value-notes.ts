import * as l10n from '@vscode/l10n';
import type { PathSegment } from './ast';

/**
 * Plain-language readings of values whose units are easy to get wrong,
 * shown in hover and in messages ("500 = 5 % of requests").
 */
export function samplingPercent(value: number): string {
  const percent = value / 100;
  return `${Number.isInteger(percent) ? percent : percent.toFixed(2).replace(/0+$/, '')} %`;
}

interface ValueNote {
  readonly kind: string;
  readonly path: readonly string[];
  note(value: unknown): string | undefined;
}

const NOTES: readonly ValueNote[] = [
  {
    kind: 'ServiceMeshControlPlane',
    path: ['spec', 'tracing', 'sampling'],
    note: (value) =>
      typeof value === 'number' ? l10n.t('`{0}` = {1} of requests are traced.', value, samplingPercent(value)) : undefined,
  },
];

export function valueNote(kind: string | undefined, path: readonly PathSegment[], value: unknown): string | undefined {
  const note = NOTES.find((n) => n.kind === kind && n.path.length === path.length && n.path.every((p, i) => p === path[i]));
  return note?.note(value);
}
