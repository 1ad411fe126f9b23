/**
 * Service-worker transport: starts MSW's worker with the simulator's
 * handlers. Call from client-side code only (after hydration).
 *
 *   const transport = await startWorkerTransport({ workerUrl: useBaseUrl('/mockServiceWorker.js'), scope: useBaseUrl('/') });
 *   const sim = createSimulation({ scenarioId, transport, loadCedar });
 *   ...
 *   await transport.stop();
 */
import { setupWorker, type SetupWorker } from 'msw/browser';
import { interceptedFetch, type Transport } from './transport';

export interface WorkerTransport extends Transport {
  readonly worker: SetupWorker;
  stop(): void;
}

export async function startWorkerTransport(options: {
  workerUrl: string;
  scope: string;
  quiet?: boolean;
}): Promise<WorkerTransport> {
  const { handlers, attach, fetch } = interceptedFetch();
  const worker = setupWorker(...handlers);
  await worker.start({
    serviceWorker: {
      url: options.workerUrl,
      options: { scope: options.scope },
    },
    onUnhandledRequest: 'bypass',
    quiet: options.quiet ?? true,
  });
  return {
    kind: 'service-worker',
    worker,
    attach,
    fetch,
    stop() {
      worker.stop();
    },
  };
}
