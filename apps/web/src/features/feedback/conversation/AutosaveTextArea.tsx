import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TextAreaField } from '../../../components/fields.js';
import { PlainLanguageHints } from '../../../components/PlainLanguageHints.js';
import { useErrorText } from '../../../components/errors.js';
import { useFeedbackChange, type FeedbackChange } from './change.js';

export interface AutosaveTextAreaProps {
  id: string;
  label: string;
  description?: ReactNode;
  rows: number;
  maxLength: number;
  /** The text as the server has it now. */
  serverText: string;
  /** The change that stores a new text. */
  save: (text: string) => FeedbackChange;
  /** Plain-language hints under the field, for texts the client reads later. */
  plainLanguageHints?: boolean;
}

/**
 * A text written during the conversation. Saved when the field is left; text from the server
 * replaces what is shown only while nobody is typing in it, so polling never overwrites someone's words.
 */
export function AutosaveTextArea({ id, label, description, rows, maxLength, serverText, save, plainLanguageHints = false }: AutosaveTextAreaProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(serverText);
  const focused = useRef(false);
  const change = useFeedbackChange();
  const errorText = useErrorText();

  useEffect(() => {
    if (!focused.current) setText(serverText);
  }, [serverText]);

  return (
    <>
      <TextAreaField
        inputClassName="sk-feedback-area"
        id={id}
        label={label}
        description={description}
        rows={rows}
        maxLength={maxLength}
        value={text}
        error={change.error ? errorText(change.error) : undefined}
        onFocus={() => {
          focused.current = true;
        }}
        onBlur={() => {
          focused.current = false;
          if (text.trim() !== serverText) change.mutate(save(text));
        }}
        onChange={setText}
      />
      {plainLanguageHints ? <PlainLanguageHints text={text} /> : null}
      <p className="sk-feedback-saved" role="status">
        {change.isPending ? t('feedback.talk.saving') : change.isSuccess ? t('feedback.talk.saved') : ''}
      </p>
    </>
  );
}
