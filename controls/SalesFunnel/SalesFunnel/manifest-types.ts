/// <reference types="powerapps-component-framework" />
/**
 * The control's properties as ControlManifest.Input.xml declares them. pcf-scripts generates the
 * same interfaces into generated/ManifestTypes.d.ts at build time (not in git); keeping them here
 * lets the code type-check and lint before any build, and test/controls/salesfunnel-manifest.test.ts
 * checks that both agree.
 */
export interface IInputs {
  stageOrder: ComponentFramework.PropertyTypes.StringProperty;
  mode: ComponentFramework.PropertyTypes.EnumProperty<'snapshot' | 'reached'>;
  metric: ComponentFramework.PropertyTypes.EnumProperty<'count' | 'amount'>;
  maxRecords: ComponentFramework.PropertyTypes.WholeNumberProperty;
  segmentColumn: ComponentFramework.PropertyTypes.StringProperty;
  records: ComponentFramework.PropertyTypes.DataSet;
}
// The control hands nothing back to the form: selection goes through the dataset.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface IOutputs {}
