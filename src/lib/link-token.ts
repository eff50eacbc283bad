import { readFormBody } from '#functions/http/request-body.ts';

/** The token of a link page: from the address when the link is opened, from the form when its button is pressed. */
export async function linkToken(request: Request, url: URL): Promise<string> {
  if (request.method !== 'POST') return url.searchParams.get('token') ?? '';
  const form = await readFormBody(request, 1024);
  const token = form.ok ? form.value.get('token') : null;
  return typeof token === 'string' ? token : '';
}
