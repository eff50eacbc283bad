import type { APIRoute } from 'astro';
import { chooseLanguage } from '#functions/http/language-choice.ts';
import { jsonAnswer, methodNotAllowed, toResponse } from '#functions/http/responses.ts';

export const prerender = false;

/** The language switch: remembers the language of the page it leads to, and goes there. */
export const GET: APIRoute = ({ url }) => {
  const choice = chooseLanguage(url.searchParams.get('to'), { secure: url.protocol === 'https:' });
  if (!choice.ok) return toResponse(jsonAnswer(400, { error: 'invalid_page', message: choice.message }));
  return new Response(null, {
    status: 303,
    headers: { Location: choice.location, 'Set-Cookie': choice.setCookie, 'Cache-Control': 'no-store' },
  });
};

export const ALL: APIRoute = () => toResponse(methodNotAllowed(['GET']));
