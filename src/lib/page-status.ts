import { STATUS_CODES } from 'node:http';

/**
 * Sets a server page's status with its reason phrase. Astro starts every page at `200 OK` and keeps the phrase
 * when only the status changes, so a refused form would otherwise answer `400 OK`.
 */
export function setPageStatus(response: ResponseInit, status: number): void {
  response.status = status;
  response.statusText = STATUS_CODES[status] ?? '';
}
