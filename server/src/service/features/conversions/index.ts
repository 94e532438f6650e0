import { authenticationPolicyConversion } from './authentication-policy';
import { meshPolicyConversion } from './mesh-policy';
import { rbacConfigConversion } from './rbac-config';
import { serviceMeshExtensionToWasmPlugin } from './service-mesh-extension';
import { serviceRoleConversion } from './service-role';
import { smcpV1ToV2Conversion } from './smcp-v1-to-v2';
import type { Conversion } from './types';

/** Every resource conversion, offered as `refactor.rewrite` on resources they apply to. */
export const CONVERSIONS: readonly Conversion[] = [
  serviceMeshExtensionToWasmPlugin,
  authenticationPolicyConversion,
  meshPolicyConversion,
  rbacConfigConversion,
  serviceRoleConversion,
  smcpV1ToV2Conversion,
];

export type { Conversion, ConversionInput, ConversionResult } from './types';
