/**
 * The site's services for a server page. The Node server hands them to every request (`locals.site`); under
 * `astro dev`, or the adapter's own server, there is none, so one is made here from the environment, once per
 * process (on globalThis: the dev server reloads modules, and an embedded database must be opened once).
 */
import { createSite, type Site } from '#functions/http/site.ts';
import { readSettings } from '#functions/settings/settings.ts';
import { bookableTreatmentsForServer } from './catalogue.ts';

const slot = Symbol.for('clinic-site.site');
const holder = globalThis as { [slot]?: Site };

export function siteOf(locals: App.Locals): Site {
  if (locals.site) return locals.site;
  holder[slot] ??= createSite(readSettings(process.env), {
    bookableTreatments: bookableTreatmentsForServer,
  });
  return holder[slot];
}
