/**
 * The HubSpot client: create ONE per process. The SDK keeps its retry and rate-limit settings in a
 * process-wide singleton, so the last client constructed sets them for every client.
 */
import http from 'node:http';
import https from 'node:https';
import { Client } from '@hubspot/api-client';

export interface HubSpotClientOptions {
  /** A private app's access token. */
  accessToken: string;
  /** The API's address; a local fake HubSpot in the tests. */
  basePath?: string;
  /** How long a request may go without a byte from HubSpot before it counts as failed. */
  requestTimeoutMs?: number;
  /**
   * The most requests to start in any 10 seconds. HubSpot allows a private app 100 (190 on Professional
   * and Enterprise); the default leaves room for the account's other integrations.
   */
  requestsPerTenSeconds?: number;
}

const hubSpotApi = 'https://api.hubapi.com';
const defaultRequestTimeoutMs = 15_000;
const defaultRequestsPerTenSeconds = 80;

export function createHubSpotClient({
  accessToken,
  basePath = hubSpotApi,
  requestTimeoutMs = defaultRequestTimeoutMs,
  requestsPerTenSeconds = defaultRequestsPerTenSeconds,
}: HubSpotClientOptions): Client {
  return new Client({
    accessToken,
    basePath,
    // The SDK's retries ignore Retry-After and block the delivery meanwhile: the outbox worker retries instead.
    numberOfApiCallRetries: 0,
    // Evenly spaced starts keep any rolling 10 seconds within the limit.
    limiterOptions: { minTime: 10_000 / requestsPerTenSeconds, maxConcurrent: 4 },
    httpAgent: agentWithTimeout(basePath, requestTimeoutMs),
  });
}

/** The SDK sets no timeout, and a socket's own timeout only reports: this one fails the request. */
function agentWithTimeout(basePath: string, timeoutMs: number): http.Agent {
  const options = { keepAlive: true, timeout: timeoutMs };
  const agent: http.Agent = new URL(basePath).protocol === 'http:' ? new http.Agent(options) : new https.Agent(options);
  const createConnection = agent.createConnection.bind(agent);
  agent.createConnection = (connectionOptions, callback) => {
    const socket = createConnection(connectionOptions, callback);
    socket?.once('timeout', () => {
      socket.destroy(Object.assign(new Error(`No answer within ${timeoutMs} ms`), { code: 'ETIMEDOUT' }));
    });
    return socket;
  };
  return agent;
}
