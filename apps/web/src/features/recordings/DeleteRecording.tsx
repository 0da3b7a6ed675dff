import { useId, useRef } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button } from '@utrecht/button-react';
import { Heading } from '../../components/Heading.js';
import { Paragraph } from '../../components/Paragraph.js';
import { deleteRecording, recordingKeys } from './api.js';
import { MutationError } from '../../components/QueryState.js';

/**
 * Deleting is final (the key is destroyed at once), so it asks first, in a modal dialog that
 * says so plainly, with "cancel" as the button that has focus.
 */
export function DeleteRecording({ recordingId, onDeleted }: { recordingId: string; onDeleted: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const dialogRef = useRef<HTMLDialogElement | null>(null);
  const titleId = useId();
  const textId = useId();

  const remove = useMutation({
    mutationFn: () => deleteRecording(recordingId),
    onSuccess: () => {
      dialogRef.current?.close();
      queryClient.removeQueries({ queryKey: recordingKeys.detail(recordingId) });
      queryClient.removeQueries({ queryKey: recordingKeys.views(recordingId) });
      void queryClient.invalidateQueries({ queryKey: recordingKeys.all });
      onDeleted();
    },
  });

  return (
    <>
      <Paragraph>{t('recordings.delete.explain')}</Paragraph>
      <div className="sk-actions">
        <Button
          appearance="secondary-action-button"
          hint="danger"
          onClick={() => {
            remove.reset();
            dialogRef.current?.showModal();
          }}
        >
          {t('recordings.delete.button')}
        </Button>
      </div>
      <dialog ref={dialogRef} className="sk-dialog" aria-labelledby={titleId} aria-describedby={textId}>
        <Heading level={2} id={titleId}>
          {t('recordings.delete.confirmTitle')}
        </Heading>
        <Paragraph id={textId}>{t('recordings.delete.confirmText')}</Paragraph>
        <MutationError error={remove.error} />
        <div className="sk-actions">
          <Button appearance="primary-action-button" hint="danger" busy={remove.isPending} disabled={remove.isPending} onClick={() => remove.mutate()}>
            {t('recordings.delete.confirm')}
          </Button>
          <Button appearance="secondary-action-button" autoFocus onClick={() => dialogRef.current?.close()}>
            {t('common.cancel')}
          </Button>
        </div>
      </dialog>
    </>
  );
}
