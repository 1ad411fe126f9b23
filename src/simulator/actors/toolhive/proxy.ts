/** The reverse proxy at the end of the chain: the request goes to the backend MCP server. */
import { addDeviation } from '../../engine/host';
import type { Middleware } from './middleware';

export const proxy: Middleware = async ({ o }, x) => {
  // With no backend authentication, the client's token reaches the backend.
  if (o.backendMode === 'passthrough' && x.headers.has('authorization'))
    addDeviation(x.ctx, 'passthrough-by-default');
  return x.fetch(
    new Request(o.backendUrl, {
      method: x.request.method,
      headers: x.headers,
      body:
        x.request.method === 'GET' || x.request.method === 'HEAD'
          ? null
          : x.bodyText,
    }),
  );
};
