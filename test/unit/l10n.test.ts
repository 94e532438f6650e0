import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { after, before, describe, it } from 'node:test';
import * as l10n from '@vscode/l10n';
import type { CodeAction, Command, Diagnostic } from 'vscode-languageserver-types';
import { renderPlanMarkdown } from '../../server/src/service/upgrade-plan/markdown';
import { computeUpgradePlan } from '../../server/src/service/upgrade-plan/plan';
import { planBehaviourChanges } from '../../server/src/service/upgrade-plan/behaviour';
import { caret, doc, FIXTURES_DIR, REPO_ROOT, settings, testService } from '../support/service';

/**
 * User-facing server strings go through @vscode/l10n, so a translated bundle
 * changes every one of them. The test loads a "translation" that wraps each
 * English string in ⟦ ⟧ and checks that whatever the user can read arrives
 * wrapped: a string that bypasses l10n.t, or is missing from the committed
 * English bundle, shows up unwrapped.
 */
const OPEN = '⟦';
const CLOSE = '⟧';

function markedBundle(): Record<string, string> {
  const english = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'l10n', 'bundle.l10n.json'), 'utf8')) as Record<string, string>;
  return Object.fromEntries(Object.entries(english).map(([key, value]) => [key, `${OPEN}${value}${CLOSE}`]));
}

function isMarked(text: string): boolean {
  return text.startsWith(OPEN) && text.endsWith(CLOSE);
}

function assertMarked(text: string, where: string): void {
  assert.ok(isMarked(text), `not localised (${where}): ${text}`);
}

function yamlUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return yamlUnder(full);
    return entry.name.endsWith('.yaml') && !entry.name.endsWith('.fixed.yaml') && !entry.name.endsWith('.expected.yaml') ? [full] : [];
  });
}

function titlesOf(action: CodeAction | Command): string[] {
  const nested = 'command' in action && action.command && typeof action.command === 'object' ? [action.command.title] : [];
  return [action.title, ...nested];
}

describe('localisation', () => {
  it('the committed English bundle lists every l10n.t string of the client and server', () => {
    const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'gen-l10n.mjs'), '--check'], { cwd: REPO_ROOT, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
  });

  it('package.nls.json has every %key% package.json uses, and nothing else', () => {
    const manifest = fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8');
    const nls = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
    const used = new Set([...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]));
    assert.ok(used.size > 10, `expected the manifest's localised strings, found ${used.size}`);
    assert.deepEqual([...used].filter((key) => typeof nls[key] !== 'string' || nls[key] === ''), [], 'missing in package.nls.json');
    assert.deepEqual(Object.keys(nls).filter((key) => !used.has(key)), [], 'unused in package.json');
  });

  it('has no braces in its messages except placeholders, which @vscode/l10n would misread as ones', () => {
    const english = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'l10n', 'bundle.l10n.json'), 'utf8')) as Record<string, string>;
    const stray = Object.keys(english).filter((key) => /[{}]/.test(key.replace(/\{\d+\}|\{\}/g, '')));
    assert.deepEqual(stray, []);
  });

  describe('with a translated bundle loaded', () => {
    before(() => l10n.config({ contents: markedBundle() }));
    after(() => l10n.config({ contents: {} }));

    const files = [...yamlUnder(path.join(FIXTURES_DIR, 'rules')), ...yamlUnder(path.join(FIXTURES_DIR, 'conversions'))];

    it('translates every diagnostic message and code action title over the rule and conversion fixtures', () => {
      assert.ok(files.length > 100, `expected the rule fixtures, found ${files.length} files`);
      let diagnosticsSeen = 0;
      let actionsSeen = 0;
      const unmarked = new Set<string>();
      for (const file of files) {
        const input = doc(fs.readFileSync(file, 'utf8'), `file://${file}`);
        const where = path.relative(FIXTURES_DIR, file);
        const diagnostics: Diagnostic[] = testService().diagnostics(input, settings());
        for (const diagnostic of diagnostics) {
          diagnosticsSeen++;
          if (!isMarked(diagnostic.message)) unmarked.add(`${String(diagnostic.code)} (${where}): ${diagnostic.message}`);
          const actions = testService().codeActions(input, diagnostic.range, { diagnostics: [diagnostic] }, settings());
          for (const action of actions) {
            for (const title of titlesOf(action)) {
              actionsSeen++;
              if (!isMarked(title)) unmarked.add(`action for ${String(diagnostic.code)} (${where}): ${title}`);
            }
          }
        }
      }
      assert.deepEqual([...unmarked], []);
      assert.ok(diagnosticsSeen > 100 && actionsSeen > 100, `only ${diagnosticsSeen} diagnostics and ${actionsSeen} action titles seen`);
    });

    it('translates hover notes and version completion documentation', async () => {
      const sampling = caret('apiVersion: maistra.io/v2\nkind: ServiceMeshControlPlane\nmetadata:\n  name: basic\nspec:\n  version: v2.6\n  tracing:\n    sampling: 5|00\n');
      const hover = await testService().hover(doc(sampling.text), sampling.position, settings());
      const value = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
      const note = value.split('\n\n').at(-1) ?? '';
      assertMarked(note, 'sampling hover note');
      assert.ok(value.includes(`${OPEN}**Type:** integer${CLOSE}`), `schema facts in the hover are not localised: ${value}`);

      const version = caret('apiVersion: maistra.io/v2\nkind: ServiceMeshControlPlane\nmetadata:\n  name: basic\nspec:\n  version: |\n');
      const list = await testService().completion(doc(version.text), version.position, settings());
      const documented = (list?.items ?? []).filter((item) => /^v2\.\d$/.test(item.label));
      assert.ok(documented.length >= 7, `version completions: ${JSON.stringify(list?.items.map((i) => i.label))}`);
      for (const item of documented) assertMarked(String(item.documentation), `completion ${item.label}`);
    });

    it('translates the prose of the upgrade plan', () => {
      const dir = path.join(FIXTURES_DIR, 'cli', 'plan');
      const inputs = fs.readdirSync(dir).map((name) => {
        const full = path.join(dir, name);
        return { path: name, uri: `file://${full}`, text: fs.readFileSync(full, 'utf8') };
      });
      const plan = computeUpgradePlan(testService(), inputs, settings({ targetVersion: 'v2.6' }), { behaviourChanges: planBehaviourChanges });
      const markdown = renderPlanMarkdown(plan);
      const prose = markdown.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('|'));
      assert.ok(prose.length > 5, markdown);
      for (const line of prose) {
        // Headings name resources and files, which are data; their words are checked through the parts that are translated.
        if (/^#+ (ServiceMeshControlPlane|`)/.test(line)) continue;
        const text = line.replace(/^(#+ |- |_)/, '').replace(/_$/, '');
        assert.ok(text.startsWith(OPEN), `not localised: ${line}`);
      }
      const header = markdown.split('\n').find((line) => line.startsWith('| '));
      assert.ok(header?.includes(`${OPEN}Where${CLOSE}`), `table header not localised: ${header}`);
    });
  });
});
