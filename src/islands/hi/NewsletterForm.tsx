import { hindiFormMessages } from '#functions/forms/messages-hi.ts';
import { inLanguage } from '../form-messages.tsx';
import { NewsletterForm } from '../NewsletterForm.tsx';

export default inLanguage(NewsletterForm, hindiFormMessages);
