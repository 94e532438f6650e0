import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { assertExpected, copyFixture, runCli } from './helpers';

describe('mesh-config upgrade-plan', () => {
  it('plans v2.0 → v2.6 step by step with the Mixer blockers at v2.0 → v2.1', () => {
    const dir = copyFixture('plan');
    const run = runCli(['upgrade-plan', '.', '--target', 'v2.6'], { cwd: dir });
    assert.equal(run.status, 0, run.stderr);
    assertExpected(run.stdout, 'upgrade-plan.md');
    const steps = [...run.stdout.matchAll(/^### Step \d: (v2\.\d) → (v2\.\d)$/gm)].map((m) => `${m[1]}-${m[2]}`);
    assert.deepEqual(steps, ['v2.0-v2.1', 'v2.1-v2.2', 'v2.2-v2.3', 'v2.3-v2.4', 'v2.4-v2.5', 'v2.5-v2.6']);
    const first = run.stdout.slice(run.stdout.indexOf('### Step 1'), run.stdout.indexOf('### Step 2'));
    assert.equal((first.match(/smcp-mixer-(policy|telemetry)-removed/g) ?? []).length, 3);
    const third = run.stdout.slice(run.stdout.indexOf('### Step 3'), run.stdout.indexOf('### Step 4'));
    assert.match(third, /\*\*Blockers\*\*[^#]*`header-extension\.yaml:2` \| ServiceMeshExtension header-append \| `service-mesh-extension-removed`/);
    const stepsPart = run.stdout.slice(0, run.stdout.indexOf('## Resources affected'));
    const blockerLines = stepsPart.split('\n').filter((l) => l.includes('service-mesh-extension-removed'));
    assert.equal(blockerLines.length, 2, 'in the steps: a deprecation warning at v2.2 and the blocker at v2.3, nowhere else');
  });

  it('prints the same plan as JSON', () => {
    const dir = copyFixture('plan');
    const run = runCli(['upgrade-plan', '.', '--target', 'v2.6', '--format', 'json'], { cwd: dir });
    assert.equal(run.status, 0, run.stderr);
    const plan = JSON.parse(run.stdout) as { target: string; controlPlanes: { name: string; steps: { to: string; blockers: { rule: string; line: number; quickFix: boolean }[] }[] }[] };
    assert.equal(plan.target, 'v2.6');
    assert.equal(plan.controlPlanes[0].name, 'basic');
    assert.deepEqual(plan.controlPlanes[0].steps[0].blockers.map((b) => [b.rule, b.line, b.quickFix]), [
      ['smcp-mixer-policy-removed', 9, true],
      ['smcp-mixer-policy-removed', 10, true],
      ['smcp-mixer-telemetry-removed', 13, true],
    ]);
  });

  it('needs --target and rejects check-only options', () => {
    const dir = copyFixture('plan');
    assert.equal(runCli(['upgrade-plan', '.'], { cwd: dir }).status, 2);
    assert.equal(runCli(['upgrade-plan', '.', '--target', 'v2.6', '--fix'], { cwd: dir }).status, 2);
  });
});
