/** The reverse proxy at the end of the chain: the request goes to the backend MCP server. */
import type { Middleware } from './middleware';

export const proxy: Middleware = async ({ o }, x) =>
  x.fetch(
    new Request(o.backendUrl, {
      method: x.request.method,
      headers: x.headers,
      body:
        x.request.method === 'GET' || x.request.method === 'HEAD'
          ? null
          : x.bodyText,
    }),
  );
