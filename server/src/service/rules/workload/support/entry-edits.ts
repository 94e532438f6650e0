import { Pair, YAMLMap } from 'yaml';
import { keySpan, nodeSpan, pairSpan } from '../../../core/ast';
import type { ParsedSection } from '../../../core/documents';
import { removePair } from '../../../edits/yaml-edits';
import type { RuleFix, SectionEdit } from '../../types';
import type { LocatedEntry } from './metadata-entries';

/** Renames a label or annotation key, keeping its quoting style. */
export function renameEntryKey(section: ParsedSection, pair: Pair, newKey: string): SectionEdit | undefined {
  const span = keySpan(pair);
  if (!span) return undefined;
  const source = section.text.slice(span[0], span[1]);
  const quote = source.startsWith('"') || source.startsWith("'") ? source[0] : '';
  return { start: span[0], end: span[1], newText: `${quote}${newKey}${quote}` };
}

/**
 * Removes one entry from a labels/annotations map, block or flow style. When
 * it is the map's only entry, the whole `annotations:`/`labels:` key goes
 * with it rather than leaving an empty key behind.
 */
export function removeEntry(section: ParsedSection, located: LocatedEntry): SectionEdit | undefined {
  const { map, pair, parentPair } = located;
  if (map.items.length === 1 && parentPair) {
    const whole = removePair(section, parentPair);
    if (whole) return whole;
  }
  return map.flow ? removeFlowItem(map, pair) : removePair(section, pair);
}

/** In `{a: 1, b: 2}`: an item with its following comma, or the last item with its preceding one. */
function removeFlowItem(map: YAMLMap, pair: Pair): SectionEdit | undefined {
  const index = map.items.indexOf(pair);
  const own = pairSpan(pair);
  if (index < 0 || !own) return undefined;
  if (map.items.length === 1) {
    const whole = nodeSpan(map);
    return whole ? { start: whole[0], end: whole[1], newText: '{}' } : undefined;
  }
  if (index < map.items.length - 1) {
    const next = keySpan(map.items[index + 1] as Pair);
    return next ? { start: own[0], end: next[0], newText: '' } : undefined;
  }
  const previous = pairSpan(map.items[index - 1] as Pair);
  return previous ? { start: previous[1], end: own[1], newText: '' } : undefined;
}

/** The usual "delete this key" fix, or none when it cannot be removed safely. */
export function removeEntryFix(section: ParsedSection, located: LocatedEntry | undefined, title: string, safe = true): RuleFix[] {
  if (!located) return [];
  const edit = removeEntry(section, located);
  return edit ? [{ title, edits: [edit], safe, preferred: true }] : [];
}
