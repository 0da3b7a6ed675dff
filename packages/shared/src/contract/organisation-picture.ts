import { idParamsSchema } from '../api/admin.js';
import {
  karCanvasListSchema,
  karCanvasSaveSchema,
  karCanvasSchema,
  karCanvasStartSchema,
  surveyComparisonQuerySchema,
  surveyComparisonSchema,
  surveyImportResultSchema,
  surveyQuestionsSchema,
  yearlyPictureSchema,
} from '../api/organisation-picture.js';
import { endpoints } from './endpoint.js';

/**
 * The client satisfaction survey (KTO) both ways, and the KAR canvas with its yearly picture. The
 * import's body is the CSV file itself (text/csv, sent with callWithFile); organisation-picture.routes.ts
 * registers its parser and size limit.
 */
export const surveys = endpoints('surveys', {
  importResults: { method: 'POST', path: '/surveys/imports', audience: 'staff', summary: 'Import survey results (body: the CSV file, text/csv)', response: surveyImportResultSchema, status: 201 },
  comparison: { method: 'GET', path: '/surveys/comparison', audience: 'staff', summary: 'Survey results beside the alliance checks, per period and theme', query: surveyComparisonQuerySchema, response: surveyComparisonSchema },
  questions: { method: 'GET', path: '/surveys/questions', audience: 'staff', summary: 'The theme cards as survey questions', response: surveyQuestionsSchema },
  questionsCsv: { method: 'GET', path: '/surveys/questions.csv', audience: 'staff', summary: 'The theme cards as survey questions, as CSV', response: null, download: 'text/csv' },
});

export const kar = endpoints('kar', {
  list: { method: 'GET', path: '/kar/canvases', audience: 'staff', summary: 'The KAR canvases one may open, and where one may start one', response: karCanvasListSchema },
  start: { method: 'POST', path: '/kar/canvases', audience: 'staff', summary: 'Start the KAR canvas of a team or the organisation for a year', body: karCanvasStartSchema, response: karCanvasSchema, status: 201 },
  get: { method: 'GET', path: '/kar/canvases/:id', audience: 'staff', summary: 'One KAR canvas', params: idParamsSchema, response: karCanvasSchema },
  save: { method: 'PUT', path: '/kar/canvases/:id', audience: 'staff', summary: 'Revise a KAR canvas', params: idParamsSchema, body: karCanvasSaveSchema, response: karCanvasSchema },
  picture: { method: 'GET', path: '/kar/canvases/:id/picture', audience: 'staff', summary: 'The yearly picture of a KAR canvas', params: idParamsSchema, response: yearlyPictureSchema },
  pictureCsv: { method: 'GET', path: '/kar/canvases/:id/picture.csv', audience: 'staff', summary: 'The yearly picture of a KAR canvas, as CSV', params: idParamsSchema, response: null, download: 'text/csv' },
});
