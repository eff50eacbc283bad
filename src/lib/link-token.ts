import { readFormBody } from '#functions/http/request-body.ts';

/** The token of a link page: from the address when the link is opened, from the form when its button is pressed. */
export async function linkToken(request: Request, url: URL): Promise<string> {
  if (request.method !== 'POST') return url.searchParams.get('token') ?? '';
  const form = await readFormBody(request, 1024);
  const token = form.ok ? form.value.get('token') : null;
  return typeof token === 'string' ? token : '';
}

/** The page of an emailed link that does not work (cut short or changed), or no longer does. */
export const brokenLinkPages = {
  expired: { status: 410, heading: 'This link has expired' },
  invalid: { status: 400, heading: 'This link does not work' },
} as const;
