import type { ControlPlanePlan, PlanItem, PlanStep, UpgradePlan } from './upgrade-plan-types';

export interface MarkdownOptions {
  /** A link target for a file position (the editor opens it); without one, positions are plain code spans. */
  readonly link?: (file: string, line: number, column: number) => string;
}

/** The plan as Markdown for a pull request or the editor's preview. */
export function renderPlanMarkdown(plan: UpgradePlan, options: MarkdownOptions = {}): string {
  const out: string[] = [`# Upgrade plan to ${plan.target}`, ''];
  if (plan.controlPlanes.length === 0) {
    out.push(`No ServiceMeshControlPlane was found, so there are no upgrade steps; the findings below are what ${plan.target} reports.`, '');
  }
  for (const cp of plan.controlPlanes) out.push(...controlPlane(cp, options));
  if (plan.affected.length > 0 || plan.controlPlanes.length === 0) {
    out.push(`## Resources affected by ${plan.target}`, '');
    if (plan.affected.length === 0) out.push(`Nothing in these files is flagged at ${plan.target}.`, '');
    for (const file of plan.affected) {
      out.push(`### ${code(file.file)}`, '', ...table(file.items, options, true), '');
    }
  }
  if (plan.skipped.length > 0) {
    out.push('## Not analysed', '');
    for (const skip of plan.skipped) out.push(`- ${code(skip.file)}: ${escape(skip.reason)}`);
    out.push('');
  }
  return out.join('\n');
}

function controlPlane(cp: ControlPlanePlan, options: MarkdownOptions): string[] {
  const where = position(cp.file, cp.line, 1, options);
  const namespace = cp.namespace ? ` in namespace ${code(cp.namespace)}` : '';
  const out = [`## ServiceMeshControlPlane ${code(cp.name ?? '(unnamed)')}${namespace}`, '', `Defined at ${where}.`, ''];
  switch (cp.status) {
    case 'unknown-version':
      out.push(
        cp.currentVersion === null
          ? `\`spec.version\` is not set, so the operator picks its own default. Set it to the version running today, then plan again.`
          : `\`spec.version\` is ${code(cp.currentVersion)}, which no operator knows. Correct it, then plan again.`,
        '',
      );
      return out;
    case 'at-target':
      out.push(`Already at ${cp.target}; nothing to step through.`, '');
      return out;
    case 'beyond-target':
      out.push(`At ${code(cp.currentVersion ?? '')}, newer than the target ${cp.target}; downgrades are not planned.`, '');
      return out;
    case 'upgrade':
      break;
  }
  const blockers = cp.steps.reduce((n, s) => n + s.blockers.length, 0);
  out.push(
    `**${cp.currentVersion} → ${cp.target}** in ${plural(cp.steps.length, 'step')}, ${plural(blockers, 'blocker')} in total. ` +
      'Upgrade one minor version at a time and fix each step’s blockers before changing `spec.version`.',
    '',
  );
  cp.steps.forEach((step, index) => out.push(...stepSection(step, index + 1, options)));
  return out;
}

function stepSection(step: PlanStep, number: number, options: MarkdownOptions): string[] {
  const out = [`### Step ${number}: ${step.from} → ${step.to}`, ''];
  if (step.releaseNote) out.push(`_${escape(step.releaseNote)}_`, '');
  if (step.blockers.length === 0) out.push('**Blockers:** none.', '');
  else out.push(`**Blockers** (fix before moving to ${step.to}):`, '', ...table(step.blockers, options, false), '');
  if (step.deprecations.length > 0) {
    out.push(`**New deprecation warnings at ${step.to}** (still accepted; plan the change):`, '', ...table(step.deprecations, options, false), '');
  }
  if (step.behaviourChanges.length > 0) {
    out.push('**Behaviour changes to review:**', '');
    for (const change of step.behaviourChanges) {
      const more = change.details ? ` ${escape(change.details)}` : '';
      const docs = change.docsUrl ? ` ([docs](${change.docsUrl}))` : '';
      out.push(`- ${escape(change.summary)}${more}${docs}`);
    }
    out.push('');
  }
  return out;
}

function table(items: readonly PlanItem[], options: MarkdownOptions, withSeverity: boolean): string[] {
  const head = `| Where | Resource |${withSeverity ? ' Severity |' : ''} Rule | Quick fix | Finding |`;
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
        item.safeFix ? 'yes (safe)' : item.quickFix ? 'yes (review)' : 'no',
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

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
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
