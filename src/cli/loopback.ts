/**
 * The loopback half of a native app's authorization (RFC 8252 §7.3): listen
 * on the redirect URI's port, tell the person which URL to open, and resolve
 * with the URL the browser comes back to.
 */
import { createServer } from 'node:http';

export async function waitForRedirect(
  redirectUri: string,
  authorizationUrl: string,
  waitSeconds: number,
  tell: (line: string) => void,
): Promise<string> {
  const target = new URL(redirectUri);
  const host = target.hostname.replace(/^\[|\]$/g, '');
  return new Promise<string>((resolve, reject) => {
    const server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', redirectUri);
      if (url.pathname !== target.pathname) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      res
        .writeHead(200, { 'content-type': 'text/plain; charset=utf-8' })
        .end('Authorization finished. You can close this window.');
      finish(() => resolve(url.toString()));
    });
    const timer = setTimeout(
      () =>
        finish(() =>
          reject(
            new Error(`no redirect to ${redirectUri} within ${waitSeconds} s`),
          ),
        ),
      waitSeconds * 1000,
    );
    function finish(then: () => void): void {
      clearTimeout(timer);
      server.close();
      server.closeAllConnections();
      then();
    }
    server.once('error', (e) =>
      finish(() =>
        reject(new Error(`cannot listen on ${redirectUri}: ${e.message}`)),
      ),
    );
    server.listen(Number(target.port || 80), host, () => {
      tell(`Open this URL in a browser to sign in:\n${authorizationUrl}`);
      tell(`Waiting up to ${waitSeconds} s for the redirect to ${redirectUri}`);
    });
  });
}
