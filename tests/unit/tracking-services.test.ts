import { describe, expect, it } from 'vitest';
import { configuredServices, trackingServices } from '#functions/clinic/tracking-services.ts';

describe('configuredServices', () => {
  it('includes only services whose ID is set', () => {
    expect(configuredServices({})).toEqual([]);
    expect(configuredServices({ ga4: 'G-TEST123', meta: '  ' }).map((service) => service.id)).toEqual(['ga4']);
  });

  it('puts GA4 and Clarity under analytics and Meta under marketing', () => {
    expect(Object.fromEntries(trackingServices.map((service) => [service.id, service.category]))).toEqual({
      ga4: 'analytics',
      clarity: 'analytics',
      meta: 'marketing',
    });
  });
});
