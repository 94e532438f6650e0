import { asMap, asSeq, findPair, getNode, keySpan, nodeSpan } from '../../core/ast';
import { SCHEMA_CODES } from '../../schemas/validate';
import type { Rule, RuleContext } from '../types';
import * as l10n from '@vscode/l10n';

const MAX_HOSTS = 256;

/**
 * ServiceEntries that every 2.x control plane accepts but the Istio 1.24 CRD
 * shipped with OpenShift Service Mesh 3 does not: the 3.x operator fails to
 * install while such a resource exists in the cluster. Every target this tool
 * knows is a 2.x release, where nothing is wrong yet, hence Information.
 */
export const serviceEntryOssm3Incompatible: Rule = {
  meta: {
    id: 'service-entry-ossm3-incompatible',
    category: 'behavior-change',
    severity: 'info',
    appliesTo: { groups: ['networking.istio.io'], kinds: ['ServiceEntry'] },
    fixable: false,
    summary: 'A ServiceEntry without ports or with more than 256 hosts; valid on 2.x, but it blocks installing the OpenShift Service Mesh 3 operator.',
  },

  check(context: RuleContext) {
    const specPair = findPair(context.resource.root, 'spec');
    const spec = asMap(specPair?.value);
    if (!specPair || !spec) return;

    const hosts = asSeq(getNode(spec, ['hosts']));
    const hostsSpan = nodeSpan(hosts);
    if (hosts && hostsSpan && hosts.items.length > MAX_HOSTS) {
      context.report({
        span: hostsSpan,
        message: l10n.t('This ServiceEntry lists {0} hosts. OpenShift Service Mesh 2.x accepts that, but the ServiceEntry CRD of OpenShift Service Mesh 3 (Istio 1.24) allows at most {1}, and its operator fails to install while such a ServiceEntry exists. Split it into ServiceEntries of {2} hosts or fewer before migrating.', hosts.items.length, MAX_HOSTS, MAX_HOSTS),
        // The schema knows the newer limit as a hard error; on 2.x it is only a migration concern.
        supersedes: [SCHEMA_CODES.invalidValue],
      });
    }

    const portsPair = findPair(spec, 'ports');
    const ports = asSeq(portsPair?.value);
    // A patch or fragment without ports leaves them to the base resource; an explicit empty list is still wrong.
    if ((!ports && !context.partial) || ports?.items.length === 0) {
      const span = portsPair ? keySpan(portsPair) : keySpan(specPair);
      if (!span) return;
      context.report({
        span,
        message:
          l10n.t('This ServiceEntry has no ports. OpenShift Service Mesh 2.x accepts that, but the ServiceEntry CRD of OpenShift Service Mesh 3 (Istio 1.24) requires port numbers, and its operator fails to install while such a ServiceEntry exists. Add the ports the service listens on (`number`, `name`, `protocol`) before migrating.'),
      });
    }
  },
};
