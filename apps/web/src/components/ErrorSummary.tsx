import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.js';
import { Alert } from './Alert.js';
import { Heading } from './Heading.js';
import { Paragraph } from './Paragraph.js';
import { useErrorText } from './errors.js';

export interface FormErrors {
  message: string | null;
  /** Messages keyed by field name (the API's field path). */
  fields: Record<string, string>;
  /** Bumped on every submit that fails, so the summary takes focus again. */
  version: number;
}

const noErrors: FormErrors = { message: null, fields: {}, version: 0 };

export function useFormErrors() {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const [errors, setErrors] = useState<FormErrors>(noErrors);

  const show = useCallback((message: string | null, fields: Record<string, string> = {}) => {
    setErrors((previous) => ({ message, fields, version: previous.version + 1 }));
  }, []);

  const showError = useCallback(
    (error: unknown) => {
      // The server words field messages in Dutch only; in another language say it in general terms.
      const fields =
        error instanceof ApiError
          ? Object.fromEntries(
              error.fields.map((field) => [field.path, i18n.language === 'nl' ? field.message : t('errors.field_invalid')]),
            )
          : {};
      show(errorText(error), fields);
    },
    [errorText, i18n, show, t],
  );

  /** Checks client-side rules; shows them and returns false when something is wrong. */
  const check = useCallback(
    (fields: Record<string, string | null | false | undefined>) => {
      const problems = Object.fromEntries(
        Object.entries(fields).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
      );
      if (Object.keys(problems).length === 0) return true;
      show(t('errors.validation'), problems);
      return false;
    },
    [show, t],
  );

  const clear = useCallback(() => setErrors((previous) => ({ ...noErrors, version: previous.version })), []);

  return { errors, show, showError, check, clear };
}

export interface ErrorSummaryProps {
  errors: FormErrors;
  /** Field name → the input's id and its label, to link each message to its field. */
  fields: Record<string, { id: string; label: string }>;
}

/** The error summary at the top of a form; it takes focus so nobody misses that something is wrong. */
export function ErrorSummary({ errors, fields }: ErrorSummaryProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const entries = Object.entries(errors.fields);
  const visible = errors.message !== null || entries.length > 0;

  useEffect(() => {
    if (visible) ref.current?.focus();
  }, [errors.version, visible]);

  if (!visible) return null;
  return (
    <Alert type="error" ref={ref} tabIndex={-1} className="sk-error-summary" aria-labelledby={titleId}>
      <Heading level={2} id={titleId} className="sk-error-summary__title">
        {t('form.errorSummaryTitle')}
      </Heading>
      {errors.message ? <Paragraph>{errors.message}</Paragraph> : null}
      {entries.length > 0 ? (
        <ul className="utrecht-unordered-list">
          {entries.map(([name, message]) => {
            const field = fields[name];
            return (
              <li key={name} className="utrecht-unordered-list__item">
                {field ? (
                  <a
                    className="utrecht-link utrecht-link--html-a"
                    href={`#${field.id}`}
                    onClick={(event) => {
                      event.preventDefault();
                      document.getElementById(field.id)?.focus();
                    }}
                  >
                    {field.label}: {message}
                  </a>
                ) : (
                  message
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
    </Alert>
  );
}
