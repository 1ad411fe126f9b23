/** The shape of ToolHive's middleware (pipeline.ts lists them in order). */
import type { ActorHost, StepContext } from '../../engine/host';
import type { ToolHiveOptions } from './options';
import type { ToolHiveValidator } from './validator';

/** What the middleware share about one ToolHive instance. */
export interface ToolHiveScope {
  host: ActorHost;
  o: ToolHiveOptions;
  validator: ToolHiveValidator;
  mcp: URL;
}

export interface RpcMessage {
  method?: unknown;
  id?: unknown;
  params?: { name?: unknown; arguments?: unknown; uri?: unknown };
}

/** One request on its way through the middleware; each stage fills in its part. */
export interface McpExchange {
  readonly request: Request;
  readonly ctx: StepContext;
  /** Headers to send to the backend (hop-by-hop removed, X-Forwarded-* added). */
  readonly headers: Headers;
  readonly bodyText: string;
  /** Set by authentication. */
  raw: string;
  claims: Record<string, unknown>;
  /** Set by the MCP parser. */
  rpc: RpcMessage | null;
  method: string | null;
  /** The claims Cedar sees (the upstream token's with the embedded AS); null: deny. */
  cedarClaims: Record<string, unknown> | null;
  /** Set by authorization for tools/list. */
  filterTools: boolean;
  /** Server-to-server fetch on behalf of this request. */
  fetch(request: Request): Promise<Response>;
}

export type Middleware = (
  scope: ToolHiveScope,
  x: McpExchange,
  next: () => Promise<Response>,
) => Promise<Response>;
