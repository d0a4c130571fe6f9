/**
 * The control's properties as ControlManifest.Input.xml declares them. pcf-scripts generates the
 * same interfaces into generated/ManifestTypes.d.ts at build time (not in git); keeping them here
 * lets the code type-check before any build, and test/controls/collabsurvey-manifest.test.ts checks
 * that both agree (where pcf-scripts writes `any`, for `responses`, a text or number column, this
 * file says `unknown`).
 */
export interface IInputs {
  responses: ComponentFramework.PropertyTypes.Property;
  definition: ComponentFramework.PropertyTypes.StringProperty;
  csat: ComponentFramework.PropertyTypes.DecimalNumberProperty;
  nps: ComponentFramework.PropertyTypes.WholeNumberProperty;
  responseCount: ComponentFramework.PropertyTypes.WholeNumberProperty;
  responseTable: ComponentFramework.PropertyTypes.StringProperty;
}
export interface IOutputs {
  responses?: unknown;
  csat?: number;
  nps?: number;
  responseCount?: number;
}
