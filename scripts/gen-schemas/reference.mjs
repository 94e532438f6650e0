// Reads CustomResourceDefinitions from the shared reference folder, with
// messages that say which file or CRD is missing instead of a stack trace.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

export class ReferenceError extends Error {}

export class Reference {
  constructor(root) {
    if (!existsSync(root) || !statSync(root).isDirectory()) {
      throw new ReferenceError(
        `the reference folder ${root} does not exist. Pass its path as the first argument or set MESH_SHARED_REFERENCE.`,
      );
    }
    this.root = root;
    this.files = new Map();
  }

  /** CRDs in one file, by metadata.name. */
  crdsIn(file) {
    let crds = this.files.get(file);
    if (!crds) {
      const path = join(this.root, file);
      if (!existsSync(path)) throw new ReferenceError(`${file} is missing from the reference folder ${this.root}.`);
      crds = new Map();
      for (const doc of parseAllDocuments(readFileSync(path, 'utf8'))) {
        if (doc.errors.length > 0) throw new ReferenceError(`${file} does not parse: ${doc.errors[0].message}`);
        const value = doc.toJS();
        if (value?.kind === 'CustomResourceDefinition') crds.set(value.metadata.name, value);
      }
      this.files.set(file, crds);
    }
    return crds;
  }

  crd(file, name) {
    const found = this.crdsIn(file).get(name);
    if (!found) throw new ReferenceError(`CRD ${name} is not in ${file}.`);
    return found;
  }

  /** YAML files directly in a folder of the reference (none if it does not exist). */
  yamlFilesIn(dir) {
    const path = join(this.root, dir);
    if (!existsSync(path)) return [];
    return readdirSync(path)
      .filter((name) => /\.ya?ml$/.test(name))
      .sort()
      .map((name) => `${dir}/${name}`);
  }
}

/** The openAPIV3Schema of one served version of a CRD, or undefined. */
export function servedSchema(crd, version) {
  const entry = crd.spec.versions.find((v) => v.name === version && v.served !== false);
  return entry?.schema?.openAPIV3Schema;
}
