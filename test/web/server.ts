// A loopback HTTP server for the web and feed tests: routes are plain handlers, every request is
// logged, and close() ends hanging connections so no test waits on a socket.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface TestServer {
  origin: string;
  port: number;
  /** Paths requested so far, in order. */
  log: string[];
  routes: Map<string, Handler>;
  close(): Promise<void>;
}

export async function startServer(routes: Record<string, Handler> = {}): Promise<TestServer> {
  const table = new Map(Object.entries(routes));
  const log: string[] = [];
  const server = http.createServer((req, res) => {
    log.push(req.url ?? '');
    const handler = table.get((req.url ?? '').split('?')[0]);
    if (handler) handler(req, res);
    else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    log,
    routes: table,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const send =
  (body: string | Buffer, headers: Record<string, string> = {}, status = 200): Handler =>
  (_req, res) => {
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers });
    res.end(body);
  };

/** An article page (our own words) for tests whose feed items link to a page. */
export const ARTICLE_PAGE = `<!doctype html><html lang="en"><head><title>Night ferry returns to the island route</title></head><body><article>
<h1>Night ferry returns to the island route</h1>
<p>The night ferry to the island resumes on Friday after three months in dry dock, the operator said on Tuesday.</p>
<p>Crossings leave the harbour at 23:00 and 02:00; tickets bought for the cancelled winter sailings remain valid.</p>
<p>Islanders had asked for the late service so that hospital staff on evening shifts can get home the same night.</p>
</article></body></html>`;
