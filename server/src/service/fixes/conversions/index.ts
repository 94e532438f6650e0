import { serviceMeshExtensionToWasmPlugin } from './service-mesh-extension';
import type { Conversion } from './types';

/** Every resource conversion, offered as `refactor.rewrite` on resources they apply to. */
export const CONVERSIONS: readonly Conversion[] = [serviceMeshExtensionToWasmPlugin];

export type { Conversion, ConversionInput, ConversionResult } from './types';
