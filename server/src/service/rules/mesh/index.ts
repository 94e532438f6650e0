import type { MeshRule } from '../types';
import { smcpNamespaceConflict } from './smcp-namespace-conflict';

/** Rules over several resources of the mesh model (see MeshRule). */
export const MESH_RULES: readonly MeshRule[] = [smcpNamespaceConflict];
