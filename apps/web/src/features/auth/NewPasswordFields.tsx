import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/fields.js';
import { minimumPasswordLength } from './validation.js';

interface FieldInfo {
  id: string;
  label: string;
}

export interface NewPasswordFieldsProps {
  /** The ids and labels the form's error summary links to. */
  fields: { password: FieldInfo; repeat: FieldInfo };
  password: string;
  repeat: string;
  onPasswordChange: (value: string) => void;
  onRepeatChange: (value: string) => void;
  errors: { password?: string | undefined; repeat?: string | undefined };
}

/** A new password, with the length rule as help text, and the same again; password managers may offer one. */
export function NewPasswordFields({ fields, password, repeat, onPasswordChange, onRepeatChange, errors }: NewPasswordFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        id={fields.password.id}
        label={fields.password.label}
        description={t('invitation.passwordHelp', { count: minimumPasswordLength })}
        type="password"
        autoComplete="new-password"
        required
        value={password}
        error={errors.password}
        onChange={onPasswordChange}
      />
      <TextField
        id={fields.repeat.id}
        label={fields.repeat.label}
        type="password"
        autoComplete="new-password"
        required
        value={repeat}
        error={errors.repeat}
        onChange={onRepeatChange}
      />
    </>
  );
}

/** The client-side rules for a new password and its repetition, as useFormErrors' check takes them. */
export function newPasswordProblems(t: TFunction, password: string, repeat: string) {
  return {
    password: password.length < minimumPasswordLength && t('validation.passwordLength', { count: minimumPasswordLength }),
    repeat: repeat !== password && t('validation.passwordRepeat'),
  };
}
