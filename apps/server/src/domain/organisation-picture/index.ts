import { KarService, type KarDependencies } from './kar.service.js';
import { SurveyService } from './survey.service.js';

export { KarService } from './kar.service.js';
export { SurveyService } from './survey.service.js';

export interface OrganisationPictureServices {
  survey: SurveyService;
  kar: KarService;
}

export function createOrganisationPictureServices(deps: KarDependencies): OrganisationPictureServices {
  return { survey: new SurveyService(deps), kar: new KarService(deps) };
}
