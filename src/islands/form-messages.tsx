/**
 * A form island's language: each island's entry for a language (src/islands/en/, src/islands/hi/) gives the form
 * that language's catalogue (functions/forms/messages-*.ts) through this context, so a page loads its own
 * language's words only. The shared pieces (fields, error summary, the form's frame) read their few words from it,
 * in English for a form given none.
 */
import { type ComponentType, createContext, type ReactNode, useContext } from 'react';
import { englishFormChrome, englishSubmissionMessages, type FormMessages } from '#functions/forms/messages-en.ts';

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

/** The words every form's frame uses, and its language (undefined: a form that posts no language). */
export function useFormFrameWords() {
  const messages = useContext(FormMessagesContext);
  return {
    chrome: messages?.chrome ?? englishFormChrome,
    submission: messages?.submission ?? englishSubmissionMessages,
    locale: messages?.locale,
  };
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
