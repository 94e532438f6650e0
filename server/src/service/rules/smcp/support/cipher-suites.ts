/**
 * The cipher suites deprecated in v2.3 and removed in v2.4, in both spellings
 * the control plane accepts: the OpenSSL name the release notes use and the
 * IANA name (`TLS_…`). A suite written either way is the same suite, so both
 * must be recognised; everything not listed here stays available.
 */
const REMOVED: readonly { readonly openssl: string; readonly iana: string }[] = [
  { openssl: 'ECDHE-ECDSA-AES128-SHA', iana: 'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA' },
  { openssl: 'ECDHE-RSA-AES128-SHA', iana: 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA' },
  { openssl: 'AES128-GCM-SHA256', iana: 'TLS_RSA_WITH_AES_128_GCM_SHA256' },
  { openssl: 'AES128-SHA', iana: 'TLS_RSA_WITH_AES_128_CBC_SHA' },
  { openssl: 'ECDHE-ECDSA-AES256-SHA', iana: 'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA' },
  { openssl: 'ECDHE-RSA-AES256-SHA', iana: 'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA' },
  { openssl: 'AES256-GCM-SHA384', iana: 'TLS_RSA_WITH_AES_256_GCM_SHA384' },
  { openssl: 'AES256-SHA', iana: 'TLS_RSA_WITH_AES_256_CBC_SHA' },
];

/**
 * The removed suite a list entry names, by either spelling, or undefined for a
 * suite that remains. Names are matched exactly (after trimming), as the
 * control plane matches them.
 */
export function removedCipherSuite(name: string): { readonly openssl: string; readonly iana: string } | undefined {
  const trimmed = name.trim();
  return REMOVED.find((suite) => suite.openssl === trimmed || suite.iana === trimmed);
}
