import { idParamsSchema } from '../api/admin.js';
import {
  agendaLeaveChoiceRequestSchema,
  agendaMeetingNoteSchema,
  agendaMeetingSchema,
  agendaOutcomeSchema,
  agendaOverviewSchema,
  agendaItemNamedSchema,
  agendaItemSchema,
  agendaSaveResultSchema,
  createAgendaItemSchema,
  createAgendaMeetingSchema,
  planAgendaItemSchema,
  teamAgendaSchema,
} from '../api/team-agenda.js';
import { endpoints } from './endpoint.js';

/** The team learning agenda: members bring lessons and questions, the team lead plans the werkoverleg. */
export const teamAgenda = endpoints('teamAgenda', {
  overview: { method: 'GET', path: '/team-agenda', audience: 'staff', summary: 'One\'s teams with their next werkoverleg and new items', response: agendaOverviewSchema },
  team: { method: 'GET', path: '/team-agenda/teams/:id', audience: 'staff', summary: 'A team\'s learning agenda and werkoverleg meetings', params: idParamsSchema, response: teamAgendaSchema },
  addItem: { method: 'POST', path: '/team-agenda/teams/:id/items', audience: 'staff', summary: 'Bring a lesson or question to the team (checked for what could identify a client)', params: idParamsSchema, body: createAgendaItemSchema, response: agendaSaveResultSchema },
  withdrawItem: { method: 'DELETE', path: '/team-agenda/items/:id', audience: 'staff', summary: 'The author takes their item off the agenda', params: idParamsSchema, response: null },
  setNamed: { method: 'PUT', path: '/team-agenda/items/:id/named', audience: 'staff', summary: 'The author chooses whether their name shows with their item', params: idParamsSchema, body: agendaItemNamedSchema, response: agendaItemSchema },
  planItem: { method: 'PUT', path: '/team-agenda/items/:id/meeting', audience: 'staff', summary: 'The team lead plans an item for a werkoverleg', params: idParamsSchema, body: planAgendaItemSchema, response: agendaItemSchema },
  setOutcome: { method: 'PUT', path: '/team-agenda/items/:id/outcome', audience: 'staff', summary: 'The team lead writes down the status and what the team agreed', params: idParamsSchema, body: agendaOutcomeSchema, response: agendaItemSchema },
  addMeeting: { method: 'POST', path: '/team-agenda/teams/:id/meetings', audience: 'staff', summary: 'The team lead adds a werkoverleg date', params: idParamsSchema, body: createAgendaMeetingSchema, response: agendaMeetingSchema },
  setMeetingNote: { method: 'PUT', path: '/team-agenda/meetings/:id/note', audience: 'staff', summary: 'The team lead writes the meeting note', params: idParamsSchema, body: agendaMeetingNoteSchema, response: agendaMeetingSchema },
  setLeaveChoice: { method: 'PUT', path: '/team-agenda/leave-choice', audience: 'staff', summary: 'What happens to one\'s items on leaving a team', body: agendaLeaveChoiceRequestSchema, response: agendaLeaveChoiceRequestSchema },
});
