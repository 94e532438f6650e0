import { getLanguageService, LanguageService } from 'yaml-language-server';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionList, Hover, Position } from 'vscode-languageserver-types';
import type { CatalogEntry, SchemaCatalog } from './catalog';
import { projectSchema } from './projection';

const SCHEMA_SCHEME = 'mesh-config-schema:///';
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
  private readonly schemaForDocument = new Map<string, string>();
  private readonly projected = new Map<string, string>();
  private versionCounter = 0;

  constructor(private readonly catalog: SchemaCatalog) {
    this.service = getLanguageService({
      schemaRequestService: (uri: string) => this.requestSchema(uri),
      workspaceContext: { resolveRelativePath: (relativePath: string) => relativePath },
    });
    this.service.configure({
      validate: false,
      hover: true,
      completion: true,
      format: false,
      isKubernetes: false,
      hoverSchemaSource: false,
      schemas: [],
    });
    this.service.registerCustomSchemaProvider(async (uri: string) => this.schemaForDocument.get(uri) ?? []);
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
    const schemaUri = SCHEMA_SCHEME + entry.schemaPath + (smcpVersion ? `?smcp=${smcpVersion}` : '');
    const uri = VIRTUAL_ROOT + encodeURIComponent(schemaUri) + '.yaml';
    this.schemaForDocument.set(uri, schemaUri);
    return TextDocument.create(uri, 'yaml', ++this.versionCounter, text);
  }

  private async requestSchema(uri: string): Promise<string> {
    if (!uri.startsWith(SCHEMA_SCHEME)) {
      // Only bundled schemas exist for us; refusing keeps the network untouched.
      throw new Error(`Mesh Config only uses bundled schemas; refused ${uri}`);
    }
    const [schemaPath, query] = uri.slice(SCHEMA_SCHEME.length).split('?');
    const smcpVersion = query?.startsWith('smcp=') ? query.slice(5) : undefined;
    const entry = this.catalog.entries.find((e) => e.schemaPath === schemaPath);
    if (!entry) throw new Error(`Unknown bundled schema ${schemaPath}`);
    // yaml-language-server asks again for every request; project each schema once.
    let text = this.projected.get(uri);
    if (text === undefined) {
      text = JSON.stringify(projectSchema(this.catalog.schema(entry), smcpVersion));
      this.projected.set(uri, text);
    }
    return text;
  }
}
