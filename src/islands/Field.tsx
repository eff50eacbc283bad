import type { InputHTMLAttributes, ReactNode, Ref } from 'react';
import { useFormFrameWords } from './form-messages.tsx';

interface FieldProps {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  optional?: boolean;
  /** Renders the control; receives the ARIA attributes that tie it to its hint and error. */
  children: (aria: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: true }) => ReactNode;
}

/** A labelled control with its hint and its error, announced together by screen readers. */
export function Field({ id, label, hint, error, optional = false, children }: FieldProps) {
  const { chrome } = useFormFrameWords();
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>
        {label}
        {optional && <span className="optional">{chrome.optional}</span>}
      </label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && <FieldError id={id} error={error} />}
      {children({
        id,
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        ...(error ? { 'aria-invalid': true } : {}),
      })}
    </div>
  );
}

type CheckboxFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'id' | 'children'> & {
  /** The field's path in the form (`consents.privacyNotice`): its name, and the source of its id. */
  name: string;
  error?: string | undefined;
  ref?: Ref<HTMLInputElement>;
  children: ReactNode;
};

/** A checkbox with its label after it and its error, if any, above both. */
export function CheckboxField({ name, error, children, ...input }: CheckboxFieldProps) {
  const id = fieldId(name);
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      {error && <FieldError id={id} error={error} />}
      <label className="choice">
        <input
          type="checkbox"
          id={id}
          name={name}
          {...input}
          {...(error ? { 'aria-describedby': `${id}-error`, 'aria-invalid': true } : {})}
        />
        <span>{children}</span>
      </label>
    </div>
  );
}

interface RadioGroupProps {
  /** The field's path in the form: the first radio gets its id, so the error summary's link focuses it. */
  name: string;
  legend: string;
  error?: string | undefined;
  options: readonly { value: string; label: string }[];
  /** The props each radio takes from the form library (its `name`, `ref` and handlers). */
  radio: Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'value'> & { ref?: Ref<HTMLInputElement> };
  checkedValue: string;
}

/** A set of radio buttons under a legend, with its error named in the group's description. */
export function RadioGroup({ name, legend, error, options, radio, checkedValue }: RadioGroupProps) {
  const id = fieldId(name);
  return (
    <fieldset className="radio-group" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      {error && <FieldError id={id} error={error} />}
      {options.map(({ value, label }, index) => (
        <label key={value} className="choice">
          <input
            type="radio"
            value={value}
            {...(index === 0 ? { id } : {})}
            {...radio}
            defaultChecked={checkedValue === value}
          />
          {label}
        </label>
      ))}
    </fieldset>
  );
}

interface ErrorSummaryProps {
  /** `[field path, message]`, in the form's order. */
  errors: readonly (readonly [string, string])[];
  /**
   * The page shows a form the server sent back: the browser focuses the list as the page loads (and scrolls to
   * it), with or without JavaScript. React only renders the attribute; it never focuses a div itself.
   */
  focusOnLoad?: boolean;
}

/** The list of problems above the form, each linking to its field. */
export function ErrorSummary({ errors, focusOnLoad = false }: ErrorSummaryProps) {
  const { chrome } = useFormFrameWords();
  if (errors.length === 0) return null;
  return (
    <div
      id="error-summary"
      className="error-summary"
      role="alert"
      aria-labelledby="error-summary-title"
      tabIndex={-1}
      // biome-ignore lint/a11y/noAutofocus: the visitor has just sent the form; its problems are what they need next.
      autoFocus={focusOnLoad}
    >
      <h2 id="error-summary-title">{chrome.summaryTitle(errors.length)}</h2>
      <ul>
        {errors.map(([field, message]) => (
          <li key={field}>
            <a href={`#${fieldId(field)}`}>{message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A field's error, with a word before it for screen readers ("Error:"), which the red text shows the eye. */
function FieldError({ id, error }: { id: string; error: string }) {
  const { chrome } = useFormFrameWords();
  return (
    <p className="error" id={`${id}-error`}>
      <span className="visually-hidden">{chrome.errorPrefix}</span>
      {error}
    </p>
  );
}

/** Form field paths (`guardian.mobile`) as element ids (`field-guardian-mobile`). */
export function fieldId(path: string): string {
  return `field-${path.replace(/\./g, '-')}`;
}
