import { isAbsolute } from 'path';
import { pathToFileURL } from 'url';
import { DIAGNOSTIC_SOURCE, ruleDocsUrl, REPOSITORY_URL } from '../service';
import type { RuleMeta } from '../service';
import type { CheckReport, SeverityName } from './report-types';
import { STDIN_NAME } from './io';

const LEVEL: Record<SeverityName, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
/** Results are relative to this base, which GitHub code scanning resolves to the repository root. */
const SOURCE_ROOT = '%SRCROOT%';

let toolVersion = '0.0.0';
export function setToolVersion(version: string): void {
  toolVersion = version;
}

/**
 * SARIF 2.1.0 for code scanning: every rule (not only those that fired) with
 * its docs page, results with repository-relative locations.
 */
export function renderSarif(report: CheckReport, rules: readonly RuleMeta[], cwd: string): string {
  const index = new Map(rules.map((rule, i) => [rule.id, i]));
  const results = report.files.flatMap((file) =>
    file.findings.map(({ diagnostic, severity }) => {
      const id = String(diagnostic.code);
      const { start, end } = diagnostic.range;
      return {
        ruleId: id,
        ...(index.has(id) ? { ruleIndex: index.get(id) } : {}),
        level: LEVEL[severity],
        message: { text: diagnostic.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: artifact(file.path),
              region: { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 },
            },
          },
        ],
      };
    }),
  );
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: DIAGNOSTIC_SOURCE,
            semanticVersion: toolVersion,
            informationUri: REPOSITORY_URL,
            rules: rules.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.summary },
              helpUri: ruleDocsUrl(rule.id),
              help: { text: `${rule.summary} Details: ${ruleDocsUrl(rule.id)}` },
              defaultConfiguration: { level: LEVEL[rule.severity] },
              properties: { category: rule.category, tags: ['service-mesh', rule.category] },
            })),
          },
        },
        // A path that was not checked must not look like a clean one: the run says it did not succeed, and why.
        invocations: [
          {
            executionSuccessful: report.problems.length === 0,
            toolExecutionNotifications: report.problems.map((problem) => ({
              level: 'error',
              message: { text: `${problem.path}: ${problem.reason}` },
              locations: [{ physicalLocation: { artifactLocation: artifact(problem.path) } }],
            })),
          },
        ],
        originalUriBaseIds: { [SOURCE_ROOT]: { uri: directoryUri(cwd) } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

function artifact(file: string): { uri: string; uriBaseId?: string; description?: { text: string } } {
  if (file === STDIN_NAME) return { uri: 'stdin', description: { text: 'standard input' } };
  if (isAbsolute(file)) return { uri: pathToFileURL(file).href };
  return { uri: file.split('/').map(encodeURIComponent).join('/'), uriBaseId: SOURCE_ROOT };
}

function directoryUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : `${href}/`;
}
