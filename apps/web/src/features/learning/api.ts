import { useQuery } from '@tanstack/react-query';
import {
  coachingListSchema,
  coachInvitationSchema,
  coachNoteSchema,
  coachViewSchema,
  developmentPlanSchema,
  learningActionSchema,
  learningPeopleSchema,
  learningQuestionListSchema,
  learningQuestionSchema,
  learningRhythmSchema,
  learningRoundStateSchema,
  type AnyStepId,
  type CreateCoachNote,
  type CreateLearningAction,
  type CreateLearningQuestion,
  type LearningRhythm,
  type LearningRoundPatch,
  type PatchLearningQuestion,
  type ShareQuestionRequest,
  type StepState,
} from '@spreekkamer/shared';
import { api, type Parser } from '../../api/client.js';

const enc = encodeURIComponent;
const noContent: Parser<void> = { parse: () => undefined };

export const learningKeys = {
  all: ['learning'] as const,
  round: ['learning', 'round'] as const,
  questions: ['learning', 'questions'] as const,
  plan: ['learning', 'plan'] as const,
  candidates: ['learning', 'candidates'] as const,
  coaching: ['learning', 'coaching'] as const,
  coachView: (id: string) => ['learning', 'coach', id] as const,
  rhythm: ['learning', 'rhythm'] as const,
};

export const learningPaths = {
  home: '/leren',
  newQuestion: (momentId?: string) => (momentId ? `/leren?moment=${enc(momentId)}` : '/leren'),
  plan: '/leren/ontwikkelplan',
  coach: (invitationId: string) => `/leren/coach/${enc(invitationId)}`,
} as const;

export const useLearningRound = (enabled = true) => useQuery({ queryKey: learningKeys.round, queryFn: () => api('/learning/round', learningRoundStateSchema), enabled });
export const useLearningQuestions = () => useQuery({ queryKey: learningKeys.questions, queryFn: () => api('/learning/questions', learningQuestionListSchema) });
export const useDevelopmentPlan = () => useQuery({ queryKey: learningKeys.plan, queryFn: () => api('/learning/plan', developmentPlanSchema) });
export const useCoachCandidates = () => useQuery({ queryKey: learningKeys.candidates, queryFn: () => api('/learning/coach-candidates', learningPeopleSchema) });
export const useCoaching = (enabled = true) => useQuery({ queryKey: learningKeys.coaching, queryFn: () => api('/learning/coaching', coachingListSchema), enabled });
export const useCoachView = (id: string) => useQuery({ queryKey: learningKeys.coachView(id), queryFn: () => api(`/learning/coach-invitations/${enc(id)}`, coachViewSchema) });
export const useLearningRhythm = () => useQuery({ queryKey: learningKeys.rhythm, queryFn: () => api('/learning/rhythm', learningRhythmSchema) });

export const setStep = (key: string, step: AnyStepId, state: StepState) => api(`/learning/rounds/${enc(key)}/steps/${enc(step)}`, learningRoundStateSchema, { method: 'PUT', body: { state } });
export const patchRound = (key: string, patch: LearningRoundPatch) => api(`/learning/rounds/${enc(key)}`, learningRoundStateSchema, { method: 'PATCH', body: patch });
export const createQuestion = (input: Partial<CreateLearningQuestion>) => api('/learning/questions', learningQuestionSchema, { method: 'POST', body: input });
export const patchQuestion = (id: string, patch: PatchLearningQuestion) => api(`/learning/questions/${enc(id)}`, learningQuestionSchema, { method: 'PATCH', body: patch });
export const deleteQuestion = (id: string) => api(`/learning/questions/${enc(id)}`, noContent, { method: 'DELETE' });
export const shareQuestion = (id: string, body: ShareQuestionRequest) => api(`/learning/questions/${enc(id)}/shares`, learningQuestionSchema, { method: 'POST', body });
export const unshareQuestion = (shareId: string) => api(`/learning/question-shares/${enc(shareId)}/revoke`, noContent, { method: 'POST' });
export const createAction = (input: Partial<CreateLearningAction> & { what: string }) => api('/learning/actions', learningActionSchema, { method: 'POST', body: input });
export const setActionDone = (id: string, done: boolean) => api(`/learning/actions/${enc(id)}`, learningActionSchema, { method: 'PATCH', body: { done } });
export const inviteCoach = (key: string, coachUserId: string) => api(`/learning/rounds/${enc(key)}/coach`, coachInvitationSchema, { method: 'POST', body: { coachUserId } });
export const endCoach = (id: string) => api(`/learning/coach-invitations/${enc(id)}/end`, noContent, { method: 'POST' });
export const addCoachNote = (id: string, note: CreateCoachNote) => api(`/learning/coach-invitations/${enc(id)}/notes`, coachNoteSchema, { method: 'POST', body: note });
export const saveRhythm = (rhythm: LearningRhythm) => api('/learning/rhythm', learningRhythmSchema, { method: 'PUT', body: rhythm });
