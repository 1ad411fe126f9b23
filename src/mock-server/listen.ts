/** Starts listening, turning Node's listen errors into MockServerError. */
import type { Server } from 'node:http';
import { MockServerError } from './responses';

export function listen(
  server: Server,
  host: string,
  port: number,
): Promise<void> {
  return new Promise<void>((resolvePromise, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      if (err.code === 'EADDRINUSE')
        reject(
          new MockServerError(
            'port_in_use',
            `port ${port} on ${host} is already in use`,
          ),
        );
      else
        reject(
          new MockServerError(
            'listen_failed',
            `cannot listen on ${host}:${port}: ${err.message}`,
          ),
        );
    };
    const onListening = () => {
      server.off('error', onError);
      resolvePromise();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}
