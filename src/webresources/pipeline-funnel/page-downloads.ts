/**
 * The funnel's Download buttons on the pipeline-funnel page. The code that makes the files
 * (download-file.ts and the widget's CSV, SVG and PNG builders) is fetched on the first press
 * (../page/on-demand.ts): the page's first download carries none of it.
 */
import type { Downloads } from '../../widgets/funnel/download-bar';
import { onDemand } from '../page/on-demand';
import type { PageContext } from '../page/page-boot';

const code = onDemand(() => import('./download-file'));

/** Saves the file the user asked for; `title` heads the picture. */
export function pageDownloads(ctx: PageContext, title: string): Downloads {
  return (kind, subject) => code().then((m) => m.saveFunnelFile(ctx, title, kind, subject));
}
