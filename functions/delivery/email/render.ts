/** A React Email element as a ready email: its HTML, and a plain-text part derived from that HTML. */
import { render, toPlainText } from '@react-email/components';
import type { ReactElement } from 'react';

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

const plainTextSelectors = [
  // html-to-text writes headings in capitals by default; these read better as written.
  ...['h1', 'h2'].map((selector) => ({ selector, options: { uppercase: false } })),
  // A phone number or an address already says what its tel: or mailto: link would repeat.
  ...['tel:', 'mailto:'].map((scheme) => ({
    selector: `a[href^="${scheme}"]`,
    format: 'anchor',
    options: { ignoreHref: true },
  })),
];

export async function renderEmail(subject: string, body: ReactElement): Promise<RenderedEmail> {
  const html = await render(body);
  return { subject, html, text: toPlainText(html, { selectors: plainTextSelectors }) };
}
