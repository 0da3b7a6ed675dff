import type { ChangeEvent, InputHTMLAttributes, ReactNode, Ref, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { Checkbox } from '@utrecht/checkbox-react';
import { Fieldset, FieldsetLegend } from '@utrecht/fieldset-react';
import { FormField } from '@utrecht/form-field-react';
import { FormFieldDescription } from '@utrecht/form-field-description-react';
import { FormFieldErrorMessage } from '@utrecht/form-field-error-message-react';
import { FormLabel } from '@utrecht/form-label-react';
import { RadioButton } from '@utrecht/radio-button-react';
import { Textbox } from '@utrecht/textbox-react';

function describedBy(id: string, description: unknown, error: unknown): string | undefined {
  const ids = [description ? `${id}-description` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

interface LabelledFieldProps {
  id: string;
  label: string;
  description?: ReactNode;
  error?: string | undefined;
  className?: string | undefined;
  children: ReactNode;
}

/** Label, optional help text and error message (above the input, as NLDS advises), then the input. */
function LabelledField({ id, label, description, error, className, children }: LabelledFieldProps) {
  return (
    <FormField invalid={Boolean(error)} className={className}>
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={id}>{label}</FormLabel>
      </div>
      {description ? (
        <FormFieldDescription id={`${id}-description`} className="utrecht-form-field__description">
          {description}
        </FormFieldDescription>
      ) : null}
      {error ? (
        <FormFieldErrorMessage id={`${id}-error`} className="utrecht-form-field__error-message">
          {error}
        </FormFieldErrorMessage>
      ) : null}
      <div className="utrecht-form-field__input">{children}</div>
    </FormField>
  );
}

/** What every field with a text value has: its id, label, help text, error and value. */
interface ValueFieldProps {
  id: string;
  label: string;
  description?: ReactNode;
  error?: string | undefined;
  value: string;
  onChange: (value: string) => void;
}

/** The props that tie a control to its field: id, value, help and error to be read out, and changes. */
function controlProps<E extends HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>({
  id,
  description,
  error,
  value,
  onChange,
}: Omit<ValueFieldProps, 'label'>) {
  return {
    id,
    value,
    'aria-describedby': describedBy(id, description, error),
    onChange: (event: ChangeEvent<E>) => onChange(event.target.value),
  };
}

export interface TextFieldProps
  extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange' | 'children'>,
    ValueFieldProps {
  ref?: Ref<HTMLInputElement>;
}

export function TextField({ id, label, description, error, value, onChange, required, className, ref, ...rest }: TextFieldProps) {
  return (
    <LabelledField id={id} label={label} description={description} error={error} className={className}>
      <Textbox
        {...rest}
        {...controlProps<HTMLInputElement>({ id, description, error, value, onChange })}
        ref={ref}
        required={required}
        invalid={Boolean(error)}
      />
    </LabelledField>
  );
}

export interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'value' | 'onChange'>, ValueFieldProps {
  /** Extra class on the text area itself (className goes on the whole field). */
  inputClassName?: string;
  ref?: Ref<HTMLTextAreaElement>;
}

/** Like TextField, for longer text. */
export function TextAreaField({ id, label, description, error, value, onChange, className, inputClassName, ref, rows = 4, ...rest }: TextAreaFieldProps) {
  const classes = ['utrecht-textarea', 'utrecht-textarea--html-textarea', error ? 'utrecht-textarea--invalid' : null, inputClassName].filter(Boolean).join(' ');
  return (
    <LabelledField id={id} label={label} description={description} error={error} className={className}>
      <textarea
        {...rest}
        {...controlProps<HTMLTextAreaElement>({ id, description, error, value, onChange })}
        ref={ref}
        rows={rows}
        className={classes}
        aria-invalid={error ? true : undefined}
      />
    </LabelledField>
  );
}

export interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'value' | 'onChange'>, ValueFieldProps {
  options: ReadonlyArray<{ value: string; label: string }>;
}

export function SelectField({ id, label, description, error, value, onChange, options, className, ...rest }: SelectFieldProps) {
  return (
    <LabelledField id={id} label={label} description={description} error={error} className={className}>
      <select
        {...rest}
        {...controlProps<HTMLSelectElement>({ id, description, error, value, onChange })}
        className="utrecht-select utrecht-select--html-select"
        aria-invalid={error ? true : undefined}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </LabelledField>
  );
}

export interface CheckboxFieldProps {
  id: string;
  label: ReactNode;
  description?: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
}

export function CheckboxField({ id, label, description, checked, onChange, disabled }: CheckboxFieldProps) {
  return (
    <FormField type="checkbox" className="sk-choice">
      <div className="utrecht-form-field__input">
        <Checkbox
          id={id}
          checked={checked}
          disabled={disabled}
          aria-describedby={description ? `${id}-description` : undefined}
          onChange={(event) => onChange(event.target.checked)}
        />
      </div>
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={id} type="checkbox" checked={checked}>
          {label}
        </FormLabel>
      </div>
      {description ? (
        <FormFieldDescription id={`${id}-description`} className="utrecht-form-field__description">
          {description}
        </FormFieldDescription>
      ) : null}
    </FormField>
  );
}

export interface RadioOption<V extends string> {
  value: V;
  label: ReactNode;
  lang?: string;
}

export interface RadioGroupProps<V extends string> {
  id: string;
  legend: string;
  options: ReadonlyArray<RadioOption<V>>;
  value: V | null;
  onChange: (value: V) => void;
  error?: string | undefined;
}

export function RadioGroup<V extends string>({ id, legend, options, value, onChange, error }: RadioGroupProps<V>) {
  return (
    <Fieldset invalid={Boolean(error)} aria-describedby={error ? `${id}-error` : undefined} id={id}>
      <FieldsetLegend>{legend}</FieldsetLegend>
      {error ? (
        <FormFieldErrorMessage id={`${id}-error`}>{error}</FormFieldErrorMessage>
      ) : null}
      {options.map((option) => {
        const optionId = `${id}-${option.value}`;
        return (
          <FormField type="radio" key={option.value} className="sk-choice">
            <div className="utrecht-form-field__input">
              <RadioButton
                id={optionId}
                name={id}
                value={option.value}
                checked={value === option.value}
                onChange={() => onChange(option.value)}
              />
            </div>
            <div className="utrecht-form-field__label">
              <FormLabel htmlFor={optionId} type="radio" checked={value === option.value} lang={option.lang}>
                {option.label}
              </FormLabel>
            </div>
          </FormField>
        );
      })}
    </Fieldset>
  );
}

export { Fieldset, FieldsetLegend };
