// ajv options shared by the run-time validator and the build-time compiler;
// server/src/service/schemas/validate.ts must use the same values.
export const AJV_OPTIONS = { allErrors: true, strict: false, validateFormats: false, validateSchema: false };
