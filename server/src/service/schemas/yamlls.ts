import { getLanguageService, LanguageService } from 'yaml-language-server';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionList, Hover, Position } from 'vscode-languageserver-types';
import type { CatalogEntry, SchemaCatalog } from './catalog';
import { projectSchema } from './projection';
import { KNOWN_VERSION_NAMES } from '../core/versions';
import { isSmcpV2 } from './section-schema';

/**
 * Bundled schema URIs: `mesh-config-schema://bundled/<smcp version or any>/<schema path>`.
 * No query and an authority, because yaml-language-server normalises the
 * URIs it is configured with and would rewrite either.
 */
const SCHEMA_ROOT = 'mesh-config-schema://bundled/';
const ANY_VERSION = 'any';
const VIRTUAL_ROOT = 'file:///mesh-config-virtual/';

/**
 * yaml-language-server used as a library for completion and hover. Every
 * request sees one `---` section as its own small document, with the schema
 * chosen by that section's apiVersion and kind (and SMCP version), so
 * documents in a multi-document file never borrow each other's schema.
 * Schemas come only from the bundled catalog; nothing is fetched.
 */
export class YamlSchemaFeatures {
  private readonly service: LanguageService;
  /** Schema URI → the virtual document URI that file-matches it. */
  private readonly documentFor = new Map<string, string>();
  private readonly prepared = new Set<string>();
  private versionCounter = 0;

  constructor(private readonly catalog: SchemaCatalog) {
    this.service = getLanguageService({
      schemaRequestService: (uri: string) => this.requestSchema(uri),
      workspaceContext: { resolveRelativePath: (relativePath: string) => relativePath },
    });
    // Every schema a section can use is associated up front (loading stays lazy), so
    // the service is configured once and keeps what it resolves.
    for (const entry of catalog.entries) {
      this.associate(this.schemaUriOf(entry, undefined));
      if (isSmcpV2(entry)) for (const version of KNOWN_VERSION_NAMES) this.associate(this.schemaUriOf(entry, version));
    }
    this.configure();
  }

  /**
   * Loads and resolves the schema a section of this kind (and SMCP version)
   * uses, so the first completion or hover on it does not pay for that.
   * Returns false when it was already prepared.
   */
  async prepare(entry: CatalogEntry, smcpVersion: string | undefined): Promise<boolean> {
    const schemaUri = this.schemaUriOf(entry, smcpVersion);
    if (this.prepared.has(schemaUri)) return false;
    // yaml-language-server looks the schema up only for a hover on an actual key.
    await this.service.doHover(this.virtualDocument('kind: x\n', entry, smcpVersion), { line: 0, character: 1 });
    this.prepared.add(schemaUri);
    return true;
  }

  async complete(sectionText: string, position: Position, entry: CatalogEntry, smcpVersion: string | undefined): Promise<CompletionList> {
    const document = this.virtualDocument(sectionText, entry, smcpVersion);
    return this.service.doComplete(document, position, false);
  }

  async hover(sectionText: string, position: Position, entry: CatalogEntry, smcpVersion: string | undefined): Promise<Hover | null> {
    const document = this.virtualDocument(sectionText, entry, smcpVersion);
    return this.service.doHover(document, position);
  }

  private virtualDocument(text: string, entry: CatalogEntry, smcpVersion: string | undefined): TextDocument {
    const schemaUri = this.schemaUriOf(entry, smcpVersion);
    let uri = this.documentFor.get(schemaUri);
    if (uri === undefined) {
      // Not foreseen in the constructor. Configuring drops every resolved schema, so all must be prepared again.
      uri = this.associate(schemaUri);
      this.prepared.clear();
      this.configure();
    }
    return TextDocument.create(uri, 'yaml', ++this.versionCounter, text);
  }

  private associate(schemaUri: string): string {
    const uri = `${VIRTUAL_ROOT}${this.documentFor.size}.yaml`;
    this.documentFor.set(schemaUri, uri);
    return uri;
  }

  private schemaUriOf(entry: CatalogEntry, smcpVersion: string | undefined): string {
    return `${SCHEMA_ROOT}${smcpVersion ?? ANY_VERSION}/${entry.schemaPath}`;
  }

  /**
   * Each schema is associated with its own virtual document by file match.
   * yaml-language-server keeps a resolved schema per association, whereas
   * schemas from a custom schema provider are loaded and resolved again on
   * every request (about 35 ms for the ServiceMeshControlPlane schema).
   */
  private configure(): void {
    this.service.configure({
      validate: false,
      hover: true,
      completion: true,
      format: false,
      isKubernetes: false,
      hoverSchemaSource: false,
      schemas: [...this.documentFor].map(([schemaUri, documentUri]) => ({ uri: schemaUri, fileMatch: [documentUri.slice(VIRTUAL_ROOT.length - 1)] })),
    });
  }

  private async requestSchema(uri: string): Promise<string> {
    if (!uri.startsWith(SCHEMA_ROOT)) {
      // Only bundled schemas exist for us; refusing keeps the network untouched.
      throw new Error(`Mesh Config only uses bundled schemas; refused ${uri}`);
    }
    const rest = uri.slice(SCHEMA_ROOT.length);
    const version = rest.slice(0, rest.indexOf('/'));
    const schemaPath = rest.slice(version.length + 1);
    const smcpVersion = version === ANY_VERSION ? undefined : version;
    const entry = this.catalog.entries.find((e) => e.schemaPath === schemaPath);
    if (!entry) throw new Error(`Unknown bundled schema ${schemaPath}`);
    // Asked once per schema: yaml-language-server keeps what it resolves (see configure).
    return JSON.stringify(projectSchema(this.catalog.schema(entry), smcpVersion));
  }
}
