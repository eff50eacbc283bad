import { englishFormMessages } from '#functions/forms/messages-en.ts';
import { inLanguage } from '../form-messages.tsx';
import { RightsRequestForm } from '../RightsRequestForm.tsx';

export default inLanguage(RightsRequestForm, englishFormMessages);
