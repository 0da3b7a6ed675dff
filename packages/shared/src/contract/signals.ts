import { idParamsSchema } from '../api/admin.js';
import {
  managementTeamMemberRequestSchema,
  managementTeamMemberSchema,
  managementTeamSchema,
  newSignalSchema,
  signalAccessSchema,
  signalAnswerRequestSchema,
  signalGroupingRequestSchema,
  signalGroupRequestSchema,
  signalGroupSchema,
  signalInboxSchema,
  signalListSchema,
  signalSchema,
} from '../api/signals.js';
import { endpoints } from './endpoint.js';

/** Signals to policy and the management team ("wat knelt, wat werkt"), and who sits in the management team. */
export const signals = endpoints('signals', {
  access: { method: 'GET', path: '/signals/access', audience: 'staff', summary: 'What the person can do with signals', response: signalAccessSchema },
  mine: { method: 'GET', path: '/signals/mine', audience: 'staff', summary: 'The signals one sent, with their answers', response: signalListSchema },
  send: { method: 'POST', path: '/signals', audience: 'staff', summary: 'Send a signal (422 signal_identifying until the author confirms the check)', body: newSignalSchema, response: signalSchema, status: 201 },
  inbox: { method: 'GET', path: '/signals/inbox', audience: 'staff', summary: 'The signals and groups a policy advisor or management team member receives', response: signalInboxSchema },
  get: { method: 'GET', path: '/signals/:id', audience: 'staff', summary: 'One signal, for its author or a recipient', params: idParamsSchema, response: signalSchema },
  setGroup: { method: 'PUT', path: '/signals/:id/group', audience: 'staff', summary: 'Put a signal in a group, or take it out', params: idParamsSchema, body: signalGroupingRequestSchema, response: signalSchema },
  answer: { method: 'PUT', path: '/signals/:id/answer', audience: 'staff', summary: 'Answer one signal', params: idParamsSchema, body: signalAnswerRequestSchema, response: signalSchema },
  createGroup: { method: 'POST', path: '/signal-groups', audience: 'staff', summary: 'Start a group of signals', body: signalGroupRequestSchema, response: signalGroupSchema, status: 201 },
  answerGroup: { method: 'PUT', path: '/signal-groups/:id/answer', audience: 'staff', summary: 'Answer every signal in a group', params: idParamsSchema, body: signalAnswerRequestSchema, response: signalGroupSchema },
  managementTeam: { method: 'GET', path: '/admin/management-team', audience: 'staff', summary: 'Who is in the management team', response: managementTeamSchema },
  setManagementTeam: { method: 'PUT', path: '/admin/users/:id/management-team', audience: 'staff', summary: 'Make a manager a member of the management team, or not', params: idParamsSchema, body: managementTeamMemberRequestSchema, response: managementTeamMemberSchema },
});
