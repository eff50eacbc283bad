/**
 * Every setting the server, the worker and the staff commands read from the environment, in one schema, parsed
 * once by each entry point and passed down. A value that does not fit stops start-up with a message naming the
 * variable, rather than surfacing as a failure on some later request. An empty value counts as unset.
 * (Build-time values, which the pages bake in, are Astro's: `env.schema` in astro.config.mjs.)
 */
import { isIP } from 'node:net';
import * as z from 'zod';

/** An address (203.0.113.7, 2001:db8::1) or a range (10.0.0.0/8, 2001:db8::/32), as TRUSTED_PROXIES lists them. */
function isAddressOrRange(entry: string): boolean {
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d+$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

const onOff = z.enum(['on', 'off'], { error: 'must be "on" or "off"' });
const wholeNumber = (min: number, max = Number.MAX_SAFE_INTEGER) =>
  z.coerce
    .number({ error: 'must be a whole number' })
    .int({ error: 'must be a whole number' })
    .min(min, { error: `must be at least ${min}` })
    .max(max, { error: `must be at most ${max}` });
const address = z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// address' });

export const settingsSchema = z.object({
  /** The least important log lines written: trace, debug, info, warn, error, fatal (or silent). */
  LOG_LEVEL: z
    .enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'], {
      error: 'must be one of trace, debug, info, warn, error, fatal, silent',
    })
    .default('info'),
  /** Address the Node server listens on (0.0.0.0 behind a proxy). */
  HOST: z.string().default('127.0.0.1'),
  PORT: wholeNumber(1, 65_535).default(4321),
  /**
   * The site's public origin, for the links in emails (and, at build time, canonical URLs). Unset, the emails
   * wait, as their links would point nowhere; the links made for them (the newsletter's, a guardian's consent
   * link) fall back to `defaultSiteUrl`.
   */
  SITE_URL: address.optional(),
  /** A PostgreSQL server; unset, the embedded PGlite database in DATA_DIR. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// address' }).optional(),
  DATA_DIR: z.string().default('.data'),
  /**
   * Proxies in front of the server whose X-Forwarded-For names the visitor (addresses or ranges, comma-separated:
   * `127.0.0.1, 10.0.0.0/8`). Unset: the address a request came from is the visitor's.
   */
  TRUSTED_PROXIES: z
    .string()
    .transform((list) =>
      list
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().refine(isAddressOrRange, { error: 'must list IP addresses or ranges, like 10.0.0.0/8' })))
    .default([]),
  /** Signs the links in emails; unset, a key is made and kept in the database. */
  LINK_SIGNING_KEY: z.string().min(32, { error: 'must be at least 32 characters' }).optional(),
  /** Submissions each client address may send to each form in 10 minutes. */
  FORM_RATE_LIMIT: wholeNumber(1).default(10),
  /** off: the server neither delivers the outbox nor purges; `npm run worker` does. */
  WORKER: onOff.default('on'),
  /** off: the worker does not run the daily retention purge; `npm run privacy -- purge` from cron does. */
  RETENTION: onOff.default('on'),
  HUBSPOT_ACCESS_TOKEN: z.string().optional(),
  /** Another HubSpot API address (the tests' fake). */
  HUBSPOT_BASE_URL: address.optional(),
  /** Requests per 10 seconds this deployment may send HubSpot (the account allows 100, shared by every app). */
  HUBSPOT_REQUESTS_PER_10S: wholeNumber(1).optional(),
  RESEND_API_KEY: z.string().optional(),
  /** Another Resend API address (the tests' fake). */
  RESEND_BASE_URL: address.optional(),
  /** The sender of the site's emails, on a domain verified with Resend ("Clinic <hello@mail.example.com>"). */
  EMAIL_FROM: z.string().optional(),
  /** Where booking requests are sent for the front desk. */
  FRONT_DESK_EMAIL: z.email({ error: 'must be an email address' }).optional(),
});

export type Settings = z.output<typeof settingsSchema>;

/** The origin of `npm start` on this machine, when SITE_URL is not set. */
export const defaultSiteUrl = 'http://localhost:4321';
export type SettingName = keyof Settings;
export const settingNames = Object.keys(settingsSchema.shape) as SettingName[];

export class SettingsError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`The environment has settings that do not fit:\n${problems.map((problem) => `  ${problem}`).join('\n')}`);
    this.name = 'SettingsError';
    this.problems = problems;
  }
}

/** The settings in `env`, or a SettingsError naming every variable that does not fit. */
export function readSettings(env: Record<string, string | undefined>): Settings {
  const given = Object.fromEntries(settingNames.map((name) => [name, env[name] === '' ? undefined : env[name]]));
  const parsed = settingsSchema.safeParse(given);
  if (parsed.success) return parsed.data;
  throw new SettingsError(parsed.error.issues.map((issue) => `${String(issue.path[0])}: ${issue.message}`));
}
