/**
 * The HubSpot client: create ONE per process. The SDK keeps its retry and rate-limit settings in a
 * process-wide singleton, so the last client constructed sets them for every client.
 */
import http from 'node:http';
import https from 'node:https';
import { Client } from '@hubspot/api-client';
import { type RequestBudget, retryAfterMs } from '#functions/delivery/delivery.ts';
import { dailyLimitWaitMs } from './outcome.ts';

export interface HubSpotClientOptions {
  /** A private app's access token. */
  accessToken: string;
  /** The API's address; a local fake HubSpot in the tests. */
  basePath?: string;
  /** How long a request may go without a byte from HubSpot before it counts as failed. */
  requestTimeoutMs?: number;
  /**
   * The most requests to start in any 10 seconds, in this process. HubSpot allows a private app 100 (190 on
   * Professional and Enterprise); the default leaves room for the account's other integrations.
   */
  requestsPerTenSeconds?: number;
  /**
   * The budget every process shares (the worker's, in the database), which then paces the requests instead, and
   * hears of HubSpot's 429s and its daily limit running out.
   */
  budget?: RequestBudget;
}

const hubSpotApi = 'https://api.hubapi.com';
const defaultRequestTimeoutMs = 15_000;
export const defaultRequestsPerTenSeconds = 80;

export function createHubSpotClient({
  accessToken,
  basePath = hubSpotApi,
  requestTimeoutMs = defaultRequestTimeoutMs,
  requestsPerTenSeconds = defaultRequestsPerTenSeconds,
  budget,
}: HubSpotClientOptions): Client {
  return new Client({
    accessToken,
    basePath,
    // The SDK's retries ignore Retry-After and block the delivery meanwhile: the outbox worker retries instead.
    numberOfApiCallRetries: 0,
    // Evenly spaced starts keep any rolling 10 seconds within the limit, when this process alone keeps it.
    limiterOptions: budget ? { maxConcurrent: 4 } : { minTime: 10_000 / requestsPerTenSeconds, maxConcurrent: 4 },
    httpAgent: agentWithTimeout(basePath, requestTimeoutMs),
    ...(budget && { middleware: [budgetMiddleware(budget)] }),
  });
}

interface AnswerContext {
  httpStatusCode: number;
  headers: Record<string, string>;
}

/** Every request waits for the shared budget; a 429 or an exhausted daily limit holds every process off. */
function budgetMiddleware(budget: RequestBudget) {
  return {
    pre: async (context: unknown) => {
      await budget.take();
      return context;
    },
    post: async (context: unknown) => {
      const { httpStatusCode, headers } = context as AnswerContext;
      if (headers['x-hubspot-ratelimit-daily-remaining'] === '0') await budget.holdOff(dailyLimitWaitMs);
      else if (httpStatusCode === 429) await budget.holdOff(retryAfterMs(headers['retry-after']) ?? 10_000);
      return context;
    },
  };
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
