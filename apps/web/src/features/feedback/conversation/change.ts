import type { TFunction } from 'i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { feedbackDetailSchema, type FeedbackDetail, type FeedbackParticipant } from '@spreekkamer/shared';
import { api, type RequestOptions } from '../../../api/client.js';
import { storeFeedback } from '../api.js';

export type Step = 1 | 2 | 3;

/** One change to the conversation, below /feedback/:id; the answer is the whole conversation, stored for every screen part. */
export interface FeedbackChange {
  path: string;
  options: RequestOptions;
}

export function useFeedbackChange(feedbackId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ path, options }: FeedbackChange) => api(`/feedback/${encodeURIComponent(feedbackId)}${path}`, feedbackDetailSchema, options),
    onSuccess: (detail) => storeFeedback(queryClient, detail),
  });
}

/** How a participant is named on the shared screen: by pseudonym alone, in a group only as they chose. */
export function participantLabel(feedback: FeedbackDetail, participant: FeedbackParticipant, t: TFunction): string {
  if (!feedback.group) return participant.pseudonym;
  return participant.anonymous || !participant.displayName ? t('feedback.talk.voiceParticipant', { n: feedback.participants.indexOf(participant) + 1 }) : participant.displayName;
}

export function voiceLabel(feedback: FeedbackDetail, participant: FeedbackParticipant, t: TFunction): string {
  // On a shared screen in a group, nobody is named who chose not to be.
  return feedback.group ? participantLabel(feedback, participant, t) : t('feedback.talk.voiceClient', { name: participant.pseudonym });
}
