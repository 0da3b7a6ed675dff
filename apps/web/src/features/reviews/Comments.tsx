import { LinkToQuestion } from '../learning/LinkToQuestion.js';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button } from '@utrecht/button-react';
import { commentKindSchema, type Comment, type CommentKind } from '@spreekkamer/shared';
import { ApiError } from '../../api/client.js';
import { Alert } from '../../components/Alert.js';
import { RadioGroup, TextAreaField } from '../../components/fields.js';
import { Heading } from '../../components/Heading.js';
import { Paragraph } from '../../components/Paragraph.js';
import { MutationError, QueryStatus } from '../../components/QueryState.js';
import { useErrorText } from '../../components/errors.js';
import { SubmitActions } from '../../components/FormActions.js';
import { useSession } from '../auth/session.js';
import { formatClock } from '../recordings/format.js';
import { createComment, deleteComment, reviewKeys, setTakeaway, useComments } from './api.js';

export interface CommentsProps {
  momentId: string;
  momentSpan: readonly [number, number];
  /** The thread to read and write: a share's, or null for the owner (all threads; new remarks are their own). */
  shareId: string | null;
  isOwner: boolean;
  /** Where the player is now; new comments are pinned there (inside the moment). */
  currentTime: number;
  onSeek?: (seconds: number) => void;
}

const kinds = commentKindSchema.options;

/**
 * Comments on one moment, in threads: what someone sees, asks, finds strong, or suggests trying.
 * All text is shown as text. A comment that only judges gets a gentle question first.
 */
export function Comments({ momentId, momentSpan, shareId, isOwner, currentTime, onSeek }: CommentsProps) {
  const { t } = useTranslation();
  const comments = useComments(momentId, shareId);
  const list = comments.data?.comments ?? [];
  const roots = list.filter((c) => c.parentId === null);
  const headingId = useId();

  return (
    <section className="sk-comments" aria-labelledby={headingId}>
      <Heading level={3} id={headingId}>
        {t('reviews.comments.title')}
      </Heading>
      <QueryStatus query={comments} />
      {comments.data && roots.length === 0 ? <Paragraph className="sk-muted">{t('reviews.comments.empty')}</Paragraph> : null}
      {roots.length > 0 ? (
        <ol className="sk-comments__list">
          {roots.map((root) => (
            <li key={root.id} className="sk-comments__thread">
              <CommentItem comment={root} isOwner={isOwner} momentId={momentId} shareId={shareId} onSeek={onSeek} />
              {list.some((c) => c.parentId === root.id) ? (
                <ol className="sk-comments__replies" aria-label={t('reviews.comments.replies')}>
                  {list
                    .filter((c) => c.parentId === root.id)
                    .map((reply) => (
                      <li key={reply.id}>
                        <CommentItem comment={reply} isOwner={isOwner} momentId={momentId} shareId={shareId} onSeek={onSeek} />
                      </li>
                    ))}
                </ol>
              ) : null}
              <CommentForm momentId={momentId} momentSpan={momentSpan} shareId={root.shareId} parent={root} currentTime={currentTime} />
            </li>
          ))}
        </ol>
      ) : null}
      <CommentForm momentId={momentId} momentSpan={momentSpan} shareId={shareId} parent={null} currentTime={currentTime} />
    </section>
  );
}

function CommentItem({ comment, isOwner, momentId, shareId, onSeek }: { comment: Comment; isOwner: boolean; momentId: string; shareId: string | null; onSeek?: ((seconds: number) => void) | undefined }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { data: session } = useSession();
  const invalidate = () => queryClient.invalidateQueries({ queryKey: reviewKeys.commentsOfMoment(momentId) });
  const takeaway = useMutation({
    mutationFn: (value: boolean) => setTakeaway(comment.id, value),
    onSuccess: async () => {
      await invalidate();
      await queryClient.invalidateQueries({ queryKey: reviewKeys.allOutcomes });
    },
  });
  const remove = useMutation({ mutationFn: () => deleteComment(comment.id), onSuccess: invalidate });
  const mine = session?.user.id === comment.authorId;

  return (
    <article className={`sk-comment sk-comment--${comment.kind}${comment.takeaway ? ' sk-comment--takeaway' : ''}`} aria-label={t('reviews.comments.itemLabel', { author: comment.authorName, kind: t(`reviews.kinds.${comment.kind}`) })}>
      <p className="sk-comment__meta">
        <span className="sk-comment__kind">{t(`reviews.kinds.${comment.kind}`)}</span>
        <span>{comment.authorName}</span>
        {onSeek ? (
          <button type="button" className="sk-link-button" onClick={() => onSeek(comment.atSeconds)} aria-label={t('reviews.comments.seekTo', { time: formatClock(comment.atSeconds) })}>
            {formatClock(comment.atSeconds)}
          </button>
        ) : (
          <span>{formatClock(comment.atSeconds)}</span>
        )}
        {shareId === null && comment.shareId === null ? <span className="sk-muted">{t('reviews.comments.ownRemark')}</span> : null}
        {comment.takeaway ? <strong className="sk-comment__badge">{t('reviews.comments.takeawayBadge')}</strong> : null}
      </p>
      <p className="sk-comment__body">{comment.body}</p>
      {isOwner ? <LinkToQuestion kind="comment" targetId={comment.id} /> : null}
      <div className="sk-comment__actions">
        {isOwner ? (
          <Button appearance="subtle-button" busy={takeaway.isPending} aria-pressed={comment.takeaway} onClick={() => takeaway.mutate(!comment.takeaway)}>
            {comment.takeaway ? t('reviews.comments.unmarkTakeaway') : t('reviews.comments.markTakeaway')}
          </Button>
        ) : null}
        {mine ? (
          <Button appearance="subtle-button" busy={remove.isPending} onClick={() => remove.mutate()}>
            {t('reviews.comments.delete')}
          </Button>
        ) : null}
      </div>
      <MutationError error={takeaway.error ?? remove.error} />
    </article>
  );
}

interface CommentFormProps {
  momentId: string;
  momentSpan: readonly [number, number];
  shareId: string | null;
  parent: Comment | null;
  currentTime: number;
}

function CommentForm({ momentId, momentSpan, shareId, parent, currentTime }: CommentFormProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const id = useId();
  const textRef = useRef<HTMLTextAreaElement>(null);
  const [open, setOpen] = useState(parent === null);
  const [kind, setKind] = useState<CommentKind>(parent ? 'question' : 'observation');
  const [body, setBody] = useState('');
  const [nudged, setNudged] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const at = Math.min(Math.max(currentTime, momentSpan[0]), momentSpan[1]);

  const send = useMutation({
    mutationFn: (confirmJudging: boolean) =>
      createComment(momentId, { shareId, parentId: parent?.id ?? null, atSeconds: parent ? parent.atSeconds : at, kind, body, confirmJudging }),
    onSuccess: async () => {
      setBody('');
      setNudged(false);
      setProblem(null);
      if (parent) setOpen(false);
      await queryClient.invalidateQueries({ queryKey: reviewKeys.commentsOfMoment(momentId) });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'comment_judging') {
        setNudged(true);
        setProblem(null);
        return;
      }
      setProblem(errorText(error));
      textRef.current?.focus();
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!body.trim()) {
      setProblem(t('reviews.comments.emptyBody'));
      textRef.current?.focus();
      return;
    }
    send.mutate(false);
  }

  if (!open) {
    return (
      <Button appearance="subtle-button" className="sk-comments__reply" onClick={() => setOpen(true)}>
        {t('reviews.comments.reply')}
      </Button>
    );
  }

  return (
    <form className="sk-comment-form" onSubmit={submit} noValidate aria-label={parent ? t('reviews.comments.replyFormLabel', { author: parent.authorName }) : t('reviews.comments.newFormLabel')}>
      <RadioGroup
        id={`${id}-kind`}
        legend={t('reviews.comments.kindLegend')}
        options={kinds.map((value) => ({ value, label: `${t(`reviews.kinds.${value}`)} – ${t(`reviews.kindHints.${value}`)}` }))}
        value={kind}
        onChange={setKind}
      />
      <TextAreaField
        id={`${id}-body`}
        ref={textRef}
        label={parent ? t('reviews.comments.replyLabel') : t('reviews.comments.bodyLabel', { time: formatClock(at) })}
        description={t('reviews.comments.bodyHint')}
        value={body}
        maxLength={2000}
        error={problem ?? undefined}
        onChange={(value) => {
          setBody(value);
          if (nudged) setNudged(false);
        }}
      />
      {nudged ? (
        <Alert type="warning" role="alert" className="sk-nudge">
          <Paragraph>{t('reviews.comments.nudge')}</Paragraph>
          <div className="sk-actions">
            <Button appearance="primary-action-button" type="button" onClick={() => textRef.current?.focus()}>
              {t('reviews.comments.rewrite')}
            </Button>
            <Button appearance="secondary-action-button" type="button" busy={send.isPending} onClick={() => send.mutate(true)}>
              {t('reviews.comments.postAnyway')}
            </Button>
          </div>
        </Alert>
      ) : null}
      <SubmitActions label={parent ? t('reviews.comments.sendReply') : t('reviews.comments.send')} busy={send.isPending}>
        {parent ? (
          <Button appearance="subtle-button" type="button" onClick={() => setOpen(false)}>
            {t('common.cancel')}
          </Button>
        ) : null}
      </SubmitActions>
    </form>
  );
}

