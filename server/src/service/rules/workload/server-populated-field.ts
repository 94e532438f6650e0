import { isMap, isScalar } from 'yaml';
import { getPair, keySpan } from '../../core/ast';
import { removePair } from '../../edits/yaml-edits';
import { isMeshGroup } from '../../schemas/catalog';
import type { FixContext, Rule, RuleContext, RuleFix, Severity } from '../types';
import * as l10n from '@vscode/l10n';

/**
 * Fields the API server writes on every object; they turn up in committed
 * files exported with `kubectl get -o yaml`. Each says why it does harm.
 */
const METADATA_FIELDS: Record<string, () => string> = {
  resourceVersion: () =>
    l10n.t('`metadata.resourceVersion` is written by the API server. In a file it makes `kubectl create` fail ("resourceVersion should not be set on objects to be created") and `kubectl apply` fail with a conflict as soon as the object has changed on the cluster. Remove it.'),
  uid: () =>
    l10n.t('`metadata.uid` is written by the API server and belongs to one object on one cluster. Once the object is recreated (or on another cluster) applying the file fails with a UID precondition error. Remove it.'),
  creationTimestamp: () =>
    l10n.t('`metadata.creationTimestamp` is written by the API server, which ignores the value in a file; it only records when an exported object was made. Remove it.'),
  generation: () => l10n.t('`metadata.generation` is counted by the API server, which ignores the value in a file. Remove it.'),
  managedFields: () =>
    l10n.t('`metadata.managedFields` is the API server\'s record of which client set which field on one cluster; it does not belong in a file you apply. Remove it.'),
  selfLink: () => l10n.t('`metadata.selfLink` was written by API servers before Kubernetes 1.20 and is ignored in a file. Remove it.'),
};

/** The document's path to the pair, as the finding carries it to the fix. */
type FieldPath = readonly ['metadata', string] | readonly ['status'];

/**
 * Mesh resources (Istio and Maistra groups) only: Mesh Config leaves plain
 * Kubernetes objects to general Kubernetes linters (see the docs page).
 */
export const serverPopulatedField: Rule = {
  meta: {
    id: 'server-populated-field',
    category: 'invalid',
    severity: 'warning',
    appliesTo: {},
    fixable: true,
    summary: 'Fields the API server writes (`metadata.resourceVersion`, `uid`, `creationTimestamp`, `generation`, `managedFields`, `status`) left in a mesh resource exported with `kubectl get -o yaml`.',
  },
  check(context: RuleContext) {
    if (!isMeshGroup(context.resource.group)) return;
    const root = context.resource.root;
    for (const [field, message] of Object.entries(METADATA_FIELDS)) {
      const pair = getPair(root, ['metadata', field]);
      const span = pair && keySpan(pair);
      if (!pair || !span) continue;
      // `kubectl create --dry-run=client -o yaml` writes `creationTimestamp: null`: harmless, but still noise to remove.
      const harmless = field === 'creationTimestamp' && isScalar(pair.value) && pair.value.value === null;
      const text = harmless
        ? l10n.t('`creationTimestamp: null` is what `kubectl create --dry-run=client -o yaml` writes; the API server ignores it and sets the real time. Harmless, but it is not yours to set: remove it.')
        : message();
      context.report({ span, message: text, data: { path: ['metadata', field] }, ...(harmless ? { severity: 'info' as Severity } : {}) });
    }
    const status = getPair(root, ['status']);
    const statusSpan = status && keySpan(status);
    if (status && statusSpan) {
      // `status: {}` is also what a client-side dry run writes: nothing in it, nothing to overwrite.
      const empty = status.value === null || (isScalar(status.value) && status.value.value === null) || (isMap(status.value) && status.value.items.length === 0);
      context.report({
        span: statusSpan,
        message: l10n.t('`status` is written by the resource\'s controller and the API server; the one in a file is ignored (or, without a status subresource, overwritten at once) and shows a state of some other cluster at some other time. Remove it.'),
        data: { path: ['status'] },
        ...(empty ? { severity: 'info' as Severity } : {}),
      });
    }
  },
  fix(context: FixContext): RuleFix[] {
    const path = fieldPath(context.data);
    const pair = path && getPair(context.resource.root, [...path]);
    const edit = pair && removePair(context.section, pair);
    return edit ? [{ title: l10n.t('Remove `{0}`', path.join('.')), edits: [edit], safe: true, preferred: true }] : [];
  },
};

function fieldPath(data: Record<string, unknown> | undefined): FieldPath | undefined {
  const path = data?.path;
  if (!Array.isArray(path)) return undefined;
  if (path.length === 1 && path[0] === 'status') return ['status'];
  if (path.length === 2 && path[0] === 'metadata' && typeof path[1] === 'string' && Object.prototype.hasOwnProperty.call(METADATA_FIELDS, path[1])) return ['metadata', path[1]];
  return undefined;
}
