/**
 * The system chart "NPS by month" (`<Visualizations>`, a saved query visualization): a column chart of
 * the average 0–10 recommendation score per month of creation, over whichever view it is shown
 * with. The NPS itself (promoters minus detractors) needs two counts a single chart measure cannot
 * subtract; the survey dashboard shows it.
 */
import type { TableNames } from './names';
import { descriptions, localizedNames } from './xml-labels';

const AXIS = [
  'LabelAutoFitMinFontSize="8" TitleForeColor="59, 59, 59" TitleFont="{0}, 10.5px" LineColor="165, 172, 181"',
  'IntervalAutoMode="VariableCount"',
].join(' ');

function dataDescription(names: TableNames, i: string): string[] {
  return [
    `${i}<datadefinition>`,
    `${i}  <fetchcollection>`,
    `${i}    <fetch mapping="logical" aggregate="true">`,
    `${i}      <entity name="${names.table}">`,
    `${i}        <attribute alias="nps_avg" name="${names.column('nps')}" aggregate="avg" />`,
    `${i}        <attribute alias="month" name="createdon" groupby="true" dategrouping="month" />`,
    `${i}      </entity>`,
    `${i}    </fetch>`,
    `${i}  </fetchcollection>`,
    `${i}  <categorycollection>`,
    `${i}    <category alias="month">`,
    `${i}      <measurecollection>`,
    `${i}        <measure alias="nps_avg" />`,
    `${i}      </measurecollection>`,
    `${i}    </category>`,
    `${i}  </categorycollection>`,
    `${i}</datadefinition>`,
  ];
}

function presentationDescription(i: string): string[] {
  return [
    `${i}<Chart Palette="None" PaletteCustomColors="0,120,212; 0,153,188; 16,124,16">`,
    `${i}  <Series>`,
    `${i}    <Series ChartType="Column" IsValueShownAsLabel="True" Font="{0}, 9.5px" LabelForeColor="59, 59, 59" LabelFormat="0.0" CustomProperties="PointWidth=0.75, MaxPixelPointWidth=40">`,
    `${i}      <SmartLabelStyle Enabled="True" />`,
    `${i}    </Series>`,
    `${i}  </Series>`,
    `${i}  <ChartAreas>`,
    `${i}    <ChartArea BorderColor="White" BorderDashStyle="Solid">`,
    `${i}      <AxisY ${AXIS} Minimum="0" Maximum="10">`,
    `${i}        <MajorGrid LineColor="239, 242, 246" />`,
    `${i}        <MajorTickMark LineColor="165, 172, 181" />`,
    `${i}        <LabelStyle Font="{0}, 10.5px" ForeColor="59, 59, 59" />`,
    `${i}      </AxisY>`,
    `${i}      <AxisX ${AXIS}>`,
    `${i}        <MajorGrid LineColor="Transparent" />`,
    `${i}        <LabelStyle Font="{0}, 10.5px" ForeColor="59, 59, 59" />`,
    `${i}      </AxisX>`,
    `${i}    </ChartArea>`,
    `${i}  </ChartAreas>`,
    `${i}  <Titles>`,
    `${i}    <Title Alignment="TopLeft" DockingOffset="-3" Font="{0}, 13px" ForeColor="59, 59, 59" />`,
    `${i}  </Titles>`,
    `${i}</Chart>`,
  ];
}

/** `<Visualizations>` with the one chart; `id` is its savedqueryvisualizationid. */
export function visualizationsLines(
  names: TableNames,
  version: string,
  languages: readonly number[],
  id: string,
  indent: string,
): string[] {
  const i = `${indent}  `;
  return [
    `${indent}<Visualizations>`,
    `${i}<visualization>`,
    `${i}  <savedqueryvisualizationid>{${id}}</savedqueryvisualizationid>`,
    `${i}  <datadescription>`,
    ...dataDescription(names, `${i}    `),
    `${i}  </datadescription>`,
    `${i}  <presentationdescription>`,
    ...presentationDescription(`${i}    `),
    `${i}  </presentationdescription>`,
    `${i}  <isdefault>1</isdefault>`,
    `${i}  <IsCustomizable>1</IsCustomizable>`,
    `${i}  <IntroducedVersion>${version}</IntroducedVersion>`,
    `${i}  <CanBeDeleted>1</CanBeDeleted>`,
    ...localizedNames('chart.npsByMonth', languages, `${i}  `),
    ...descriptions('chart.npsByMonth.desc', languages, `${i}  `),
    `${i}</visualization>`,
    `${indent}</Visualizations>`,
  ];
}
