import type { ParsedFile } from '../core/documents';
import type { MeshModel, MeshResource } from './types';

/**
 * The read-only model mesh rules see: every identified resource of the given
 * files, in file and section order. Sections are parsed through the files'
 * own caches, so building it again after one file changed costs little.
 */
export function buildMeshModel(files: Iterable<ParsedFile>): MeshModel {
  const resources: MeshResource[] = [];
  const byKind = new Map<string, MeshResource[]>();
  for (const file of files) {
    for (const section of file.sections) {
      const resource = section.parsed.resource;
      if (!resource?.apiVersion || !resource.kind) continue;
      const entry: MeshResource = { uri: file.uri, section, resource };
      resources.push(entry);
      const key = `${resource.group ?? ''}/${resource.kind}`;
      const list = byKind.get(key);
      if (list) list.push(entry);
      else byKind.set(key, [entry]);
    }
  }
  return { resources, ofKind: (group, kind) => byKind.get(`${group}/${kind}`) ?? [] };
}
