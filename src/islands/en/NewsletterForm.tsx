import { englishFormMessages } from '#functions/forms/messages-en.ts';
import { inLanguage } from '../form-messages.tsx';
import { NewsletterForm } from '../NewsletterForm.tsx';

export default inLanguage(NewsletterForm, englishFormMessages);
