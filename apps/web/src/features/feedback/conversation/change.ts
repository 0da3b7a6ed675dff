import type { TFunction } from 'i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FeedbackDetail, FeedbackParticipant } from '@spreekkamer/shared';
import { storeFeedback } from '../api.js';

export type Step = 1 | 2 | 3;

/** One change to the conversation (a `call` of a contract.feedback endpoint); the answer is the whole conversation, stored for every screen part. */
export type FeedbackChange = () => Promise<FeedbackDetail>;

export function useFeedbackChange() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: FeedbackChange) => change(),
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
