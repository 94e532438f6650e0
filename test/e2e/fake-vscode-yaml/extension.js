// A stand-in for redhat.vscode-yaml in Mesh Config's e2e tests. It exposes the
// schema contributor API with the dispatch rule the real extension follows:
// every contributor is asked for a schema URI for a file, and the content of
// that URI is requested from the contributor whose registered name is the
// URI's scheme. `schemaFor` lets a test ask what vscode-yaml would then use.
'use strict';

function activate() {
  const contributors = new Map();
  return {
    registerContributor(schema, requestSchema, requestSchemaContent, label) {
      if (contributors.has(schema)) throw new Error('Schema already registered');
      contributors.set(schema, { requestSchema, requestSchemaContent, label });
      return true;
    },
    contributorNames() {
      return [...contributors.keys()];
    },
    async schemaFor(resource) {
      for (const [name, contributor] of contributors) {
        const uri = contributor.requestSchema(resource);
        if (!uri) continue;
        const owner = contributors.get(uri.slice(0, uri.indexOf(':')));
        if (!owner) return { contributor: name, uri, error: `Unable to load schema from '${uri}'` };
        return { contributor: name, uri, content: await owner.requestSchemaContent(uri) };
      }
      return undefined;
    },
  };
}

module.exports = { activate, deactivate() {} };
