import { createRightsRequestIntake } from '../../functions/leads/rights-request-intake';
import { clinic } from '../config/clinic';
import type { RightsRequestFormProps } from '../islands/RightsRequestForm';
import { type LeadFormSubmission, leadFormState, submitLeadForm } from './lead-form';
import { clinicDatabase, formRateLimiter } from './store';

export const rightsRequestIntake = createRightsRequestIntake({
  rateLimit: formRateLimiter(),
  database: clinicDatabase,
  deadlines: clinic.grievanceOfficer,
});

/** The no-JavaScript path: a plain form post to the rights page. */
export function submitRightsRequestForm(request: Request, clientAddress: string): Promise<LeadFormSubmission> {
  return submitLeadForm(request, clientAddress, rightsRequestIntake, []);
}

export function rightsRequestFormProps(url: URL, submission?: LeadFormSubmission): RightsRequestFormProps {
  return leadFormState(submission, { requestType: url.searchParams.get('type') ?? '', requesterRole: 'self' });
}
