import { PUBLIC_CLARITY_ID, PUBLIC_GA4_ID, PUBLIC_META_PIXEL_ID } from 'astro:env/client';
import { configuredServices, type TrackingIds } from '#functions/clinic/tracking-services.ts';

export const trackingIds: TrackingIds = {
  ga4: PUBLIC_GA4_ID,
  clarity: PUBLIC_CLARITY_ID,
  meta: PUBLIC_META_PIXEL_ID,
};

export const activeServices = configuredServices(trackingIds);
