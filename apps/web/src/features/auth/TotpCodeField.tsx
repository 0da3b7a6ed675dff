import { TextField, type TextFieldProps } from '../../components/fields.js';

export type TotpCodeFieldProps = Omit<TextFieldProps, 'inputMode' | 'autoComplete' | 'maxLength' | 'className' | 'required'>;

/** The six digits from an authenticator app: a number keyboard, and the code the phone may offer. */
export function TotpCodeField(props: TotpCodeFieldProps) {
  return <TextField {...props} inputMode="numeric" autoComplete="one-time-code" maxLength={6} className="sk-field--code" required />;
}
