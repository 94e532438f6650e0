import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { doc, formatRange, isSmcpAdvice, settings, testService } from '../support/service';

function findings(text: string) {
  return testService()
    .diagnostics(doc(text), settings())
    .filter((d) => !isSmcpAdvice(d.code))
    .map((d) => `${String(d.code)} ${formatRange(d.range)}`);
}

const SMCP_BODY = ['apiVersion: maistra.io/v2', 'kind: ServiceMeshControlPlane', 'metadata:', '  name: basic', 'spec:', '  version: v2.6', '  tracing:', '    sampling: high'];

describe('validation ranges', () => {
  it('reports the exact value range with LF line endings', () => {
    assert.deepEqual(findings(SMCP_BODY.join('\n') + '\n'), ['schema-invalid-type 8:15-8:19']);
  });

  it('reports the same positions with CRLF line endings', () => {
    assert.deepEqual(findings(SMCP_BODY.join('\r\n') + '\r\n'), ['schema-invalid-type 8:15-8:19']);
  });

  it('does not count a byte order mark as a column on later lines', () => {
    assert.deepEqual(findings('\uFEFF' + SMCP_BODY.join('\n') + '\n'), ['schema-invalid-type 8:15-8:19']);
  });

  it('counts UTF-16 code units after non-ASCII text on the same line', () => {
    const lines = [...SMCP_BODY.slice(0, 7), '    sampling: "é🚀"'];
    // é is one UTF-16 unit, 🚀 is two: the value spans "é🚀" plus its quotes = 5 units.
    assert.deepEqual(findings(lines.join('\n') + '\n'), ['schema-invalid-type 8:15-8:20']);
  });

  it('warns about unknown SMCP fields with the pruning message', () => {
    const text = [...SMCP_BODY.slice(0, 6), '  tracing:', '    samplng: 100', '  telemetryy: {}'].join('\n') + '\n';
    const found = testService().diagnostics(doc(text), settings()).filter((d) => !isSmcpAdvice(d.code));
    assert.deepEqual(
      found.map((d) => [d.code, d.severity, formatRange(d.range)]),
      [
        ['schema-unknown-field', 2, '8:5-8:12'],
        ['schema-unknown-field', 2, '9:3-9:13'],
      ],
    );
    assert.equal(found[0].message, '`samplng` is not a field of ServiceMeshControlPlane v2.6 and will be dropped by the API server.');
  });

  it('reports invalid enum values as errors', () => {
    const text = [...SMCP_BODY.slice(0, 6), '  policy:', '    type: Envoy'].join('\n') + '\n';
    const found = testService().diagnostics(doc(text), settings()).filter((d) => !isSmcpAdvice(d.code));
    assert.deepEqual(found.map((d) => [d.code, d.severity, formatRange(d.range)]), [['schema-invalid-value', 1, '8:11-8:16']]);
    assert.match(found[0].message, /Istiod/);
  });
});

describe('sections after a line with both a lone CR and a CRLF ending', () => {
  it('start on the line the editor shows', () => {
    const text = '  -\r\u4859x\r\n---\napiVersion: maistra.io/v2\nkind: ServiceMeshControlPlane\nmetadata:\n  name: basic\nspec:\n  tracing:\n    sampling: high\n';
    // Lines (0-based): 0 "  -", 1 "\u4859x", 2 "---", … 9 "    sampling: high".
    assert.deepEqual(findings(text), ['schema-invalid-type 10:15-10:19']);
  });
});
