/** Text, or text with links, as the pages' words carry it (RichText.astro renders it). */
export type Inline = string | { href: string; text: string };
export type Rich = string | readonly Inline[];
