/**
 * A form island's language: each island's entry for a language (src/islands/en/, src/islands/hi/) gives the form
 * that language's catalogue (functions/forms/messages-*.ts) through this context, so a page loads its own
 * language's words only. The shared pieces (fields, error summary, the form's frame) read their few words from it:
 * none of them falls back on English, so that a Hindi page loads no English catalogue.
 */
import { type ComponentType, createContext, type ReactNode, useContext } from 'react';
import type { FormMessages } from '#functions/forms/messages-en.ts';

const FormMessagesContext = createContext<FormMessages | undefined>(undefined);

export function FormLanguage({ messages, children }: { messages: FormMessages; children: ReactNode }) {
  return <FormMessagesContext value={messages}>{children}</FormMessagesContext>;
}

/** The form's whole catalogue, for a form that is only ever rendered inside `FormLanguage`. */
export function useFormMessages(): FormMessages {
  const messages = useContext(FormMessagesContext);
  if (!messages) throw new Error('This form needs its language: render it inside <FormLanguage>.');
  return messages;
}

/** The words every form's frame uses, and its language. */
export function useFormFrameWords() {
  const { chrome, submission, locale } = useFormMessages();
  return { chrome, submission, locale };
}

/** A form in one language: what a language's island entry exports (src/islands/hi/NewsletterForm.tsx). */
export function inLanguage<Props extends object>(Form: ComponentType<Props>, messages: FormMessages) {
  return function FormInLanguage(props: Props) {
    return (
      <FormLanguage messages={messages}>
        <Form {...props} />
      </FormLanguage>
    );
  };
}
