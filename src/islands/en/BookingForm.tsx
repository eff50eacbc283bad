import { englishFormMessages } from '#functions/forms/messages-en.ts';
import { BookingForm } from '../BookingForm.tsx';
import { inLanguage } from '../form-messages.tsx';

export default inLanguage(BookingForm, englishFormMessages);
