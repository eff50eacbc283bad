import { handleLeadJson, type LeadForm } from '#functions/http/lead-forms.ts';

/** A lead form's JSON endpoint, as `POST /api/<form>` serves it, for a form the test made. */
export function leadHandler(form: LeadForm) {
  return (request: Request, clientAddress: string) => handleLeadJson(form, request, clientAddress);
}
