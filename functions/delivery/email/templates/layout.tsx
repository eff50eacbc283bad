/**
 * The frame every email shares: the clinic's name, one heading, the body, and a footer with the legal name.
 * No images and no web fonts, so an email reads the same with remote content blocked.
 */
import {
  Body,
  Button,
  Container,
  Head,
  Heading,
  Hr,
  Html,
  Link,
  Preview,
  Section,
  Text,
} from '@react-email/components';
import type { CSSProperties, ReactNode } from 'react';
import { clinic } from '#functions/clinic/clinic.ts';
import { defaultLocale, type Locale, languageTags } from '#functions/clinic/locales.ts';

// The site's palette (src/styles/global.css): every text colour passes WCAG AA on its background.
const colours = {
  text: '#1c2b30',
  muted: '#4a5a60',
  page: '#fbfaf7',
  surface: '#ffffff',
  primary: '#0b5b61',
  onPrimary: '#ffffff',
  accent: '#e7f2f1',
  border: '#c9d3d4',
};

// System fonts, Devanagari ones included (no web fonts: an email must read the same with remote content blocked).
const fontFamily =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Noto Sans Devanagari', 'Nirmala UI', Mangal, Helvetica, Arial, sans-serif";

export const styles = {
  paragraph: { color: colours.text, fontSize: '16px', lineHeight: '24px', margin: '0 0 16px' },
  small: { color: colours.muted, fontSize: '14px', lineHeight: '21px', margin: '0 0 12px' },
  subheading: { color: colours.text, fontSize: '18px', lineHeight: '26px', margin: '24px 0 8px' },
  link: { color: colours.primary, textDecoration: 'underline' },
  button: {
    backgroundColor: colours.primary,
    borderRadius: '6px',
    color: colours.onPrimary,
    display: 'inline-block',
    fontSize: '16px',
    fontWeight: 600,
    padding: '12px 20px',
    textDecoration: 'none',
  },
  /** Someone's own words, set apart from the clinic's. */
  quote: {
    borderLeft: `4px solid ${colours.border}`,
    color: colours.text,
    fontSize: '16px',
    lineHeight: '24px',
    margin: '0 0 16px',
    padding: '0 0 0 12px',
  },
} satisfies Record<string, CSSProperties>;

const page: CSSProperties = { backgroundColor: colours.page, fontFamily, margin: 0, padding: '24px 0' };
const card: CSSProperties = {
  backgroundColor: colours.surface,
  border: `1px solid ${colours.border}`,
  borderRadius: '8px',
  maxWidth: '600px',
  padding: '24px',
};
const brand: CSSProperties = { color: colours.primary, fontSize: '16px', fontWeight: 700, margin: '0 0 16px' };
const title: CSSProperties = { color: colours.text, fontSize: '24px', lineHeight: '32px', margin: '0 0 16px' };
const detailsBox: CSSProperties = { backgroundColor: colours.accent, borderRadius: '6px', padding: '12px 16px' };
const detailRow: CSSProperties = { color: colours.text, fontSize: '16px', lineHeight: '24px', margin: '4px 0' };
const rule: CSSProperties = { borderColor: colours.border, margin: '24px 0 16px' };

interface EmailLayoutProps {
  /** The line inboxes show after the subject. */
  preview: string;
  heading: string;
  /** The language the email is written in (English unless the request came from a page in another). */
  locale?: Locale;
  /** The person's signed link to the preferences page: every email to a person carries it, the front desk's none. */
  preferencesUrl?: string;
  children: ReactNode;
}

const preferencesNotes: Record<Locale, [before: string, link: string, after: string]> = {
  en: [
    'To stop, or start again, clinic news by email or appointment updates on WhatsApp, open ',
    'your choices',
    ' (no login needed). It takes one click.',
  ],
  hi: [
    'ईमेल पर क्लिनिक की ख़बरें या WhatsApp पर अपॉइंटमेंट अपडेट बंद करने या फिर से शुरू करने के लिए ',
    'अपनी पसंद',
    ' वाला पेज खोलें (लॉग-इन की ज़रूरत नहीं)। बस एक क्लिक लगता है।',
  ],
};

export function EmailLayout({ preview, heading, locale = defaultLocale, preferencesUrl, children }: EmailLayoutProps) {
  const [before, link, after] = preferencesNotes[locale];
  return (
    <Html lang={languageTags[locale]} dir="ltr">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={page}>
        <Container style={card}>
          <Text style={brand}>{clinic.brand}</Text>
          <Heading as="h1" style={title}>
            {heading}
          </Heading>
          {children}
          {preferencesUrl && (
            <Text style={styles.small}>
              {before}
              <Link href={preferencesUrl} style={styles.link}>
                {link}
              </Link>
              {after}
            </Text>
          )}
          <Hr style={rule} />
          <Text style={styles.small}>
            {clinic.legalName}, {clinic.registeredOffice}
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

/** Label and value pairs (`Detail`s), one a line, so the plain-text part reads "Label: value" too. */
export function Details({ children }: { children: ReactNode }) {
  return <Section style={detailsBox}>{children}</Section>;
}

export function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Text style={detailRow}>
      <strong>{label}:</strong> {children}
    </Text>
  );
}

const signOffs: Record<Locale, [string, string]> = {
  en: ['Warm regards,', `The ${clinic.brand} team`],
  hi: ['शुभकामनाओं सहित,', `${clinic.brand} टीम`],
};

/** The closing line of the emails to patients and subscribers. */
export function SignOff({ locale = defaultLocale }: { locale?: Locale }) {
  const [greeting, team] = signOffs[locale];
  return (
    <Text style={styles.paragraph}>
      {greeting}
      <br />
      {team}
    </Text>
  );
}

const buttonFallbacks: Record<Locale, string> = {
  en: 'If the button does not work, open this link in your browser:',
  hi: 'अगर बटन काम न करे, तो यह लिंक अपने ब्राउज़र में खोलें:',
};

/** A link as a button, with its address written out beneath for mail apps that show no buttons. */
export function LinkButton({ href, label, locale = defaultLocale }: { href: string; label: string; locale?: Locale }) {
  return (
    <>
      <Text style={styles.paragraph}>
        <Button href={href} style={styles.button}>
          {label}
        </Button>
      </Text>
      <Text style={styles.small}>
        {buttonFallbacks[locale]}{' '}
        <Link href={href} style={styles.link}>
          {href}
        </Link>
      </Text>
    </>
  );
}

const privacyPolicyNames: Record<Locale, [before: string, link: string]> = {
  en: ['Our ', 'privacy policy'],
  hi: ['', 'हमारी गोपनीयता नीति'],
};

/** The closing line of the emails about a request: what the privacy policy explains (`children` follow its name). */
export function PrivacyPolicyNote({
  href,
  locale = defaultLocale,
  children,
}: {
  href: string;
  locale?: Locale;
  children: ReactNode;
}) {
  const [before, link] = privacyPolicyNames[locale];
  return (
    <Text style={styles.small}>
      {before}
      <Link href={href} style={styles.link}>
        {link}
      </Link>{' '}
      {children}
    </Text>
  );
}
