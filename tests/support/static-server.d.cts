/** Types of static-server.cjs (see there). */
export interface StaticServer {
  /** "http://127.0.0.1:<port>/", with the trailing slash. */
  readonly url: string;
  /** Every requested path (decoded, without query), in order. */
  readonly requests: string[];
  close(): Promise<void>;
}

/** Serves the folder `root` read-only on http://127.0.0.1 at a free port. */
export function serveStatic(root: string): Promise<StaticServer>;
