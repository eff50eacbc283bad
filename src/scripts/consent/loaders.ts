import type { TrackingServiceId } from '#functions/clinic/tracking-services.ts';
import { sanitizedPageUrl } from './page-url.ts';

type Command = (...args: unknown[]) => void;

declare global {
  interface Window {
    dataLayer?: unknown[];
    gtag?: Command;
    clarity?: Command & { q?: unknown[] };
    fbq?: Command & { queue?: unknown[]; callMethod?: Command; loaded?: boolean; version?: string };
    _fbq?: unknown;
    [gaDisable: `ga-disable-${string}`]: boolean | undefined;
  }
}

export interface ServiceLoader {
  /**
   * Loads the service (once) and signals consent; safe to call again after a revoke. The first call returns when the
   * script has arrived (or failed to), later calls at once.
   */
  grant(id: string): Promise<void>;
  /** Signals withdrawal and stops further hits; cookies are deleted by the caller. */
  revoke(id: string): void;
}

function appendScript(src: string): Promise<void> {
  const script = document.createElement('script');
  script.async = true;
  script.src = src;
  const arrived = new Promise<void>((resolve) => {
    script.addEventListener('load', () => resolve());
    script.addEventListener('error', () => resolve());
  });
  document.head.append(script);
  return arrived;
}

/** Consent Mode v2: every signal is denied before gtag.js loads; only analytics storage is ever granted. */
const deniedConsent = {
  ad_storage: 'denied',
  ad_user_data: 'denied',
  ad_personalization: 'denied',
  analytics_storage: 'denied',
  functionality_storage: 'denied',
  personalization_storage: 'denied',
  security_storage: 'denied',
} as const;

const ga4: ServiceLoader = {
  grant(id) {
    window[`ga-disable-${id}`] = false;
    if (!window.gtag) {
      window.dataLayer = window.dataLayer ?? [];
      window.gtag = function gtag() {
        // gtag.js reads the `arguments` object itself, not an array copy.
        // biome-ignore lint/complexity/noArguments: required by gtag.js
        window.dataLayer?.push(arguments);
      };
      window.gtag('consent', 'default', deniedConsent);
      window.gtag('consent', 'update', { analytics_storage: 'granted' });
      window.gtag('js', new Date());
      window.gtag('config', id, {
        page_location: sanitizedPageUrl(window.location),
        page_referrer: document.referrer ? sanitizedPageUrl(new URL(document.referrer)) : '',
        allow_google_signals: false,
        allow_ad_personalization_signals: false,
      });
      return appendScript(`https://www.googletagmanager.com/gtag/js?id=${encodeURIComponent(id)}`);
    }
    window.gtag('consent', 'update', { analytics_storage: 'granted' });
    return Promise.resolve();
  },
  revoke(id) {
    window.gtag?.('consent', 'update', deniedConsent);
    window[`ga-disable-${id}`] = true;
  },
};

/** Clarity records nothing typed into a form: every form, and any field outside one, is masked before it loads. */
function maskFormsForClarity(): void {
  for (const element of document.querySelectorAll('form, input, select, textarea')) {
    element.setAttribute('data-clarity-mask', 'true');
  }
}

const clarity: ServiceLoader = {
  grant(id) {
    let arrived = Promise.resolve();
    if (!window.clarity) {
      maskFormsForClarity();
      const queue: Command & { q?: unknown[] } = (...args: unknown[]) => {
        queue.q = queue.q ?? [];
        queue.q.push(args);
      };
      window.clarity = queue;
      arrived = appendScript(`https://www.clarity.ms/tag/${encodeURIComponent(id)}`);
    }
    window.clarity('consentv2', { ad_Storage: 'denied', analytics_Storage: 'granted' });
    return arrived;
  },
  revoke() {
    window.clarity?.('consentv2', { ad_Storage: 'denied', analytics_Storage: 'denied' });
    window.clarity?.('consent', false);
  },
};

const meta: ServiceLoader = {
  grant(id) {
    if (!window.fbq) {
      const fbq: NonNullable<Window['fbq']> = (...args: unknown[]) => {
        if (fbq.callMethod) fbq.callMethod(...args);
        else fbq.queue?.push(args);
      };
      fbq.queue = [];
      fbq.loaded = true;
      fbq.version = '2.0';
      window.fbq = fbq;
      window._fbq = fbq;
      fbq('consent', 'grant');
      // Automatic configuration off: the pixel reports no button labels or page metadata and reads no form field.
      fbq('set', 'autoConfig', false, id);
      fbq('init', id);
      fbq('track', 'PageView');
      return appendScript('https://connect.facebook.net/en_US/fbevents.js');
    }
    window.fbq('consent', 'grant');
    return Promise.resolve();
  },
  revoke() {
    window.fbq?.('consent', 'revoke');
  },
};

export const loaders: Record<TrackingServiceId, ServiceLoader> = { ga4, clarity, meta };
