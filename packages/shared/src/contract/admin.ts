import {
  adminPasswordResetRequestSchema,
  adminPasswordResetResponseSchema,
  adminUserListSchema,
  adminUserSchema,
  auditListQuerySchema,
  auditListSchema,
  auditVerifySchema,
  idParamsSchema,
  inviteUserRequestSchema,
  inviteUserResponseSchema,
  organisationSettingsSchema,
  processingRegisterSchema,
  teamListSchema,
  teamNameRequestSchema,
  teamSchema,
  updateUserRequestSchema,
} from '../api/admin.js';
import { endpoints } from './endpoint.js';

/** The administrator's pages: people, teams, settings, the audit log and the processing register. */
export const admin = endpoints('admin', {
  processingRegister: { method: 'GET', path: '/admin/processing-register', audience: 'staff', summary: 'The register of processing activities (AVG article 30)', response: processingRegisterSchema },
  listUsers: { method: 'GET', path: '/admin/users', audience: 'staff', summary: 'Everyone in the organisation', response: adminUserListSchema },
  inviteUser: { method: 'POST', path: '/admin/users', audience: 'staff', summary: 'Invite a new person', body: inviteUserRequestSchema, response: inviteUserResponseSchema },
  updateUser: { method: 'PATCH', path: '/admin/users/:id', audience: 'staff', summary: 'Change a person\'s roles, team or status', params: idParamsSchema, body: updateUserRequestSchema, response: adminUserSchema },
  reinvite: { method: 'POST', path: '/admin/users/:id/invitation', audience: 'staff', summary: 'Send a new invitation', params: idParamsSchema, response: inviteUserResponseSchema },
  requestPasswordReset: { method: 'POST', path: '/admin/users/:id/password-reset', audience: 'staff', summary: 'Start a password reset with the code the person reads out', params: idParamsSchema, body: adminPasswordResetRequestSchema, response: adminPasswordResetResponseSchema },
  approvePasswordReset: { method: 'POST', path: '/admin/users/:id/password-reset/approval', audience: 'staff', summary: 'A second administrator approves a password reset', params: idParamsSchema, response: adminPasswordResetResponseSchema },
  listTeams: { method: 'GET', path: '/admin/teams', audience: 'staff', summary: 'All teams', response: teamListSchema },
  createTeam: { method: 'POST', path: '/admin/teams', audience: 'staff', summary: 'Add a team', body: teamNameRequestSchema, response: teamSchema },
  renameTeam: { method: 'PATCH', path: '/admin/teams/:id', audience: 'staff', summary: 'Rename a team', params: idParamsSchema, body: teamNameRequestSchema, response: teamSchema },
  settings: { method: 'GET', path: '/admin/settings', audience: 'staff', summary: 'The organisation\'s settings', response: organisationSettingsSchema },
  updateSettings: { method: 'PUT', path: '/admin/settings', audience: 'staff', summary: 'Change the organisation\'s settings', body: organisationSettingsSchema, response: organisationSettingsSchema },
  listAudit: { method: 'GET', path: '/admin/audit', audience: 'staff', summary: 'The audit log, newest first, page by page', query: auditListQuerySchema, response: auditListSchema },
  verifyAudit: { method: 'GET', path: '/admin/audit/verify', audience: 'staff', summary: 'Check that the audit log\'s hash chain is unbroken', response: auditVerifySchema },
});
