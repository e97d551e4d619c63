/**
 * A tiny local HTTP server for tests of the CBS OData source: 127.0.0.1, a free port, every request
 * recorded, answers decided by a route function. Nothing here touches the internet.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface Verzoek {
  readonly pad: string;
  readonly params: URLSearchParams;
  /** Path plus query as received. */
  readonly url: string;
}

/** "hang": accept the request and never answer. */
export type Antwoord =
  | {
      readonly status?: number;
      readonly json?: unknown;
      readonly tekst?: string;
      readonly headers?: Record<string, string>;
    }
  | "hang";

export type Route = (verzoek: Verzoek, baseUrl: string) => Antwoord;

export interface CbsTestServer {
  readonly baseUrl: string;
  readonly verzoeken: Verzoek[];
  /** Requests whose path ends with `suffix`. */
  aantal(suffix: string): number;
  close(): Promise<void>;
}

export async function startCbsServer(route: Route): Promise<CbsTestServer> {
  const verzoeken: Verzoek[] = [];
  let baseUrl = "";
  const server = http.createServer((req, res) => {
    const u = new URL(req.url ?? "/", baseUrl);
    const verzoek: Verzoek = { pad: decodeURIComponent(u.pathname), params: u.searchParams, url: req.url ?? "" };
    verzoeken.push(verzoek);
    let antwoord: Antwoord;
    try {
      antwoord = route(verzoek, baseUrl);
    } catch (e) {
      antwoord = { status: 500, tekst: String(e) };
    }
    if (antwoord === "hang") return;
    const body = antwoord.json !== undefined ? JSON.stringify(antwoord.json) : (antwoord.tekst ?? "");
    res.writeHead(antwoord.status ?? 200, {
      "Content-Type":
        antwoord.json !== undefined ? "application/json;odata=minimalmetadata;charset=utf-8" : "text/plain",
      ...antwoord.headers,
    });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl,
    verzoeken,
    aantal: (suffix) => verzoeken.filter((v) => v.pad.endsWith(suffix)).length,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port on 127.0.0.1 where nothing listens (bound, then released). */
export async function geslotenPoort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
