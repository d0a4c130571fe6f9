/** The pipeline funnel web resource: the funnel widget over a whole table, from FetchXML aggregates. */
import { bootPage } from '../page/page-boot';
import { runPipelineFunnel } from './funnel-page';

void bootPage(window, 'pipeline-funnel', runPipelineFunnel);
