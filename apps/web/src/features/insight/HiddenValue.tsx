import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format.js';

/** A figure, or the dash that the page explains once; screen readers hear "niet getoond" instead of the dash. */
export function InsightValue({ value }: { value: number | null | undefined }) {
  const { t, i18n } = useTranslation();
  if (value === null || value === undefined) {
    return (
      <>
        <span aria-hidden="true">{t('insight.hiddenMark')}</span>
        <span className="sk-visually-hidden">{t('insight.hiddenLabel')}</span>
      </>
    );
  }
  return <>{formatNumber(value, i18n.language)}</>;
}
