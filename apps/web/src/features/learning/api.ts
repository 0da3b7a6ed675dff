import { useQuery } from '@tanstack/react-query';
import {
  type AnyStepId,
  contract,
  type CreateCoachNote,
  type CreateLearningAction,
  type CreateLearningQuestion,
  type LearningRhythm,
  type LearningRoundPatch,
  type PatchLearningQuestion,
  type ShareQuestionRequest,
  type StepState,
} from '@spreekkamer/shared';
import { call } from '../../api/client.js';

const enc = encodeURIComponent;

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

export const useLearningRound = (enabled = true) => useQuery({ queryKey: learningKeys.round, queryFn: () => call(contract.learning.round), enabled });
export const useLearningQuestions = () => useQuery({ queryKey: learningKeys.questions, queryFn: () => call(contract.learning.listQuestions) });
export const useDevelopmentPlan = () => useQuery({ queryKey: learningKeys.plan, queryFn: () => call(contract.learning.plan) });
export const useCoachCandidates = () => useQuery({ queryKey: learningKeys.candidates, queryFn: () => call(contract.learning.coachCandidates) });
export const useCoaching = (enabled = true) => useQuery({ queryKey: learningKeys.coaching, queryFn: () => call(contract.learning.coaching), enabled });
export const useCoachView = (id: string) => useQuery({ queryKey: learningKeys.coachView(id), queryFn: () => call(contract.learning.coachView, { params: { id } }) });
export const useLearningRhythm = () => useQuery({ queryKey: learningKeys.rhythm, queryFn: () => call(contract.learning.rhythm) });

export const setStep = (key: string, step: AnyStepId, state: StepState) => call(contract.learning.setStep, { params: { key, step }, body: { state } });
export const patchRound = (key: string, patch: LearningRoundPatch) => call(contract.learning.patchRound, { params: { key }, body: patch });
export const createQuestion = (input: Partial<CreateLearningQuestion>) => call(contract.learning.createQuestion, { body: input });
export const patchQuestion = (id: string, patch: PatchLearningQuestion) => call(contract.learning.updateQuestion, { params: { id }, body: patch });
export const deleteQuestion = (id: string) => call(contract.learning.deleteQuestion, { params: { id } });
export const shareQuestion = (id: string, body: ShareQuestionRequest) => call(contract.learning.shareQuestion, { params: { id }, body });
export const unshareQuestion = (shareId: string) => call(contract.learning.revokeQuestionShare, { params: { id: shareId } });
export const createAction = (input: Partial<CreateLearningAction> & { what: string }) => call(contract.learning.addAction, { body: input });
export const setActionDone = (id: string, done: boolean) => call(contract.learning.updateAction, { params: { id }, body: { done } });
export const inviteCoach = (key: string, coachUserId: string) => call(contract.learning.inviteCoach, { params: { key }, body: { coachUserId } });
export const endCoach = (id: string) => call(contract.learning.endCoaching, { params: { id } });
export const addCoachNote = (id: string, note: CreateCoachNote) => call(contract.learning.addCoachNote, { params: { id }, body: note });
export const saveRhythm = (rhythm: LearningRhythm) => call(contract.learning.setRhythm, { body: rhythm });
