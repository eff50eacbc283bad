import type { Page } from '@playwright/test';

export interface PageWeight {
  html: number;
  css: number;
  js: number;
  images: number;
  other: number;
  total: number;
}

const bucketFor: Record<string, keyof Omit<PageWeight, 'total'>> = {
  document: 'html',
  stylesheet: 'css',
  script: 'js',
  image: 'images',
};

/**
 * Bytes on the wire (compressed where the server compresses) for one cold page load, by resource type; with
 * `afterLoad`, also what the page loads after it (a form island hydrating once it is used).
 */
export async function measurePageWeight(
  page: Page,
  path: string,
  afterLoad?: (page: Page) => Promise<void>,
): Promise<PageWeight> {
  const weight: PageWeight = { html: 0, css: 0, js: 0, images: 0, other: 0, total: 0 };
  const pending: Promise<void>[] = [];
  const onFinished = (request: import('@playwright/test').Request) => {
    pending.push(
      request.sizes().then((sizes) => {
        const bytes = sizes.responseBodySize + sizes.responseHeadersSize;
        weight[bucketFor[request.resourceType()] ?? 'other'] += bytes;
        weight.total += bytes;
      }),
    );
  };
  page.on('requestfinished', onFinished);
  await page.goto(path, { waitUntil: 'networkidle' });
  if (afterLoad) {
    await afterLoad(page);
    await page.waitForLoadState('networkidle');
  }
  await Promise.all(pending);
  page.off('requestfinished', onFinished);
  return weight;
}
