/** The pages' words in each language (ui-en.ts, ui-hi.ts), and a page's own: its language read from its address. */
import type { Locale } from '#functions/clinic/locales.ts';
import { pageLocale } from './i18n.ts';
import { englishUi, type UiText } from './ui-en.ts';
import { hindiUi } from './ui-hi.ts';

export type { UiText };

export const uiText: Readonly<Record<Locale, UiText>> = { en: englishUi, hi: hindiUi };

/** The page's language and its words: `const { locale, t } = pageText(Astro)`. */
export function pageText(astro: Parameters<typeof pageLocale>[0]): { locale: Locale; t: UiText } {
  const locale = pageLocale(astro);
  return { locale, t: uiText[locale] };
}
