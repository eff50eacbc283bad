/**
 * The policies must state what the code does. The facts the code decides (tracking services, tracker-free pages,
 * retention periods, the grievance officer and timelines, the processors and what they receive) reach the policies
 * through `{{token}}` and `{{table.*}}` placeholders filled from the same config; this test renders the policies
 * with the site's own Markdown processor (astro.config.mjs) and fails when one side changes without the other:
 * a fact missing from the policy, a period typed into it instead of taken from the config, a delivery to a
 * provider the policy does not name, or a link to a policy section that does not exist.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type MarkdownHeading, markdownConfigDefaults, parseFrontmatter } from '@astrojs/markdown-remark';
import { beforeAll, describe, expect, it } from 'vitest';
import astroConfig from '#astro.config.mjs';
import { clinic } from '#functions/clinic/clinic.ts';
import { consentSettings } from '#functions/clinic/consent.ts';
import { dataProtectionBoard } from '#functions/clinic/data-protection-board.ts';
import { rightsRequestTypes } from '#functions/clinic/form-choices.ts';
import { formatPhone } from '#functions/clinic/format.ts';
import { type Locale, locales, pathInLocale } from '#functions/clinic/locales.ts';
import {
  consentCategoryNames,
  consentManagerStatements,
  guardianConsentCheck,
  guardianConsentChecks,
  privacySignalNames,
  trackerFreePageNames,
  trackingServicePolicy,
} from '#functions/clinic/policy-wording.ts';
import { processors } from '#functions/clinic/processors.ts';
import { type RetentionPeriods, retention, retentionBySystem } from '#functions/clinic/retention.ts';
import { rightsRequestLabels } from '#functions/clinic/rights-request-labels.ts';
import { consentCookie, cookieFactsInHindi, trackingServices } from '#functions/clinic/tracking-services.ts';
import { usage } from '#functions/commands/privacy-args.ts';
import { consentReceiptSchema } from '#functions/consent/receipt.ts';
import { createEmailDeliveries } from '#functions/delivery/email/deliveries.ts';
import { bookingConfirmationEmail } from '#functions/delivery/email/templates/booking-confirmation.tsx';
import { frontDeskNotificationEmail } from '#functions/delivery/email/templates/front-desk-notification.tsx';
import { guardianConsentRequestEmail } from '#functions/delivery/email/templates/guardian-consent-request.tsx';
import { newsletterConfirmationEmail } from '#functions/delivery/email/templates/newsletter-confirmation.tsx';
import { rightsAcknowledgementEmail } from '#functions/delivery/email/templates/rights-acknowledgement.tsx';
import { createHubSpotDeliveries } from '#functions/delivery/hubspot/deliveries.ts';
import { appointmentPipeline, marketingEmailList, patientStageLabels } from '#functions/delivery/hubspot/properties.ts';
import { type OutboxJobKind, outboxJobProcessors } from '#functions/outbox/jobs.ts';
import { preferencesPath } from '#functions/preferences/preference-links.ts';
import { retentionCutoffs } from '#functions/privacy/retention-purge.ts';
import { requestSummaryMinutes, summaryKeys } from '#src/islands/booking-request-storage.ts';
import { clinicTokens } from '#src/lib/clinic-tokens.ts';
import { pagesForUnder18s } from '#src/lib/pages-for-under-18s.ts';
import { englishUi } from '#src/lib/ui-en.ts';
import { hindiUi } from '#src/lib/ui-hi.ts';
import {
  adultConfirmation,
  adultFrontDesk,
  guardianConsentRequest,
  newsletterConfirmation,
  rightsAcknowledgement,
} from '../support/email-payloads.ts';
import { testPreferencesUrl } from '../support/preferences-url.ts';

const root = join(import.meta.dirname, '../..');
/** Each language's policies: the English entries, and their Hindi twins. */
const legalDirectories: Readonly<Record<Locale, string>> = {
  en: join(root, 'content/legal'),
  hi: join(root, 'content/hi/legal'),
};

interface RenderedPolicy {
  version: string;
  /** The Markdown body as written, placeholders and all. */
  source: string;
  html: string;
  /** The whole page as plain text (typographic apostrophes made plain, so config text can be found in it). */
  text: string;
  headings: MarkdownHeading[];
  /** Each h2's id → its section (up to the next h2) as written and as rendered text. */
  sections: Map<string, { source: string; text: string }>;
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
function htmlToText(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(#x[\da-f]+|#\d+|\w+);/gi, (entity, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X'))
        return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
      if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
      return entities[name] ?? entity;
    })
    .replace(/\u2019/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

function splitSections(html: string, source: string): RenderedPolicy['sections'] {
  const sections: RenderedPolicy['sections'] = new Map();
  const htmlParts = html.split(/(?=<h2 id=")/);
  const sourceParts = source.split(/^(?=## )/m);
  for (const part of htmlParts) {
    const id = /^<h2 id="([^"]+)"/.exec(part)?.[1];
    if (!id) continue;
    const title = htmlToText(/^<h2[^>]*>(.*?)<\/h2>/s.exec(part)?.[1] ?? '');
    // A Hindi heading gives its English section's id: `## शीर्षक {#english-id}`.
    const written =
      sourceParts.find(
        (candidate) => candidate.startsWith(`## ${title}\n`) || candidate.startsWith(`## ${title} {#${id}}\n`),
      ) ?? '';
    sections.set(id, { source: written, text: htmlToText(part) });
  }
  return sections;
}

/**
 * Renders every legal entry of a language as the site does: Astro's unified processor with the config's remark
 * plugins, given the file (the plugin fills a file under content/hi/ in Hindi).
 */
async function renderPolicies(locale: Locale): Promise<Map<string, RenderedPolicy>> {
  const renderer = await astroConfig.markdown?.processor?.createRenderer?.({
    ...markdownConfigDefaults,
    syntaxHighlight: false,
  });
  if (!renderer) throw new Error('astro.config.mjs has no markdown processor');
  const policies = new Map<string, RenderedPolicy>();
  const directory = legalDirectories[locale];
  for (const file of await readdir(directory)) {
    if (!file.endsWith('.md')) continue;
    const { frontmatter, content } = parseFrontmatter(await readFile(join(directory, file), 'utf8'));
    const { code, metadata } = await renderer.render(content, { fileURL: pathToFileURL(join(directory, file)) });
    policies.set(file.replace(/\.md$/, ''), {
      version: String(frontmatter.version),
      source: content,
      html: code,
      text: htmlToText(code),
      headings: metadata.headings,
      sections: splitSections(code, content),
    });
  }
  return policies;
}

let rendered: Record<Locale, Map<string, RenderedPolicy>>;
let policies: Map<string, RenderedPolicy>;
beforeAll(async () => {
  rendered = { en: await renderPolicies('en'), hi: await renderPolicies('hi') };
  policies = rendered.en;
});

function policy(id: string, locale: Locale = 'en'): RenderedPolicy {
  const found = rendered[locale].get(id);
  if (!found) throw new Error(`No legal entry ${id} in ${locale}`);
  return found;
}

function section(policyId: string, sectionId: string, locale: Locale = 'en'): { source: string; text: string } {
  const found = policy(policyId, locale).sections.get(sectionId);
  if (!found) throw new Error(`${policyId} (${locale}) has no section #${sectionId}`);
  return found;
}

/** "12 months" for `websiteLeadMonths`: each period's unit is the end of its name. */
function periodText(key: string, value: number): string {
  const unit = /(Months|Days|Hours)$/.exec(key)?.[1]?.toLowerCase();
  if (!unit) throw new Error(`retention.${key} does not end in Months, Days or Hours`);
  return `${value} ${value === 1 ? unit.slice(0, -1) : unit}`;
}

/** Every file under `directory` whose name ends in one of `extensions`, as paths relative to the repository. */
async function filesUnder(directory: string, extensions: readonly string[]): Promise<string[]> {
  const entries = await readdir(join(root, directory), { recursive: true });
  return entries
    .filter((entry) => extensions.some((extension) => entry.endsWith(extension)))
    .map((entry) => relative(root, join(root, directory, entry)));
}

/** A number and a unit of time typed out ("12 months", "12 महीने"), where a config value should be. */
const typedPeriod = /\b\d+\s+(?:hours?|days?|weeks?|months?|years?)\b/gi;
const typedPeriods: Readonly<Record<Locale, RegExp>> = {
  en: typedPeriod,
  hi: /\d+\s+(?:घंटे|घंटों|दिन|दिनों|हफ़्ते|हफ़्तों|महीने|महीनों|साल|सालों|वर्ष)/g,
};
/** Periods the email service and the front desk keep to, which the systems table states (retentionBySystem). */
const periodsOfOtherSystems: (keyof typeof retention)[] = ['emailServiceLogDays', 'frontDeskMailboxMonths'];

/** Periods the law sets rather than the code, which the policies may state in words. */
const periodsFromLaw: Readonly<Record<Locale, readonly string[]>> = { en: ['7 years'], hi: ['7 साल'] };

/**
 * A page's source with the views and notices it renders (one language's page is often a view both languages
 * share, and a form's notice its own component), so that what the visitor reads is checked wherever it is written.
 */
async function pageWithItsParts(file: string): Promise<string> {
  const source = await readFile(file, 'utf8');
  const parts = [...source.matchAll(/from '#src\/((?:views\/\w+|components\/\w+Notice)\.astro)'/g)].map(([, path]) =>
    join(root, 'src', path ?? ''),
  );
  return [source, ...(await Promise.all(parts.map(pageWithItsParts)))].join('\n');
}

describe('the policies match the code', () => {
  it("the privacy policy's version is the one consent receipts record", () => {
    expect(policy('privacy-policy').version).toBe(consentSettings.policyVersion);
  });

  it('name every tracking service the site can load, in both policies', () => {
    const privacyTools = section('privacy-policy', 'cookies-and-analytics').text;
    const cookiePolicy = policy('cookie-policy').text;
    for (const service of trackingServices) {
      expect(privacyTools, `privacy policy, Cookies and analytics: ${service.label}`).toContain(service.label);
      expect(privacyTools, `privacy policy: ${service.label}'s provider`).toContain(service.provider);
      expect(cookiePolicy, `cookie policy: ${service.label}`).toContain(service.label);
    }
  });

  it('name every page that never loads a tracker, in both policies', () => {
    for (const route of consentSettings.trackerFreeRoutes) {
      expect(trackerFreePageNames.en[route], route).toBeTruthy();
      expect(section('privacy-policy', 'cookies-and-analytics').text, route).toContain(trackerFreePageNames.en[route]);
      expect(section('cookie-policy', 'pages-that-never-load-trackers').text, route).toContain(
        trackerFreePageNames.en[route],
      );
    }
  });

  it('state how long a cookie choice lasts as the banner and the consent cookie do', () => {
    const lasts = clinicTokens.en['consent.choiceLasts'];
    expect(lasts).toBe(consentCookie.duration);
    expect(section('cookie-policy', 'how-long-your-choice-lasts').text).toContain(`Your choice lasts ${lasts}.`);
    expect(section('privacy-policy', 'cookies-and-analytics').text).toContain(`Your choice lasts ${lasts}.`);
  });

  it('quote every retention period from the config, beside its row', () => {
    const { source, text } = section('privacy-policy', 'how-long-we-keep-information');
    for (const [key, value] of Object.entries(retention).filter(
      ([key]) => !(periodsOfOtherSystems as readonly string[]).includes(key),
    )) {
      expect(source, `the retention table must use {{retention.${key}}}`).toContain(`{{retention.${key}}}`);
      const row = source.split('\n').find((line) => line.startsWith('|') && line.includes(`{{retention.${key}}}`));
      expect(row, `a table row for retention.${key}`).toBeDefined();
      expect(text, `retention.${key}`).toContain(periodText(key, value));
    }
  });

  it('list every system the website writes to, with its periods from the config and who deletes what', () => {
    const { source, text } = section('privacy-policy', 'how-long-we-keep-information');
    expect(source).toContain('{{table.retentionBySystem}}');
    // The processors that keep what the forms send, and the front desk's mailbox the emails reach.
    for (const system of [
      "This website's database",
      'Our CRM (HubSpot)',
      'Our email service (Resend)',
      "Our front desk's mailbox",
    ]) {
      const row = retentionBySystem.en.find((candidate) => candidate.system === system);
      expect(row, system).toBeDefined();
      for (const cell of [row?.system, row?.keeps, row?.deleted, row?.by]) expect(text).toContain(cell);
    }
    const crm = retentionBySystem.en.find(({ system }) => system.includes('HubSpot'))?.deleted;
    expect(crm).toContain(periodText('websiteLeadMonths', retention.websiteLeadMonths));
    expect(crm).toContain(periodText('rightsRequestMonths', retention.rightsRequestMonths));
    for (const key of periodsOfOtherSystems) {
      expect(
        retentionBySystem.en.some(({ deleted }) => deleted.includes(periodText(key, retention[key]))),
        key,
      ).toBe(true);
    }
    // The stage the purge never deletes from is the one the policy names.
    for (const label of patientStageLabels) {
      expect(appointmentPipeline.stages.map((stage) => stage.label)).toContain(label);
      expect(text).toMatch(new RegExp(`[“"]${label}[”"]`));
    }
  });

  it('quote only periods the purge applies (server logs and backups are rotated by the host)', () => {
    const read = new Set<string>();
    const periods = new Proxy(retention, {
      get(target, key, receiver) {
        read.add(String(key));
        return Reflect.get(target, key, receiver);
      },
    }) as RetentionPeriods;
    retentionCutoffs(new Date('2026-11-23T00:00:00Z'), periods);
    const hostEnforced = ['serverLogDays', 'backupDays', ...periodsOfOtherSystems];
    expect([...read].sort()).toEqual(
      Object.keys(retention)
        .filter((key) => !hostEnforced.includes(key))
        .sort(),
    );
  });

  it('type no period that the config holds, in either language: every number of hours, days or months is a token', () => {
    for (const locale of locales) {
      for (const [id, { source }] of rendered[locale]) {
        const typed = [...source.matchAll(typedPeriods[locale])].map((match) => match[0]);
        expect(
          typed.filter((period) => !periodsFromLaw[locale].includes(period)),
          `${locale}: ${id}.md: use a {{token}}`,
        ).toEqual([]);
      }
    }
  });

  it('the form pages and their notice type no period either', async () => {
    const files = [
      'src/components/FormNotice.astro',
      ...(
        await Promise.all(
          consentSettings.trackerFreeRoutes.map((route) => filesUnder(join('src/pages', route), ['.astro'])),
        )
      ).flat(),
    ];
    for (const file of files) {
      const typed = [...(await readFile(join(root, file), 'utf8')).matchAll(typedPeriod)].map((match) => match[0]);
      expect(typed, `${file}: take the period from the config`).toEqual([]);
    }
  });

  it("say exactly how a minor's guardian consent is verified, and what happens until then, in the policy, the booking notice and the guardian's email", async () => {
    const appointments = section('privacy-policy', 'website-forms-and-appointment-requests');
    expect(appointments.source).toContain('{{minors.consentCheck}}');
    expect(appointments.text).toContain(guardianConsentCheck);
    expect(guardianConsentCheck).toContain(`${retention.unverifiedMinorRequestDays} days`);
    const bookingPage = await pageWithItsParts(join(root, 'src/pages/book/index.astro'));
    expect(bookingPage, 'the booking notice quotes its words').toMatch(/text: text\.guardianCheck\b/);
    // The notice and the guardian's email say it in their language, from the same record.
    expect(guardianConsentChecks.en).toBe(guardianConsentCheck);
    expect(guardianConsentChecks.hi).toContain(`${retention.unverifiedMinorRequestDays} दिनों`);
    for (const [locale, ui] of [
      ['en', englishUi],
      ['hi', hindiUi],
    ] as const) {
      expect(ui.booking.notice.guardianCheck).toBe(guardianConsentChecks[locale]);
      const email = await guardianConsentRequestEmail(guardianConsentRequest({ locale }), {
        siteUrl: 'https://clinic.example',
        preferencesUrl: 'https://clinic.example/preferences/?token=t',
      });
      expect(email.text.replace(/\s+/g, ' ')).toContain(guardianConsentChecks[locale]);
    }
  });

  it('promise, for children, the verification and the deletion of an unverified request after its period', () => {
    const children = section('privacy-policy', 'children-and-teenagers').text;
    expect(children).toContain('we verify that consent before we book');
    expect(children).toContain(`not verified within ${retention.unverifiedMinorRequestDays} days is deleted`);
  });

  it('name the grievance officer, their contacts and the timelines', () => {
    const officer = clinic.grievanceOfficer;
    const grievances = section('privacy-policy', 'grievances-and-complaints').text;
    for (const fact of [officer.name, officer.email, formatPhone(officer.phone), officer.postalAddress]) {
      expect(grievances).toContain(fact);
    }
    const timelines = [`${officer.acknowledgeWithinHours} hours`, `${officer.resolveWithinDays} days`];
    for (const timeline of timelines) {
      expect(grievances, timeline).toContain(timeline);
      expect(section('privacy-policy', 'your-rights').text, `How to make a request: ${timeline}`).toContain(timeline);
    }
    expect(grievances).toContain('Data Protection Board of India');
  });

  it('point to the privacy rights page and list every request type it takes', () => {
    const rights = section('privacy-policy', 'your-rights');
    expect(policy('privacy-policy').html).toContain('<h3 id="how-to-make-a-request">');
    expect(rights.source).toContain('](/privacy-rights/)');
    for (const type of Object.values(rightsRequestTypes)) expect(rights.text).toContain(type.label);
  });

  it('name every processor, with what it receives and where', () => {
    const providers = section('privacy-policy', 'service-providers-we-use').text;
    for (const processor of processors) {
      for (const fact of [processor.name, processor.purpose, processor.receives, processor.location]) {
        expect(providers, processor.id).toContain(fact);
      }
    }
  });

  it("list, under each processor, exactly the deliveries the code sends it, and no delivery goes to one that isn't listed", () => {
    const deliveriesByProvider = {
      HubSpot: createHubSpotDeliveries({ accessToken: 'pat-test' }),
      Resend: createEmailDeliveries({
        apiKey: 're_test',
        from: 'Clinic <hello@mail.example.com>',
        frontDeskEmail: 'desk@example.com',
        siteUrl: 'https://clinic.example',
        preferencesUrl: testPreferencesUrl('https://clinic.example'),
      }),
    };
    const jobKinds = Object.keys(outboxJobProcessors) as OutboxJobKind[];
    const listedUnder = (processorId: string) => jobKinds.filter((kind) => outboxJobProcessors[kind] === processorId);
    for (const kind of jobKinds) {
      expect(
        processors.map((processor) => processor.id),
        `${kind} goes to a processor the policy lists`,
      ).toContain(outboxJobProcessors[kind]);
    }
    for (const [provider, deliveries] of Object.entries(deliveriesByProvider)) {
      const processor = processors.find((candidate) => candidate.name === provider);
      expect(processor, `${provider} is missing from functions/clinic/processors.ts`).toBeDefined();
      expect(listedUnder(processor?.id ?? '').sort()).toEqual(Object.keys(deliveries).sort());
    }
    expect(jobKinds.sort()).toEqual(Object.values(deliveriesByProvider).flatMap(Object.keys).sort());
  });

  it('say what the booking thank-you page keeps in the tab, for how long, and that it is never who asked', () => {
    const { source, text } = section('cookie-policy', 'categories-we-use');
    expect(source).toContain('{{bookingSummary.minutes}} minutes');
    expect(text).toContain(`for ${requestSummaryMinutes} minutes`);
    const named = {
      reference: 'your reference',
      treatment: 'the treatment',
      clinic: 'the clinic',
      day: 'the day',
      time: 'the time of day',
    };
    expect(Object.keys(named).sort()).toEqual([...summaryKeys].sort());
    for (const words of Object.values(named)) expect(text).toContain(words);
    expect(text).toContain('never your name or contact details');
  });

  it("the cookie table lands in the cookie policy's last section, which introduces it", () => {
    const headings = policy('cookie-policy').headings.filter((heading) => heading.depth === 2);
    expect(headings.at(-1)?.slug).toBe('cookies-on-this-site');
  });

  it('every link to a policy section, from any page, form, notice, email or policy, finds its heading', async () => {
    // Hashes the consent script acts on (the footer's "Cookie settings" on form pages opens the preferences).
    const consentScript = await readFile(join(root, 'src/scripts/consent/main.ts'), 'utf8');
    const scriptHashes = new Set(
      [...consentScript.matchAll(/location\.hash === '#([\w-]+)'/g)].map((match) => match[1]),
    );
    const files = [
      ...(await filesUnder('src', ['.astro', '.ts', '.tsx'])),
      ...(await filesUnder('functions', ['.ts', '.tsx'])),
      ...(await filesUnder('content', ['.md'])),
    ];
    const links: string[] = [];
    for (const file of files) {
      const text = await readFile(join(root, file), 'utf8');
      for (const [, page, anchor] of text.matchAll(/\/([\w-]+)\/#([\w-]+)/g)) {
        if (!page || !anchor || !policies.has(page)) continue;
        links.push(`${file} → /${page}/#${anchor}`);
        const slugs = policy(page).headings.map((heading) => heading.slug);
        const found = slugs.includes(anchor) || (page === 'cookie-policy' && scriptHashes.has(anchor));
        expect(found, `${file} links to /${page}/#${anchor}, which does not exist`).toBe(true);
      }
    }
    expect(links.length).toBeGreaterThan(10);
  });

  it('every form page shows the itemised notice, linking to its policy section and the grievance section', async () => {
    // The preferences page takes no details: it changes choices the person's form gave, and links the policy.
    for (const route of consentSettings.trackerFreeRoutes.filter((route) => route !== '/preferences/')) {
      const page = await pageWithItsParts(join(root, 'src/pages', route, 'index.astro'));
      expect(page, `${route} uses FormNotice`).toMatch(/<FormNotice\b/);
      expect(page, `${route}: the notice's policy link`).toMatch(/policy=\{\{\s*href:\s*'\/privacy-policy\/#[\w-]+'/);
    }
    const notice = await readFile(join(root, 'src/components/FormNotice.astro'), 'utf8');
    // The Board's name and online address come from the config, as in the policy and the banner.
    expect(notice).toContain('board: dataProtectionBoard.name');
    expect(notice).toContain('website: dataProtectionBoard.website');
    for (const ui of [englishUi, hindiUi]) {
      const officer = clinic.grievanceOfficer;
      const board = { board: dataProtectionBoard.name, host: 'board.example', website: dataProtectionBoard.website };
      const words = JSON.stringify([
        ui.formNotice.complaintsText(officer.email, board.board, board.host, board.website),
        ui.formNotice.questionsText({ ...officer, phone: '', phoneHref: '', hours: 1, days: 1, ...board }),
      ]);
      expect(words).toContain('/privacy-policy/#grievances-and-complaints');
      expect(words).toContain(dataProtectionBoard.name);
      expect(words).toContain(dataProtectionBoard.website);
    }
  });
});

describe('the policies match the code: tracking', () => {
  const signalSection = () => section('cookie-policy', 'global-privacy-control-and-do-not-track');

  it('name exactly the privacy signals the banner honours, and the categories they keep off', () => {
    const privacyRules = section('privacy-policy', 'cookies-and-analytics');
    expect(signalSection().source).toContain('{{consent.privacySignals}}');
    expect(privacyRules.source).toContain('{{consent.privacySignals}}');
    for (const [signal, name] of Object.entries(privacySignalNames)) {
      const honoured = (consentSettings.privacySignals as readonly string[]).includes(signal);
      expect(signalSection().text.includes(name), `cookie policy: ${name}`).toBe(honoured);
      expect(privacyRules.text.includes(name), `privacy policy: ${name}`).toBe(honoured);
    }
    for (const category of consentSettings.privacySignalRefuses) {
      expect(signalSection().text).toContain(`we treat it as a refusal of ${category}`);
      expect(signalSection().text).toMatch(/even if you choose .Accept all./);
    }
  });

  it('say that the receipt records the signal, as the receipt schema asks for it', () => {
    expect(consentReceiptSchema.shape.privacySignal.options).toEqual([...consentSettings.privacySignals, 'none']);
    expect(section('cookie-policy', 'how-we-ask-for-consent').text).toContain(
      'whether your browser sent a privacy signal',
    );
    expect(section('privacy-policy', 'cookies-and-analytics').text).toContain(
      'whether your browser sent a privacy signal',
    );
  });

  it('list every page written for under-18s, from the content flag the pages use, and those pages only', () => {
    const pages = pagesForUnder18s();
    expect(pages.map((page) => page.path)).toContain('/treatments/braces-for-teens/');
    const { source, text } = section('cookie-policy', 'pages-that-never-load-trackers');
    expect(source).toContain('{{list.pagesForUnder18s}}');
    const listed = [
      ...policy('cookie-policy').html.matchAll(/<li><a href="(\/treatments\/[^"]+)">([^<]+)<\/a><\/li>/g),
    ];
    expect(listed.map(([, path]) => path)).toEqual(pages.map((page) => page.path));
    for (const page of pages) expect(text).toContain(page.titles.en);
    expect(section('privacy-policy', 'children-and-teenagers').text).toContain(
      'Pages written for teenagers never load tracking tools',
    );
  });

  it('say how trackers are kept out of forms, as the loaders do it', async () => {
    const loaders = await readFile(join(root, 'src/scripts/consent/loaders.ts'), 'utf8');
    expect(loaders).toContain("fbq('set', 'autoConfig', false, id)");
    expect(loaders.indexOf("'autoConfig', false")).toBeLessThan(loaders.indexOf("fbq('init', id)"));
    expect(loaders).toContain("setAttribute('data-clarity-mask', 'true')");
    expect(loaders).not.toMatch(/fbq\('init', id, /);
    for (const text of [policy('cookie-policy').text, section('privacy-policy', 'cookies-and-analytics').text]) {
      expect(text).toContain('Microsoft Clarity masks every form and form field');
      expect(text).toContain("Meta Pixel's automatic configuration");
      expect(text).toMatch(/advanced.matching/);
    }
  });
});

describe('the policies match the code: records and logs', () => {
  it('keep the processing record at least a year, as DPDP Rules 2025 r.8(3) asks, and say so', () => {
    expect(retention.processingLogMonths).toBeGreaterThanOrEqual(12);
    const row = section('privacy-policy', 'how-long-we-keep-information')
      .source.split('\n')
      .find((line) => line.includes('{{retention.processingLogMonths}}'));
    expect(row).toContain('never a name, email address, phone number or address');
    expect(row).toContain('even after the request itself is erased');
  });

  it('say what the server logs, and no log line of the server code names a client or quotes a query', async () => {
    const collected = section('privacy-policy', 'what-we-collect').text;
    expect(collected).toContain('the page address without anything after a');
    expect(collected).toContain("These logs never hold your IP address, your browser's details");
    expect(collected).not.toMatch(/records your IP address/);
    const logCalls = /\b(?:console|logger|log)\.(?:trace|debug|log|info|warn|error|fatal)\(([^;]*)\);/g;
    for (const file of await filesUnder('functions', ['.ts', '.tsx'])) {
      for (const [, args] of (await readFile(join(root, file), 'utf8')).matchAll(logCalls)) {
        expect(args, `${file} logs a client's details`).not.toMatch(
          /clientAddress|remoteAddress|socket|user-?agent|headers|searchParams|\.search\b/i,
        );
      }
    }
  });

  it('state what happens to backups after an erasure, with the period the host keeps them', () => {
    const backups = section('privacy-policy', 'how-long-we-keep-information');
    expect(policy('privacy-policy').html).toContain('<h3 id="backups-after-erasure">');
    expect(backups.source).toMatch(
      /disappears from the backups as they are overwritten, within \{\{retention\.backupDays\}\} days/,
    );
    // The promise to repeat erasures after a restore is kept by the privacy command.
    expect(backups.text).toContain('we repeat the erasures made since it was taken');
    expect(usage).toContain('repeat-erasures <reference>...');
    expect(usage).toContain('erasures --since <time>');
  });
});

describe('the policies match the code: withdrawing consent', () => {
  it('promise no WhatsApp STOP reply, which nothing on the site receives, in the policies or the form notices', async () => {
    // No job goes to a WhatsApp provider (crm.whatsapp-consent records a consent in the CRM, and sends nothing).
    expect(Object.values(outboxJobProcessors).filter((processor) => processor.includes('whatsapp'))).toEqual([]);
    const notices = await Promise.all(
      ['src/pages/book/index.astro', 'src/pages/newsletter/index.astro', 'src/pages/privacy-rights/index.astro'].map(
        (file) => readFile(join(root, file), 'utf8'),
      ),
    );
    const texts = locales.flatMap((locale) => [...rendered[locale].values()].map(({ text }) => text));
    for (const text of [...texts, ...notices]) {
      expect(text).not.toMatch(/reply\s+(?:\*\*)?STOP/i);
    }
  });

  it('name the preferences page that every email links as a way to withdraw, as easy as consenting (DPDP s.6(4))', async () => {
    expect(clinicTokens.en['preferences.path']).toBe(preferencesPath);
    expect(clinicTokens.hi['preferences.path']).toBe(`/hi${preferencesPath}`);
    for (const page of ['src/pages/preferences/index.astro', 'src/pages/hi/preferences/index.astro']) {
      expect(await readFile(join(root, page), 'utf8'), page).toContain('preferencesPage(Astro)');
    }
    for (const id of [
      'summary',
      'website-forms-and-appointment-requests',
      'how-long-we-keep-information',
      'your-rights',
    ]) {
      expect(section('privacy-policy', id).source, id).toContain('[your choices]({{preferences.path}})');
    }
    expect(section('privacy-policy', 'website-forms-and-appointment-requests').text).toContain(
      'open your choices from the link in any email we send you: one button each, no login, as easy as ticking the box was',
    );
    expect(section('privacy-policy', 'your-rights').text).toContain(
      'turning one back on is a new consent, recorded with its own time',
    );
    // The notices that say how to withdraw name it too, in both languages.
    for (const [ui, name] of [
      [englishUi, '"your choices"'],
      [hindiUi, '"अपनी पसंद"'],
    ] as const) {
      for (const words of [
        ui.booking.notice.summary.withdraw,
        ui.booking.notice.withdraw,
        ui.newsletter.notice.summary.withdraw,
        ui.newsletter.notice.leaving,
      ]) {
        expect(JSON.stringify(words)).toContain(JSON.stringify(name).slice(1, -1));
      }
    }
    // Every email to a person carries the link; the front desk's does not.
    const preferencesUrl = 'https://clinic.example/preferences/?token=booking_KC-7Q4M-X2P9.never.signature';
    const emails = [
      await bookingConfirmationEmail(adultConfirmation(), { siteUrl: 'https://clinic.example', preferencesUrl }),
      await guardianConsentRequestEmail(guardianConsentRequest(), {
        siteUrl: 'https://clinic.example',
        preferencesUrl,
      }),
      await newsletterConfirmationEmail(newsletterConfirmation(), { preferencesUrl }),
      await rightsAcknowledgementEmail(rightsAcknowledgement(), { preferencesUrl }),
    ];
    for (const email of emails) {
      expect(email.html, email.subject).toContain(`href="${preferencesUrl}"`);
      expect(email.text, email.subject).toContain(preferencesUrl);
    }
    expect((await frontDeskNotificationEmail(adultFrontDesk())).html).not.toContain('/preferences/');
  });

  it("say marketing emails only the CRM's list of those who agreed, as crm:setup makes it", () => {
    expect(section('privacy-policy', 'who-can-see-your-information').text).toContain(
      'they email only a list our CRM keeps of the people who agreed and have not withdrawn, never anyone under 18',
    );
    const [branch] = marketingEmailList({ legacyMinorFlag: true }).filterBranch.filterBranches;
    expect(branch?.filters.map(({ property, operation }) => [property, operation.value])).toEqual([
      ['clinic_email_news_consent', true],
      ['clinic_is_minor', false],
    ]);
  });

  it('say what a stop-marketing request withdraws at once, as the store and the CRM delivery do', () => {
    const request = section('privacy-policy', 'your-rights').text;
    expect(request).toContain('for the email address and mobile number you give');
    expect(request).toContain('to both marketing email and WhatsApp updates for the mobile number');
    expect(request).toContain('If our CRM does not know you, nothing is added there to record it');
    const newsletter = section('privacy-policy', 'website-forms-and-appointment-requests').text;
    expect(newsletter).toContain('our CRM (HubSpot) records your subscription, with both times');
    expect(processors.find(({ id }) => id === 'hubspot')?.receives).toContain('when you agreed and confirmed');
  });
});

describe('the policies match the code: notice duties', () => {
  it("say how to complain to the Data Protection Board online, after the clinic's own process", () => {
    const grievances = section('privacy-policy', 'grievances-and-complaints');
    expect(grievances.source).toContain('{{dataProtectionBoard.website}}');
    expect(grievances.text).toContain(dataProtectionBoard.website);
    expect(grievances.text).toContain('you make your complaint online');
    expect(grievances.text).toContain('The law asks you to use our grievance process first');
    expect(section('cookie-policy', 'changing-or-withdrawing-your-choice').text).toContain(dataProtectionBoard.name);
  });

  it('mention Consent Managers as a way to give, manage and withdraw consent, and which the clinic uses', () => {
    const managers = clinicTokens.en['consent.managers'] ?? '';
    for (const text of [section('privacy-policy', 'your-rights').text, policy('cookie-policy').text]) {
      expect(text).toContain('Consent Manager registered with the');
      expect(text).toContain(managers);
    }
    for (const manager of consentSettings.consentManagers) expect(managers).toContain(manager.name);
    if (consentSettings.consentManagers.length === 0) expect(managers).toContain('do not work with a Consent Manager');
  });

  it('publish the security contact that /.well-known/security.txt gives', async () => {
    const security = section('privacy-policy', 'how-we-protect-information');
    expect(security.text).toContain(clinic.securityContact.email);
    expect(security.source).toContain('](/.well-known/security.txt)');
    const endpoint = await readFile(join(root, 'src/pages/.well-known/security.txt.ts'), 'utf8');
    expect(endpoint).toContain('clinic.securityContact');
    expect(endpoint).toContain('/privacy-policy/#reporting-a-security-problem');
  });

  it('say how far ahead and where a change is announced, and what happens on a business transfer', () => {
    const changes = section('privacy-policy', 'changes-to-this-policy');
    expect(changes.source).toContain('at least {{policy.changeNoticeDays}} days before it takes effect');
    expect(changes.text).toContain(`at least ${consentSettings.policyChangeNoticeDays} days`);
    expect(changes.text).toContain('the cookie banner asks for your choice again');
    const transfer = section('privacy-policy', 'if-our-clinics-change-hands').text;
    expect(transfer).toContain('only for the purposes in this policy');
    expect(transfer).toContain('We will tell you before it happens');
  });
});

/** "12 months", "12 महीने": a period as each language's policy writes it after its token. */
function periodIn(locale: Locale, key: string, value: number): string {
  if (locale === 'en') return periodText(key, value);
  const unit = /(Months|Days|Hours)$/.exec(key)?.[1];
  const hindiUnits: Record<string, string> = { Months: 'महीने', Days: 'दिन', Hours: 'घंटे' };
  return `${value} ${hindiUnits[unit ?? ''] ?? ''}`;
}

const tokensOf = (source: string) => [...new Set(source.match(/\{\{\s*[\w.]+\s*\}\}/g) ?? [])].sort();

describe('the Hindi policies are the English ones in Hindi', () => {
  it('have the same entries, each quoting exactly the tokens and blocks of its English entry', () => {
    expect([...rendered.hi.keys()].sort()).toEqual([...rendered.en.keys()].sort());
    for (const [id, english] of rendered.en) {
      expect(tokensOf(policy(id, 'hi').source), `content/hi/legal/${id}.md`).toEqual(tokensOf(english.source));
    }
  });

  it("keep the English sections' ids, so that every link to a section finds it in both languages", () => {
    for (const [id, english] of rendered.en) {
      const ids = (headings: MarkdownHeading[]) => headings.map(({ depth, slug }) => `${depth} ${slug}`);
      expect(ids(policy(id, 'hi').headings), id).toEqual(ids(english.headings));
    }
  });

  it('link to pages in Hindi, and to sections that exist', () => {
    for (const [id, { html }] of rendered.hi) {
      for (const [, href = ''] of html.matchAll(/href="(\/[^"]*)"/g)) {
        if (href.startsWith('/.well-known/')) continue;
        expect(href, `${id}: ${href}`).toMatch(/^\/hi\//);
        const [, page, anchor] = /^\/hi\/([\w-]+)\/(?:#([\w-]+))?/.exec(href) ?? [];
        if (anchor && page && rendered.hi.has(page)) {
          expect(
            policy(page, 'hi').headings.map(({ slug }) => slug),
            href,
          ).toContain(anchor);
        }
      }
    }
  });
});

for (const locale of locales) {
  describe(`every configured fact is in the policies, in ${locale}`, () => {
    const officerWords = locale === 'hi' ? clinic.grievanceOfficer.inHindi : clinic.grievanceOfficer;
    const boardName = locale === 'hi' ? dataProtectionBoard.nameInHindi : dataProtectionBoard.name;

    it('every tracking service and its provider, in both policies', () => {
      for (const service of trackingServices) {
        const tools = section('privacy-policy', 'cookies-and-analytics', locale).text;
        expect(tools, service.label).toContain(service.label);
        expect(tools, service.provider).toContain(service.provider);
        expect(tools).toContain(trackingServicePolicy[locale][service.id].collects.replace(/'/g, "'"));
        expect(policy('cookie-policy', locale).text, service.label).toContain(service.label);
      }
    });

    it('every page that never loads a tracker, in both policies', () => {
      for (const route of consentSettings.trackerFreeRoutes) {
        const name = trackerFreePageNames[locale][route];
        expect(section('privacy-policy', 'cookies-and-analytics', locale).text, route).toContain(name);
        expect(section('cookie-policy', 'pages-that-never-load-trackers', locale).text, route).toContain(name);
      }
    });

    it("how long a choice lasts, as the cookie table gives the consent cookie's lifetime", () => {
      const lasts = clinicTokens[locale]['consent.choiceLasts'] ?? '';
      expect(lasts).toBe(locale === 'hi' ? cookieFactsInHindi.cc_cookie.duration : consentCookie.duration);
      expect(section('cookie-policy', 'how-long-your-choice-lasts', locale).text).toContain(lasts);
      expect(section('privacy-policy', 'cookies-and-analytics', locale).text).toContain(lasts);
    });

    it('every retention period from the config, each on its own row, and every system the website writes to', () => {
      const { source, text } = section('privacy-policy', 'how-long-we-keep-information', locale);
      for (const [key, value] of Object.entries(retention).filter(
        ([key]) => !(periodsOfOtherSystems as readonly string[]).includes(key),
      )) {
        const row = source.split('\n').find((line) => line.startsWith('|') && line.includes(`{{retention.${key}}}`));
        expect(row, `a table row for retention.${key}`).toBeDefined();
        expect(text, `retention.${key}`).toContain(periodIn(locale, key, value));
      }
      expect(retentionBySystem[locale]).toHaveLength(retentionBySystem.en.length);
      for (const row of retentionBySystem[locale]) {
        for (const cell of [row.system, row.keeps, row.deleted, row.by]) expect(text).toContain(cell);
      }
      for (const key of periodsOfOtherSystems) {
        const period = periodIn(locale, key, retention[key]);
        expect(
          retentionBySystem[locale].some(({ deleted }) => deleted.includes(period)),
          key,
        ).toBe(true);
      }
      for (const label of patientStageLabels) expect(text).toMatch(new RegExp(`[“"]${label}[”"]`));
    });

    it('the grievance officer, their contacts and timelines, and the Data Protection Board online', () => {
      const officer = clinic.grievanceOfficer;
      const grievances = section('privacy-policy', 'grievances-and-complaints', locale).text;
      for (const fact of [
        officerWords.name,
        officerWords.title,
        officer.email,
        formatPhone(officer.phone),
        officer.postalAddress,
        boardName,
        dataProtectionBoard.website,
      ]) {
        expect(grievances).toContain(fact);
      }
      const rights = section('privacy-policy', 'your-rights', locale).text;
      for (const [key, value] of [
        ['acknowledgeWithinHours', officer.acknowledgeWithinHours],
        ['resolveWithinDays', officer.resolveWithinDays],
      ] as const) {
        expect(grievances, key).toContain(periodIn(locale, key, value));
        expect(rights, key).toContain(periodIn(locale, key, value));
      }
      expect(section('cookie-policy', 'changing-or-withdrawing-your-choice', locale).text).toContain(boardName);
    });

    it('every request type the rights form offers, in its words', () => {
      const rights = section('privacy-policy', 'your-rights', locale).text;
      for (const label of Object.values(rightsRequestLabels[locale].rightsRequestTypes)) {
        expect(rights).toContain(label.replace(/'/g, "'"));
      }
    });

    it('every processor, with what it receives and where', () => {
      const providers = section('privacy-policy', 'service-providers-we-use', locale).text;
      for (const processor of processors) {
        const words = locale === 'hi' ? processor.hi : processor;
        for (const fact of [words.name, words.purpose, words.receives, words.location]) {
          expect(providers, processor.id).toContain(fact);
        }
      }
    });

    it("how a minor's guardian consent is verified, as the booking notice and the guardian's email say it", () => {
      expect(section('privacy-policy', 'website-forms-and-appointment-requests', locale).text).toContain(
        guardianConsentChecks[locale].replace(/'/g, "'"),
      );
    });

    it('every page written for under-18s, by its title and address in this language', () => {
      const listed = [...policy('cookie-policy', locale).html.matchAll(/<li><a href="([^"]+)">([^<]+)<\/a><\/li>/g)];
      expect(listed.map(([, path, title]) => [path, title])).toEqual(
        pagesForUnder18s().map((page) => [pathInLocale(locale, page.path), page.titles[locale]]),
      );
    });

    it('the privacy signals honoured and what they keep off, the Consent Managers, the security contact and the notice of changes', () => {
      const signals = section('cookie-policy', 'global-privacy-control-and-do-not-track', locale).text;
      for (const signal of consentSettings.privacySignals) expect(signals).toContain(privacySignalNames[signal]);
      for (const category of consentSettings.privacySignalRefuses) {
        expect(signals).toContain(consentCategoryNames[locale][category].toLowerCase());
      }
      const managers = clinicTokens[locale]['consent.managers'] ?? '';
      expect(managers).toBe(consentManagerStatements[locale].none);
      expect(section('privacy-policy', 'your-rights', locale).text).toContain(managers);
      expect(policy('cookie-policy', locale).text).toContain(managers);
      expect(section('privacy-policy', 'how-we-protect-information', locale).text).toContain(
        clinic.securityContact.email,
      );
      expect(section('privacy-policy', 'changes-to-this-policy', locale).text).toContain(
        periodIn(locale, 'policyChangeNoticeDays', consentSettings.policyChangeNoticeDays),
      );
    });
  });
}
