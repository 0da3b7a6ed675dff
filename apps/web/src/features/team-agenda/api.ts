import { useQuery } from '@tanstack/react-query';
import { contract, type AgendaLeaveChoiceValue, type AgendaOutcome, type CreateAgendaItem } from '@spreekkamer/shared';
import { call } from '../../api/client.js';

const enc = encodeURIComponent;

export const teamAgendaKeys = {
  all: ['teamAgenda'] as const,
  overview: ['teamAgenda', 'overview'] as const,
  team: (teamId: string) => ['teamAgenda', 'team', teamId] as const,
};

export const teamAgendaPaths = {
  overview: '/leeragenda',
  team: (teamId: string) => `/leeragenda/${enc(teamId)}`,
  meetings: (teamId: string) => `/leeragenda/${enc(teamId)}/werkoverleg`,
} as const;

/** One query for the home card and the overview page, so both show the same numbers. */
export const useAgendaOverview = () => useQuery({ queryKey: teamAgendaKeys.overview, queryFn: () => call(contract.teamAgenda.overview) });
// Colleagues change the agenda while one reads it: always fetch it again when a page opens (the app's default keeps answers 30 s).
export const useTeamAgenda = (teamId: string) => useQuery({ queryKey: teamAgendaKeys.team(teamId), queryFn: () => call(contract.teamAgenda.team, { params: { id: teamId } }), staleTime: 0 });

export const addAgendaItem = (teamId: string, body: CreateAgendaItem) => call(contract.teamAgenda.addItem, { params: { id: teamId }, body });
export const withdrawAgendaItem = (itemId: string) => call(contract.teamAgenda.withdrawItem, { params: { id: itemId } });
export const setAgendaItemNamed = (itemId: string, named: boolean) => call(contract.teamAgenda.setNamed, { params: { id: itemId }, body: { named } });
export const planAgendaItem = (itemId: string, meetingId: string | null) => call(contract.teamAgenda.planItem, { params: { id: itemId }, body: { meetingId } });
export const setAgendaOutcome = (itemId: string, outcome: AgendaOutcome) => call(contract.teamAgenda.setOutcome, { params: { id: itemId }, body: outcome });
export const addAgendaMeeting = (teamId: string, date: string) => call(contract.teamAgenda.addMeeting, { params: { id: teamId }, body: { date } });
export const setMeetingNote = (meetingId: string, note: string) => call(contract.teamAgenda.setMeetingNote, { params: { id: meetingId }, body: { note } });
export const setLeaveChoice = (choice: AgendaLeaveChoiceValue) => call(contract.teamAgenda.setLeaveChoice, { body: { choice } });
