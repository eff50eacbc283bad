/**
 * What every lead form island shares: react-hook-form on the shared schema, the server's errors from a form sent
 * without JavaScript, the bot signals, and sending the form as JSON to its endpoint.
 *
 * The islands hydrate on the visitor's first interaction (interaction-directive.ts), so a visitor may have typed
 * before react-hook-form starts: it is given no starting values, and reads each field from the page as the field
 * registers. What the server sent back (a form posted without JavaScript) is in the page already.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { type ReactNode, type RefObject, useEffect, useLayoutEffect, useRef, useState } from 'react';
import {
  type DefaultValues,
  type FieldError,
  type FieldErrors,
  type FieldValues,
  get,
  type Path,
  useForm,
} from 'react-hook-form';
import type * as z from 'zod/mini';
import { ErrorSummary } from './Field.tsx';
import { useFormFrameWords } from './form-messages.tsx';
import { errorList, type FlatFieldErrors, focusFirstProblem, nestedErrors, postLead } from './form-state.ts';

export interface LeadFormState {
  submissionId: string;
  /** When the server showed the form (epoch ms): a form sent within seconds of it is a bot's. */
  startedAt: number;
  /** What the visitor posted without JavaScript, unchecked. */
  defaults: Record<string, unknown>;
  /** Field errors from a submission the server already checked (the no-JavaScript path). */
  serverErrors: FlatFieldErrors;
}

/** A form's pages in the page's language, given by the page: where it posts without JavaScript, and its thank-you page. */
export interface FormPages {
  action: string;
  thankYouPath: string;
}

interface LeadFormOptions<Values extends FieldValues> extends LeadFormState {
  schema: z.core.$ZodType<unknown, Values>;
  endpoint: string;
  /** Where the form posts without JavaScript: its own page. */
  action: string;
  /** Where an accepted form goes; `values` are what was sent. */
  thankYouPage: (reference: string, values: Values) => string;
  /** Every field's path in the order the form shows them: the error summary lists problems in this order. */
  fieldOrder: readonly Path<Values>[];
  /** Sent beside the fields, read when the form is sent. */
  extraBody?: () => Record<string, unknown>;
}

export function useLeadForm<Values extends FieldValues>({
  schema,
  endpoint,
  action,
  thankYouPage,
  fieldOrder,
  extraBody,
  submissionId,
  startedAt,
  defaults,
  serverErrors,
}: LeadFormOptions<Values>) {
  const { submission, locale } = useFormFrameWords();
  // Made once: react-hook-form resets its errors to this prop whenever the prop changes.
  const [errorsFromServer] = useState(() => nestedErrors(serverErrors) as FieldErrors<Values>);
  const methods = useForm<Values>({
    // The fields' values come from the page (see above); the resolver checks every value before anything is sent.
    // The form's language goes with them, for the server's answer and the lead's record.
    defaultValues: { submissionId, ...(locale && { locale }) } as DefaultValues<Values>,
    errors: errorsFromServer,
    // The raw values are posted: the server parses them with the same schema.
    resolver: zodResolver(schema, undefined, { raw: true }),
    // Checked when sent, then as each problem is fixed: an error appearing as a field loses focus would move
    // the control being clicked (the next box, or the send button) out from under the pointer.
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    shouldFocusError: false,
  });
  const { register, handleSubmit, formState, setError, setValue, watch } = methods;
  // A radio group registers one button at a time, and react-hook-form sets the group to its value so far as each
  // does: a choice made before hydration would be cleared. The choices are read as hydration starts, and given
  // back once every button has registered.
  const [radiosChosenEarly] = useState(() =>
    typeof document === 'undefined'
      ? []
      : [...document.querySelectorAll<HTMLInputElement>(`form[action="${action}"] input[type="radio"]:checked`)].map(
          (radio) => [radio.name, radio.value] as const,
        ),
  );
  useLayoutEffect(() => {
    for (const [name, value] of radiosChosenEarly) setValue(name as Path<Values>, value as never);
  }, [radiosChosenEarly, setValue]);
  const form = useRef<HTMLFormElement>(null);
  const honeypot = useRef<HTMLInputElement>(null);
  const [enhanced, setEnhanced] = useState(false);
  const [failure, setFailure] = useState<string>();
  useEffect(() => setEnhanced(true), []);

  const defaultText = (path: Path<Values>) => {
    const value = get(defaults, path) as unknown;
    return typeof value === 'string' ? value : '';
  };
  /** A field's value as it is now; until the fields register (on the server, while hydrating), as the page shows it. */
  const current = (path: Path<Values>): unknown => watch(path) ?? get(defaults, path);
  const error = (path: Path<Values>) => (get(formState.errors, path) as FieldError | undefined)?.message;
  const inFieldOrder = (problems: FieldErrors<Values>) => {
    const position = (path: string) => {
      const index = (fieldOrder as readonly string[]).indexOf(path);
      return index === -1 ? fieldOrder.length : index;
    };
    return errorList(problems).sort(([a], [b]) => position(a) - position(b));
  };

  const sentWithErrors = Object.keys(serverErrors).length > 0;

  const send = handleSubmit(
    async (values): Promise<void> => {
      setFailure(undefined);
      const result = await postLead(
        endpoint,
        { ...values, ...extraBody?.(), startedAt, website: honeypot.current?.value ?? '' },
        submission,
      );
      if (result.kind === 'accepted') {
        window.location.assign(thankYouPage(result.reference, values));
      } else if (result.kind === 'invalid') {
        for (const [path, message] of Object.entries(result.fields)) {
          setError(path as Path<Values>, { type: 'server', message });
        }
        focusFirstProblem(form.current, Object.keys(result.fields));
      } else {
        setFailure(result.message);
      }
    },
    (problems) =>
      focusFirstProblem(
        form.current,
        errorList(problems).map(([path]) => path),
      ),
  );

  return {
    ...methods,
    action,
    form,
    honeypot,
    enhanced,
    failure,
    send,
    errors: inFieldOrder(formState.errors),
    // Listed once the visitor has tried to send: a list appearing while they fill in the form would move it.
    showSummary: formState.submitCount > 0 || sentWithErrors,
    sentWithErrors,
    error,
    defaultText,
    current,
    text: (path: Path<Values>) => ({ ...register(path), defaultValue: defaultText(path) }),
    checkbox: (path: Path<Values>) => ({
      ...register(path),
      defaultChecked: get(defaults, path) === true,
      error: error(path),
    }),
  };
}

interface LeadFormFrameProps {
  lead: {
    action: string;
    form: RefObject<HTMLFormElement | null>;
    honeypot: RefObject<HTMLInputElement | null>;
    failure: string | undefined;
    send: () => Promise<void>;
    errors: [string, string][];
    showSummary: boolean;
    sentWithErrors: boolean;
    formState: { isSubmitting: boolean };
  };
  className: string;
  submissionId: string;
  startedAt: number;
  children: ReactNode;
}

/** The form element with its failure message, error summary and bot signals; the fields are its children. */
export function LeadFormFrame({ lead, className, submissionId, startedAt, children }: LeadFormFrameProps) {
  const { chrome, locale } = useFormFrameWords();
  return (
    <form
      ref={lead.form}
      className={className}
      method="post"
      action={lead.action}
      noValidate
      data-clarity-mask="true"
      onSubmit={lead.send}
      aria-busy={lead.formState.isSubmitting}
    >
      {lead.failure && (
        <p className="form-failure" role="alert">
          {lead.failure}
        </p>
      )}
      <ErrorSummary errors={lead.showSummary ? lead.errors : []} focusOnLoad={lead.sentWithErrors} />
      {/* Not registered: the form's values hold it already, and a hidden input would be "focused" as the first error. */}
      <input type="hidden" name="submissionId" value={submissionId} />
      {locale && <input type="hidden" name="locale" value={locale} />}
      {/* Bot signals sit outside the validated fields: a filled honeypot or an instant submission is discarded. */}
      <input type="hidden" name="startedAt" value={startedAt} />
      <div className="honeypot" aria-hidden="true">
        <label htmlFor="field-website">{chrome.honeypot}</label>
        <input
          id="field-website"
          name="website"
          type="text"
          tabIndex={-1}
          autoComplete="off"
          defaultValue=""
          ref={lead.honeypot}
        />
      </div>
      {children}
    </form>
  );
}
