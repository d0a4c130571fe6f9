/**
 * What the stand-in's ImportSolutionAsync checks in an uploaded solution zip, as Dynamics refuses
 * a file that is no solution: the three parts, and the unique name, version and managed flag of
 * solution.xml.
 */
import JSZip from 'jszip';

export interface UploadedSolution {
  uniqueName: string;
  version: string;
  managed: boolean;
}

export async function readSolutionZip(bytes: Uint8Array): Promise<UploadedSolution | { error: string }> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return { error: 'The import file is invalid: it is not a zip file' };
  }
  for (const part of ['solution.xml', 'customizations.xml', '[Content_Types].xml']) {
    if (zip.file(part) === null) return { error: `The import file is invalid: ${part} is missing` };
  }
  const xml = await zip.file('solution.xml')!.async('string');
  if (/<!DOCTYPE/i.test(xml)) return { error: 'The import file is invalid: solution.xml has a DOCTYPE' };
  const uniqueName = /<UniqueName>([^<]+)<\/UniqueName>/.exec(xml)?.[1];
  const version = /<Version>([^<]+)<\/Version>/.exec(xml)?.[1];
  const managed = /<Managed>([^<]+)<\/Managed>/.exec(xml)?.[1];
  if (uniqueName === undefined || version === undefined || managed === undefined) {
    return { error: 'The import file is invalid: solution.xml has no UniqueName, Version or Managed' };
  }
  return { uniqueName, version, managed: managed.trim() === '1' };
}
