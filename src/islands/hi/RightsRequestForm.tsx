import { hindiFormMessages } from '#functions/forms/messages-hi.ts';
import { inLanguage } from '../form-messages.tsx';
import { RightsRequestForm } from '../RightsRequestForm.tsx';

export default inLanguage(RightsRequestForm, hindiFormMessages);
