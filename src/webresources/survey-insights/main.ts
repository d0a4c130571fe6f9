/** The survey insights web resource: NPS and CSAT across every record's survey over a period. */
import { bootPage } from '../page/page-boot';
import { runSurveyInsights } from './survey-page';

void bootPage(window, 'survey-insights', runSurveyInsights);
