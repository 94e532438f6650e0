import * as l10n from '@vscode/l10n';
import type { ControlPlanePlan, PlanItem, PlanStep, UpgradePlan } from './types';

export interface MarkdownOptions {
  /** A link target for a file position (the editor opens it); without one, positions are plain code spans. */
  readonly link?: (file: string, line: number, column: number) => string;
}

/** The plan as Markdown for a pull request or the editor's preview. */
export function renderPlanMarkdown(plan: UpgradePlan, options: MarkdownOptions = {}): string {
  const out: string[] = [l10n.t('# Upgrade plan to {0}', plan.target), ''];
  if (plan.controlPlanes.length === 0) {
    out.push(l10n.t('No ServiceMeshControlPlane was found, so there are no upgrade steps; the findings below are what {0} reports.', plan.target), '');
  }
  for (const cp of plan.controlPlanes) for (const line of controlPlane(cp, options)) out.push(line);
  if (plan.affected.length > 0 || plan.controlPlanes.length === 0) {
    out.push(l10n.t('## Resources affected by {0}', plan.target), '');
    if (plan.affected.length === 0) out.push(l10n.t('Nothing in these files is flagged at {0}.', plan.target), '');
    for (const file of plan.affected) {
      out.push(`### ${code(file.file)}`, '', ...table(file.items, options, true), '');
    }
  }
  if (plan.skipped.length > 0) {
    out.push(l10n.t('## Not analysed'), '');
    for (const skip of plan.skipped) out.push(`- ${code(skip.file)}: ${escape(skip.reason)}`);
    out.push('');
  }
  return out.join('\n');
}

function controlPlane(cp: ControlPlanePlan, options: MarkdownOptions): string[] {
  const where = position(cp.file, cp.line, 1, options);
  const namespace = cp.namespace ? l10n.t(' in namespace {0}', code(cp.namespace)) : '';
  const out = [`## ServiceMeshControlPlane ${code(cp.name ?? l10n.t('(unnamed)'))}${namespace}`, '', l10n.t('Defined at {0}.', where), ''];
  if (cp.sharesNamespaceWith.length > 0) {
    out.push(
      l10n.t('**Warning:** {0} in the same namespace; the operator allows one control plane per namespace ("only one service mesh may be installed per project/namespace").', cp.sharesNamespaceWith.map(code).join(', ')),
      '',
    );
  }
  if (cp.members.length > 0) out.push(l10n.t('Member namespaces: {0}. Resources in other namespaces the files assign to another control plane are left out.', cp.members.map(code).join(', ')), '');
  switch (cp.status) {
    case 'unknown-version':
      out.push(
        cp.currentVersion === null
          ? l10n.t('`spec.version` is not set, so the operator picks its own default. Set it to the version running today, then plan again.')
          : l10n.t('`spec.version` is {0}, which no operator knows. Correct it, then plan again.', code(cp.currentVersion)),
        '',
      );
      return out;
    case 'at-target':
      out.push(l10n.t('Already at {0}; nothing to step through.', cp.target), '');
      return out;
    case 'beyond-target':
      out.push(l10n.t('At {0}, newer than the target {1}; downgrades are not planned.', code(cp.currentVersion ?? ''), cp.target), '');
      return out;
    case 'upgrade':
      break;
  }
  const blockers = cp.steps.reduce((n, s) => n + s.blockers.length, 0);
  out.push(
    l10n.t('**{0} → {1}** in {2}, {3} in total.', cp.currentVersion ?? '', cp.target, steps(cp.steps.length), blockerCount(blockers + cp.currentErrors.length)) +
      ' ' +
      l10n.t('Upgrade one minor version at a time and fix each step’s blockers before changing `spec.version`.'),
    '',
  );
  if (cp.currentErrors.length > 0) {
    out.push(
      l10n.t('### Already errors at {0}', cp.currentVersion ?? ''),
      '',
      l10n.t('Reported at the version running now, so no step causes them; fix them before the first step.'),
      '',
      ...table(cp.currentErrors, options, false),
      '',
    );
  }
  cp.steps.forEach((step, index) => {
    for (const line of stepSection(step, index + 1, options)) out.push(line);
  });
  return out;
}

function stepSection(step: PlanStep, number: number, options: MarkdownOptions): string[] {
  const out = [l10n.t('### Step {0}: {1} → {2}', number, step.from, step.to), ''];
  if (step.releaseNote) out.push(`_${escape(step.releaseNote)}_`, '');
  if (step.blockers.length === 0) out.push(l10n.t('**Blockers:** none.'), '');
  else out.push(l10n.t('**Blockers** (fix before moving to {0}):', step.to), '', ...table(step.blockers, options, false), '');
  if (step.deprecations.length > 0) {
    out.push(l10n.t('**New deprecation warnings at {0}** (still accepted; plan the change):', step.to), '', ...table(step.deprecations, options, false), '');
  }
  if (step.behaviourChanges.length > 0) {
    out.push(l10n.t('**Behaviour changes to review:**'), '');
    for (const change of step.behaviourChanges) {
      const more = change.details ? ` ${escape(change.details)}` : '';
      const docs = change.docsUrl ? l10n.t(' ([docs]({0}))', change.docsUrl) : '';
      out.push(`- ${escape(change.summary)}${more}${docs}`);
    }
    out.push('');
  }
  return out;
}

function table(items: readonly PlanItem[], options: MarkdownOptions, withSeverity: boolean): string[] {
  const head = `| ${[l10n.t('Where'), l10n.t('Resource'), ...(withSeverity ? [l10n.t('Severity')] : []), l10n.t('Rule'), l10n.t('Quick fix'), l10n.t('Finding')].join(' | ')} |`;
  const rule = `|---|---|${withSeverity ? '---|' : ''}---|---|---|`;
  return [
    head,
    rule,
    ...items.map((item) => {
      const cells = [
        position(item.file, item.line, item.column, options),
        item.resource ? escape(item.resource) : '',
        ...(withSeverity ? [item.severity] : []),
        code(item.rule),
        item.safeFix ? l10n.t('yes (safe)') : item.quickFix ? l10n.t('yes (review)') : l10n.t('no'),
        escape(item.message),
      ];
      return `| ${cells.join(' | ')} |`;
    }),
  ];
}

function position(file: string, line: number, column: number, options: MarkdownOptions): string {
  const label = `${file}:${line}`;
  return options.link ? `[${escape(label)}](${options.link(file, line, column)})` : code(label);
}

function steps(n: number): string {
  return n === 1 ? l10n.t('1 step') : l10n.t('{0} steps', n);
}

function blockerCount(n: number): string {
  return n === 1 ? l10n.t('1 blocker') : l10n.t('{0} blockers', n);
}

/** A code span that survives backticks and table pipes in the text. */
function code(text: string): string {
  const safe = text.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
  return safe.includes('`') ? `\`\` ${safe} \`\`` : `\`${safe}\``;
}

/**
 * Text that must not break a table row or start Markdown syntax. Code spans
 * the messages already use are kept (backslashes do not escape inside them,
 * so only their pipes are escaped, which tables require).
 */
function escape(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .split(/(`[^`]*`)/)
    .map((part, i) => (i % 2 === 1 ? part.replace(/\|/g, '\\|') : part.replace(/([\\|*_<>[\]])/g, '\\$1')))
    .join('');
}
