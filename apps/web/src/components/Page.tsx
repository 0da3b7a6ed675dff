import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Breadcrumbs, type Crumb } from './Breadcrumbs.js';
import { Heading } from './Heading.js';
import { Paragraph } from './Paragraph.js';

export interface PageProps {
  title: string;
  /** For the browser tab when it should differ from the h1 (a greeting is not a good tab name). */
  documentTitle?: string;
  /** One calm sentence under the title that says what this page is for. */
  intro?: ReactNode;
  children?: ReactNode;
  /**
   * The way back up, after the home page (which is always first). Leave out for a page directly
   * under home; `false` for pages outside the signed-in app (log-in, invitation) and home itself.
   */
  breadcrumbs?: readonly Crumb[] | false;
  /** The last crumb, when the h1 is too long for it. */
  crumbLabel?: string;
}

/**
 * Every page starts here: it owns the only h1 (the layout moves focus to it after navigation) and
 * sets the document title, so screen reader users hear where they landed.
 */
export function Page({ title, documentTitle, intro, children, breadcrumbs = [], crumbLabel }: PageProps) {
  const { t } = useTranslation();
  const product = t('app.name');
  const tabTitle = documentTitle ?? title;
  useEffect(() => {
    document.title = tabTitle === product ? product : `${tabTitle} · ${product}`;
  }, [tabTitle, product]);

  return (
    <div className="sk-page">
      {breadcrumbs === false ? null : <Breadcrumbs items={[{ to: '/', label: t('breadcrumbs.home') }, ...breadcrumbs]} current={crumbLabel ?? documentTitle ?? title} />}
      <Heading level={1} tabIndex={-1} className="sk-page__title">
        {title}
      </Heading>
      {intro ? <Paragraph lead>{intro}</Paragraph> : null}
      {children}
    </div>
  );
}

export function Section({ title, children, id }: { title: string; children?: ReactNode; id: string }) {
  return (
    <section className="sk-section" aria-labelledby={id}>
      <Heading level={2} id={id}>
        {title}
      </Heading>
      {children}
    </section>
  );
}
