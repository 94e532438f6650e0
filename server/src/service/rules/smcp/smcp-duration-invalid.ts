import * as l10n from '@vscode/l10n';
import { asMap, asSeq, findPair, getNode, getPair, nodeSpan, scalarText } from '../../core/ast';
import { below } from '../../core/versions';
import type { FixContext, Rule, RuleContext, RuleFix } from '../types';
import { SCHEMA_CODES } from '../../schemas/validate';
import { SMCP_V2 } from './support/scope';
import { describeRejection, firstRejection } from './support/version-path';

/**
 * Go's time.ParseDuration, which the operator uses: "0", or numbers each with
 * a unit (ns, us, µs, ms, s, m, h), optionally signed: `100ms`, `1m30s`, `1.5h`.
 */
const GO_DURATION = /^[-+]?(?:0|(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+)$/;
const BARE_NUMBER = /^\d+(?:\.\d+)?$/;

const AUTO_DETECT_TIMEOUT = ['spec', 'proxy', 'networking', 'protocol', 'autoDetect', 'timeout'];
const EXT_AUTHZ_TYPES = ['envoyExtAuthzHttp', 'envoyExtAuthzGrpc'];

function isDuration(text: string): boolean {
  return GO_DURATION.test(text);
}

export const smcpDurationInvalid: Rule = {
  meta: {
    id: 'smcp-duration-invalid',
    category: 'upgrade-blocker',
    severity: 'error',
    appliesTo: SMCP_V2,
    versions: { since: 'v2.2' },
    fixable: true,
    summary: 'Timeouts the operator parses as Go durations (protocol detection from v2.2, ext-authz providers from v2.4) must have a unit, like `5s`.',
  },
  check(context: RuleContext) {
    checkAutoDetectTimeout(context);
    checkExtAuthzTimeouts(context);
  },
  fix(context: FixContext): RuleFix[] {
    const span = context.span;
    const text = context.section.text.slice(span[0], span[1]).replace(/^["']|["']$/g, '');
    if (!BARE_NUMBER.test(text)) return [];
    // A bare number most often means seconds, but that is a guess: offered, never applied by "fix all".
    return [{ title: l10n.t('Write {0}s', text), edits: [{ start: span[0], end: span[1], newText: `${text}s` }], safe: false, preferred: true }];
  },
};

function checkAutoDetectTimeout(context: RuleContext): void {
  const pair = getPair(context.resource.root, AUTO_DETECT_TIMEOUT);
  const value = scalarText(pair?.value);
  const span = nodeSpan(pair?.value);
  if (value === undefined || !span || isDuration(value)) return;
  const rejection = firstRejection(context, (v) => below(v, 'v2.2'));
  if (!rejection) return;
  context.report({
    span,
    message: l10n.t(
      '`{0}` is not a duration: write a number with a unit, such as `5s` or `100ms`. The operator refuses it {1} ("failed parsing spec.proxy.networking.protocol.autoDetect.timeout, not a valid duration: {0}").',
      value,
      describeRejection(rejection, context.target),
    ),
    // `timeout: 10` is also "not a string" to the schema; this says what the operator does with it.
    supersedes: [SCHEMA_CODES.invalidType],
  });
}

function checkExtAuthzTimeouts(context: RuleContext): void {
  const providers = asSeq(getNode(context.resource.root, ['spec', 'meshConfig', 'extensionProviders']));
  if (!providers) return;
  const rejection = firstRejection(context, (v) => below(v, 'v2.4'));
  if (!rejection) return;
  for (const item of providers.items) {
    const provider = asMap(item);
    const name = scalarText(findPair(provider, 'name')?.value) ?? '';
    for (const type of EXT_AUTHZ_TYPES) {
      const timeout = findPair(asMap(findPair(provider, type)?.value), 'timeout');
      const value = scalarText(timeout?.value);
      const span = nodeSpan(timeout?.value);
      if (value === undefined || !span || isDuration(value)) continue;
      context.report({
        span,
        message: l10n.t(
          '`{0}` is not a duration: write a number with a unit, such as `5s` or `100ms`. The operator refuses it {1} ("invalid extension provider \'{2}\': {3}.timeout must be specified in the duration format - got \'{0}\'").',
          value,
          describeRejection(rejection, context.target),
          name,
          type,
        ),
        supersedes: [SCHEMA_CODES.invalidType],
      });
    }
  }
}
