/**
 * Typed mocks of the PCF context pieces the CollabSurvey control reads. Each class implements the
 * real ComponentFramework interface, so a change in the platform types breaks these mocks, not
 * silently the tests.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { SurveyContext } from '../../../controls/CollabSurvey/CollabSurvey/host-input';
import type { IInputs } from '../../../controls/CollabSurvey/CollabSurvey/manifest-types';

type Metadata = ComponentFramework.PropertyHelper.FieldPropertyMetadata.StringMetadata;

const repoRoot = path.resolve(import.meta.dirname, '../../..');

/** The `survey` strings of one catalogue language (what the generated resx holds). */
export function surveyStrings(lcid: number): Record<string, string> {
  const file = path.join(repoRoot, 'translations', 'ui', `${lcid}.json`);
  const catalogue = JSON.parse(readFileSync(file, 'utf8')) as { survey: Record<string, string> };
  return catalogue.survey;
}

export class MockStringProperty implements ComponentFramework.PropertyTypes.StringProperty {
  error = false;
  errorMessage = '';
  type = 'Multiple';
  formatted?: string;
  security?: ComponentFramework.PropertyHelper.SecurityValues;
  attributes?: Metadata;
  constructor(public raw: string | null) {}
  withMaxLength(maxLength: number): this {
    this.attributes = {
      DisplayName: 'Survey responses',
      LogicalName: 'crmkit_surveyresponses',
      RequiredLevel: 0,
      IsSecured: false,
      SourceType: 0,
      Description: '',
      MaxLength: maxLength,
      ImeMode: 0,
      Format: 'TextArea',
    };
    return this;
  }
}

export class MockNumberProperty implements ComponentFramework.PropertyTypes.NumberProperty {
  error = false;
  errorMessage = '';
  type = 'Decimal';
  constructor(public raw: number | null = null) {}
}

export class MockMode implements ComponentFramework.Mode {
  allocatedHeight = -1;
  allocatedWidth = 640;
  isControlDisabled = false;
  isVisible = true;
  label = 'Survey responses';
  trackedResize = false;
  setControlState(): boolean {
    return true;
  }
  setFullScreen(): void {
    // not used by the control
  }
  trackContainerResize(value: boolean): void {
    this.trackedResize = value;
  }
}

export class MockResources implements ComponentFramework.Resources {
  constructor(private readonly strings: Readonly<Record<string, string>>) {}
  getResource(_id: string, _success: (data: string) => void, failure: () => void): void {
    failure();
  }
  getString(id: string): string {
    return this.strings[id] ?? id;
  }
}

type SurveyUserSettings = SurveyContext['userSettings'];

export class MockUserSettings implements SurveyUserSettings {
  constructor(
    public languageId = 1033,
    public userId = '{00000000-0000-0000-0000-0000000000a1}',
    public userName = 'Anna Petrova',
    private readonly offsetMinutes = 0,
  ) {}
  getTimeZoneOffsetMinutes(): number {
    return this.offsetMinutes;
  }
}

export class MockSurveyContext implements SurveyContext {
  parameters: IInputs;
  mode = new MockMode();
  userSettings: MockUserSettings;
  resources: MockResources;

  readonly responses: MockStringProperty;
  readonly definition = new MockStringProperty(null);

  constructor(value: string | null, lcid = 1033) {
    this.responses = new MockStringProperty(value);
    this.parameters = {
      responses: this.responses,
      definition: this.definition,
      csat: new MockNumberProperty(),
      nps: new MockNumberProperty(),
      responseCount: new MockNumberProperty(),
    };
    this.userSettings = new MockUserSettings(lcid);
    this.resources = new MockResources(surveyStrings(lcid));
  }
}
