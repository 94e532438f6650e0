import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { nodeSpan } from '../../server/src/service/core/ast';
import { createMeshLanguageService, folderSchemaSource } from '../../server/src/service';
import { RULES } from '../../server/src/service/rules/registry';
import type { Rule } from '../../server/src/service/rules/types';
import { computeUpgradePlan, PlanInput } from '../../server/src/service/upgrade-plan/plan';
import { renderPlanMarkdown } from '../../server/src/service/upgrade-plan/markdown';
import { atLeast, parseKnownVersion } from '../../server/src/service/core/versions';
import { behaviourChangesBetween } from '../../server/src/service/rules/smcp/support/behaviour-changes';
import { planBehaviourChanges } from '../../server/src/service/upgrade-plan/behaviour';
import { SCHEMAS_DIR, settings } from '../support/service';

/** A stand-in with the shape of a removal: a warning from v2.2, an error from v2.3. */
const gadgetRemoved: Rule = {
  meta: {
    id: 'test-gadget-removed',
    category: 'upgrade-blocker',
    severity: 'error',
    appliesTo: { kinds: ['Gadget'] },
    versions: { deprecatedIn: 'v2.2', removedIn: 'v2.3' },
    fixable: false,
    summary: 'Gadgets go away in v2.3.',
  },
  check(context) {
    const span = nodeSpan(context.resource.kindPair?.value);
    if (!span || !atLeast(context.target, 'v2.2')) return;
    context.report({ span, message: 'gadget', severity: atLeast(context.target, 'v2.3') ? 'error' : 'warning' });
  },
};

const service = createMeshLanguageService({ schemas: folderSchemaSource(SCHEMAS_DIR), rules: [...RULES, gadgetRemoved] });

const smcp = (name: string, version: string, extra = '') =>
  `apiVersion: maistra.io/v2\nkind: ServiceMeshControlPlane\nmetadata:\n  name: ${name}\n  namespace: istio-system\nspec:\n  version: ${version}\n  policy:\n    type: Mixer\n${extra}`;
const gadget = 'apiVersion: example.com/v1\nkind: Gadget\nmetadata:\n  name: g\n';
const input = (path: string, text: string): PlanInput => ({ path, uri: `file:///plan/${path}`, text });

describe('computeUpgradePlan', () => {
  it('attributes each finding to the first step where it is an error, and warnings to where they start', () => {
    const plan = computeUpgradePlan(service, [input('smcp.yaml', smcp('a', 'v2.0')), input('gadget.yaml', gadget)], settings({ targetVersion: 'v2.6' }));
    const [cp] = plan.controlPlanes;
    const byStep = cp.steps.map((s) => `${s.from}>${s.to}: ${s.blockers.map((b) => b.rule).join(',')} / ${s.deprecations.map((d) => d.rule).join(',')}`);
    assert.deepEqual(byStep, [
      'v2.0>v2.1: smcp-mixer-policy-removed / ',
      'v2.1>v2.2:  / test-gadget-removed',
      'v2.2>v2.3: test-gadget-removed / ',
      'v2.3>v2.4:  / ',
      'v2.4>v2.5:  / ',
      'v2.5>v2.6:  / ',
    ]);
    assert.equal(cp.steps[2].blockers[0].file, 'gadget.yaml');
    assert.equal(cp.steps[2].blockers[0].resource, 'Gadget g');
    assert.deepEqual(plan.affected.map((f) => f.file), ['gadget.yaml'], 'files without a control plane get their own section');
  });

  it("plans each control plane from its own version and leaves other planes' settings out", () => {
    const plan = computeUpgradePlan(
      service,
      [input('planes.yaml', `${smcp('old', 'v2.0')}---\n${smcp('new', 'v2.6')}---\n${smcp('unset', '""')}`)],
      settings({ targetVersion: 'v2.2' }),
    );
    assert.deepEqual(plan.controlPlanes.map((cp) => [cp.name, cp.status, cp.steps.length]), [
      ['old', 'upgrade', 2],
      ['new', 'beyond-target', 0],
      ['unset', 'unknown-version', 0],
    ]);
    const lines = plan.controlPlanes[0].steps.flatMap((s) => s.blockers.map((b) => b.line));
    assert.deepEqual(lines, [9], "only the plane's own Mixer setting, not the other planes'");
  });

  it('ignores per-file target pins and skips files over the size limit', () => {
    const pinned = `# mesh-config: target=v2.0\n${gadget}`;
    const big = `${gadget}# ${'x'.repeat(2048)}\n`;
    const plan = computeUpgradePlan(service, [input('smcp.yaml', smcp('a', 'v2.1')), input('pinned.yaml', pinned), input('big.yaml', big)], settings({ targetVersion: 'v2.3', maxFileSizeKB: 1 }));
    const [cp] = plan.controlPlanes;
    assert.deepEqual(cp.currentErrors.map((b) => `${b.file}:${b.line} ${b.rule}`), ['smcp.yaml:9 smcp-mixer-policy-removed'], 'Mixer is already refused at v2.1: an error today, not news of a step');
    assert.deepEqual(cp.steps.map((s) => s.blockers.map((b) => `${b.file}:${b.line}`)), [[], ['pinned.yaml:3']]);
    assert.match(renderPlanMarkdown(plan), /### Already errors at v2\.1\n\n.*\n\n\| Where .*\n.*\n\| `smcp\.yaml:9` .*smcp-mixer-policy-removed/);
    assert.deepEqual(plan.skipped.map((s) => s.file), ['big.yaml']);
  });

  it('includes behaviour changes from the source it is given', () => {
    const plan = computeUpgradePlan(service, [input('smcp.yaml', smcp('a', 'v2.4'))], settings({ targetVersion: 'v2.6' }), {
      behaviourChanges: (from, to) => [{ summary: `${from.name} to ${to.name}` }],
    });
    assert.deepEqual(plan.controlPlanes[0].steps.map((s) => s.behaviourChanges.map((c) => c.summary)), [['v2.4 to v2.5'], ['v2.5 to v2.6']]);
  });
});

describe('the behaviour changes the plan lists', () => {
  it('are the smcp-behaviour-changes catalogue, step by step, for every release that changes something', () => {
    const plan = computeUpgradePlan(service, [input('smcp.yaml', smcp('a', 'v2.0').replace('    type: Mixer\n', '    type: Istiod\n'))], settings({ targetVersion: 'v2.6' }), {
      behaviourChanges: planBehaviourChanges,
    });
    const steps = plan.controlPlanes[0].steps;
    assert.deepEqual(steps.map((s) => `${s.to}: ${s.behaviourChanges.length}`), ['v2.1: 3', 'v2.2: 2', 'v2.3: 0', 'v2.4: 1', 'v2.5: 2', 'v2.6: 2']);
    assert.match(steps[1].behaviourChanges[0].summary, /istio-cni-node/);
    assert.match(steps[5].behaviourChanges[0].summary, /tracing turned off/);
    for (const step of steps) {
      const expected = behaviourChangesBetween(parseKnownVersion(step.from)!, parseKnownVersion(step.to)!).flatMap((c) => c.changes);
      assert.deepEqual(step.behaviourChanges.map((c) => c.summary), expected);
    }
  });
});

describe('several control planes and their members', () => {
  const smcpIn = (name: string, namespace: string) =>
    `apiVersion: maistra.io/v2\nkind: ServiceMeshControlPlane\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\nspec:\n  version: v2.1\n`;
  const gadgetIn = (namespace: string) => `apiVersion: example.com/v1\nkind: Gadget\nmetadata:\n  name: g-${namespace}\n  namespace: ${namespace}\n`;
  const rollIn = (namespace: string, members: string[]) =>
    `apiVersion: maistra.io/v1\nkind: ServiceMeshMemberRoll\nmetadata:\n  name: default\n  namespace: ${namespace}\nspec:\n  members:\n${members.map((m) => `  - ${m}\n`).join('')}`;
  const memberOf = (namespace: string, controlPlane: string) =>
    `apiVersion: maistra.io/v1\nkind: ServiceMeshMember\nmetadata:\n  name: default\n  namespace: ${namespace}\nspec:\n  controlPlaneRef:\n    name: basic\n    namespace: ${controlPlane}\n`;
  const blockersByPlane = (inputs: PlanInput[]) =>
    computeUpgradePlan(service, inputs, settings({ targetVersion: 'v2.3' })).controlPlanes.map(
      (cp) => `${cp.namespace}: ${cp.steps.flatMap((s) => s.blockers).map((b) => b.resource).filter((r) => r?.startsWith('Gadget')).join(', ')}`,
    );

  it('lists a resource under the control plane whose roll or member resource claims its namespace, and unclaimed ones under all', () => {
    const inputs = [
      input('planes.yaml', `${smcpIn('a', 'mesh-a')}---\n${smcpIn('b', 'mesh-b')}`),
      input('roll.yaml', rollIn('mesh-a', ['bookinfo'])),
      input('member.yaml', memberOf('shop', 'mesh-b')),
      input('gadgets.yaml', [gadgetIn('bookinfo'), gadgetIn('shop'), gadgetIn('elsewhere')].join('---\n')),
    ];
    assert.deepEqual(blockersByPlane(inputs), ['mesh-a: Gadget g-bookinfo, Gadget g-elsewhere', 'mesh-b: Gadget g-shop, Gadget g-elsewhere']);
    const plan = computeUpgradePlan(service, inputs, settings({ targetVersion: 'v2.3' }));
    assert.deepEqual(plan.controlPlanes.map((cp) => cp.members), [['bookinfo'], ['shop']]);
    assert.match(renderPlanMarkdown(plan), /^Member namespaces: `bookinfo`\./m);
  });

  it('gives unclaimed namespaces to a cluster-wide control plane only', () => {
    const inputs = [
      input('planes.yaml', `${smcpIn('a', 'mesh-a')}---\n${smcpIn('b', 'mesh-b')}`),
      input('roll.yaml', rollIn('mesh-b', ["'*'"])),
      input('gadgets.yaml', gadgetIn('elsewhere')),
    ];
    assert.deepEqual(blockersByPlane(inputs), ['mesh-a: ', 'mesh-b: Gadget g-elsewhere']);
  });

  it('keeps everything under a single control plane, whatever the rolls say', () => {
    const inputs = [input('plane.yaml', smcpIn('a', 'mesh-a')), input('roll.yaml', rollIn('mesh-b', ['bookinfo'])), input('gadgets.yaml', gadgetIn('bookinfo'))];
    assert.deepEqual(blockersByPlane(inputs), ['mesh-a: Gadget g-bookinfo']);
  });
});

describe('control planes sharing a namespace', () => {
  it('warns about a second control plane in the same namespace, not about one resource written in two files', () => {
    const plane = (name: string) => `apiVersion: maistra.io/v2\nkind: ServiceMeshControlPlane\nmetadata:\n  name: ${name}\n  namespace: istio-system\nspec:\n  version: v2.5\n`;
    const plan = computeUpgradePlan(service, [input('a.yaml', plane('basic')), input('overlay.yaml', plane('basic')), input('b.yaml', plane('other'))], settings({ targetVersion: 'v2.6' }));
    assert.deepEqual(plan.controlPlanes.map((cp) => `${cp.file}: ${cp.sharesNamespaceWith.join(',')}`), ['a.yaml: other', 'overlay.yaml: other', 'b.yaml: basic']);
    assert.match(renderPlanMarkdown(plan), /\*\*Warning:\*\* `other` in the same namespace; the operator allows one control plane per namespace/);
  });
});
