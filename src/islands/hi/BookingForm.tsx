import { hindiFormMessages } from '#functions/forms/messages-hi.ts';
import { BookingForm } from '../BookingForm.tsx';
import { inLanguage } from '../form-messages.tsx';

export default inLanguage(BookingForm, hindiFormMessages);
