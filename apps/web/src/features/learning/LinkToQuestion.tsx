import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button } from '@utrecht/button-react';
import { contract, hasPermission, type LearningLinkKind } from '@spreekkamer/shared';
import { SelectField } from '../../components/fields.js';
import { useErrorText } from '../../components/errors.js';
import { useSession } from '../auth/session.js';
import { learningKeys, useLearningQuestions } from './api.js';
import { call } from '../../api/client.js';

/**
 * "Koppel aan leervraag": links a comment, a takeaway, a feedback conversation or one of its
 * actions to one of the professional's own open learning questions. Shown only to someone with
 * learning questions of their own; the server checks the item is theirs.
 */
export function LinkToQuestion({ kind, targetId }: { kind: LearningLinkKind; targetId: string }) {
  const { data: session } = useSession();
  if (!session || !hasPermission(session.user.roles, 'learning.own')) return null;
  return <LinkForm kind={kind} targetId={targetId} />;
}

function LinkForm({ kind, targetId }: { kind: LearningLinkKind; targetId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const questions = useLearningQuestions();
  const open = (questions.data?.questions ?? []).filter((q) => q.status === 'open' && !q.links.some((l) => l.kind === kind && l.targetId === targetId));
  const linkedTo = (questions.data?.questions ?? []).filter((q) => q.links.some((l) => l.kind === kind && l.targetId === targetId));
  const [chosen, setChosen] = useState('');
  const link = useMutation({
    mutationFn: (questionId: string) => call(contract.learning.addLink, { params: { id: questionId }, body: { kind, targetId } }),
    onSuccess: async () => {
      setChosen('');
      await queryClient.invalidateQueries({ queryKey: learningKeys.all });
    },
  });
  if (!questions.data) return null;
  const label = (text: string) => text || t('learning.questions.empty');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const questionId = chosen || open[0]?.id;
    if (questionId) link.mutate(questionId);
  };
  return (
    <div className="sk-link-question">
      {linkedTo.length > 0 ? <p className="sk-muted">{t('learning.link.linked', { questions: linkedTo.map((q) => label(q.text)).join(', ') })}</p> : null}
      {open.length > 0 ? (
        <form className="sk-inline-form" onSubmit={submit}>
          <SelectField id={`${id}-question`} label={t('learning.link.label')} value={chosen || (open[0]?.id ?? '')} onChange={setChosen} options={open.map((q) => ({ value: q.id, label: label(q.text) }))} />
          <Button type="submit" appearance="secondary-action-button" busy={link.isPending}>
            {t('learning.link.submit')}
          </Button>
        </form>
      ) : null}
      {link.error ? <p role="alert">{errorText(link.error)}</p> : null}
    </div>
  );
}
