/**
 * The solution source (`solutions/crmkit.solution.json`: what crmkit ships) and a client profile
 * (`solutions/clients/<client>.json`: under whose name, in which languages, with which defaults).
 */

/** Text per language, keyed by LCID as a string ("1033"). */
export type Localized = Readonly<Partial<Record<string, string>>>;

export interface ControlSource {
  /** The widget id a profile lists (`survey`). */
  id: string;
  kind: 'control';
  /** The pcf-scripts project folder, relative to the repository (`controls/CollabSurvey`). */
  project: string;
  /** The control folder inside the project's `out/controls/` (`CollabSurvey`). */
  outputFolder: string;
  displayNames: Localized;
}

export interface WebResourceSource {
  /** The widget id a profile lists (`funnelDashboard`). */
  id: string;
  kind: 'webresource';
  /** The built page folder, relative to the repository (`dist/webresources/funnel-dashboard`). */
  output: string;
  /** The web resource path after `<prefix>_/` (`crmkit/funneldashboard`). */
  path: string;
  /** The file users open (`index.html`); its web resource carries the display name as is. */
  entry: string;
  displayNames: Localized;
}

export type WidgetSource = ControlSource | WebResourceSource;

export interface SolutionSource {
  /** A suggestion for profiles' solution unique names (`CrmCollabKit`). */
  baseUniqueName: string;
  displayNames: Localized;
  descriptions: Localized;
  widgets: readonly WidgetSource[];
  /** The per-client configuration web resource the widgets read. */
  config: { path: string; displayNames: Localized };
}

export type PackageKind = 'managed' | 'unmanaged' | 'both';

/** The solution's publisher, as a client profile gives it and solution.xml writes it. */
export interface Publisher {
  uniqueName: string;
  displayNames: Localized;
  descriptions?: Localized;
  prefix: string;
  optionValuePrefix: number;
  email?: string;
  website?: string;
}

export interface ClientProfile {
  /** Short client key, used in web resource ids (`contoso`). */
  client: string;
  publisher: Publisher;
  solution: {
    uniqueName: string;
    displayNames: Localized;
    descriptions?: Localized;
    version: string;
  };
  /** Languages to declare; the first is the base language of the client's environment. */
  languages: number[];
  widgets: string[];
  package: PackageKind;
  /** Per-client defaults, shipped as the configuration web resource. */
  defaults?: {
    funnel?: {
      table?: string;
      stage?: string;
      amount?: string;
      segment?: string;
      stageOrder?: string[];
      filter?: string;
      period?: string;
      mode?: 'snapshot' | 'reached';
      metric?: 'count' | 'amount';
      currency?: string;
      title?: string;
    };
    survey?: {
      table?: string;
      responses?: string;
      csat?: string;
      nps?: string;
      count?: string;
      filter?: string;
      period?: string;
      maxRecords?: number;
      title?: string;
      /** The survey control's definition document (questions with texts per language). */
      definition?: Record<string, unknown>;
      /**
       * Where responses are stored: `column` (default) one JSON document per record in a text
       * column; `records` one survey response activity per response (`solution pack` then ships
       * the `<prefix>_surveyresponse` table and the "Survey contributor" role).
       */
      storage?: 'column' | 'records';
    };
  };
}

/** The text for a language, falling back to the base language, then English, then any. */
export function localized(texts: Localized | undefined, lcid: number, base: number): string | undefined {
  if (!texts) return undefined;
  return (
    texts[String(lcid)] ??
    texts[String(base)] ??
    texts['1033'] ??
    Object.values(texts).find((t) => t !== undefined)
  );
}
