import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button } from '@utrecht/button-react';
import { contract } from '@spreekkamer/shared';
import { Heading } from '../../components/Heading.js';
import { Link } from '../../components/Links.js';
import { Page } from '../../components/Page.js';
import { Paragraph } from '../../components/Paragraph.js';
import { useApplySession } from '../auth/session.js';
import { reviewPaths } from './paths.js';
import { MutationError } from '../../components/QueryState.js';
import { call } from '../../api/client.js';

const points = ['observe', 'ask', 'works', 'alternative', 'noVerdicts'] as const;

/** Observe, ask, name what works, offer another way; no verdicts. */
export function FeedbackGuideContent() {
  const { t } = useTranslation();
  return (
    <>
      <Paragraph>{t('reviews.feedbackGuide.intro')}</Paragraph>
      <ol className="sk-feedback-guide">
        {points.map((point) => (
          <li key={point}>{t(`reviews.feedbackGuide.${point}`)}</li>
        ))}
      </ol>
    </>
  );
}

/**
 * The step before someone's first comment on a colleague's conversation: shown until they confirm
 * it once (remembered on their account, so not again on another device).
 */
export function FeedbackGuideStep() {
  const { t } = useTranslation();
  const applySession = useApplySession();
  const seen = useMutation({
    mutationFn: () => call(contract.account.markFeedbackGuideSeen),
    onSuccess: applySession,
  });
  return (
    <section className="sk-feedback-guide-step" aria-labelledby="feedback-guide-title">
      <Heading level={2} id="feedback-guide-title">
        {t('reviews.feedbackGuide.title')}
      </Heading>
      <FeedbackGuideContent />
      <MutationError error={seen.error} />
      <Button appearance="primary-action-button" busy={seen.isPending} onClick={() => seen.mutate()}>
        {t('reviews.feedbackGuide.continue')}
      </Button>
    </section>
  );
}

/** /zo-geef-je-feedback — the same guidance, to read again at any time. */
export function FeedbackGuidePage() {
  const { t } = useTranslation();
  return (
    <Page title={t('reviews.feedbackGuide.title')} intro={t('reviews.feedbackGuide.pageIntro')} breadcrumbs={[{ to: reviewPaths.received, label: t('breadcrumbs.shared') }]}>
      <FeedbackGuideContent />
      <Paragraph>
        <Link to={reviewPaths.received}>{t('reviews.viewer.toList')}</Link>
      </Paragraph>
    </Page>
  );
}
