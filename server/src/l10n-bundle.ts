import * as l10n from '@vscode/l10n';

/** What the client sends in `initializationOptions` for translations. */
export interface L10nOptions {
  /** Path of the translated bundle for the editor's display language; absent for English. */
  readonly l10nBundle?: unknown;
}

/**
 * Loads the translation bundle the client found for the editor's language, so
 * diagnostics, quick-fix titles and hovers speak it. A missing or broken
 * bundle is reported and the server carries on in English. Only a local path
 * is accepted: @vscode/l10n would fetch an http URI, and the server never
 * touches the network.
 */
export function loadL10nBundle(options: L10nOptions | undefined, warn: (message: string) => void): void {
  const bundle = options?.l10nBundle;
  if (bundle === undefined || bundle === null) return;
  if (typeof bundle !== 'string' || bundle === '') {
    warn('Ignoring initializationOptions.l10nBundle: it must be the path of a bundle file.');
    return;
  }
  try {
    l10n.config({ fsPath: bundle });
  } catch (error) {
    warn(`Could not load the translation bundle ${bundle}, so messages stay in English: ${error instanceof Error ? error.message : String(error)}`);
  }
}
