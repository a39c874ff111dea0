import { expect, type Page, type Request } from '@playwright/test';

/** Everything a page sends over the network: HTTP requests and WebSocket connections. */
export interface Traffic {
  readonly requests: Request[];
  readonly sockets: string[];
}

/** Starts recording a page's traffic; the returned arrays fill as the page works. */
export function recordTraffic(page: Page): Traffic {
  const traffic: Traffic = { requests: [], sockets: [] };
  page.on('request', (request) => traffic.requests.push(request));
  page.on('websocket', (socket) => traffic.sockets.push(socket.url()));
  return traffic;
}

/**
 * "Nothing the app does leaves the browser": every request went to the server that serves the app
 * (at `baseURL`), and none of them is an API call, because the in-browser server answers those.
 */
export function expectTrafficStaysOnTestServer(traffic: Traffic, baseURL: string): void {
  const { origin, host } = new URL(baseURL);
  const apiPrefix = new URL('api/', baseURL).href;
  expect(traffic.requests.length).toBeGreaterThan(0);
  for (const url of traffic.requests.map((request) => request.url())) {
    expect(new URL(url).origin, `${url} goes to the test server`).toBe(origin);
    expect(url.startsWith(apiPrefix), `${url} is answered inside the browser`).toBe(false);
  }
  for (const url of traffic.sockets) {
    expect(new URL(url).host, `websocket ${url} stays on the test server`).toBe(host);
  }
}
