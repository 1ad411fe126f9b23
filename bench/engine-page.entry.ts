/**
 * Browser side of bench/engine-page.ts: the engine alone in a page with no
 * UI and no React (Cedar's `/web` build). Requests go through MSW's in-page
 * getResponse transport, or, after `__engine.useWorker()`, through the same
 * service-worker transport the simulator uses. Bundled by esbuild at bench
 * time; never part of the site.
 *
 * - `__engine.run(id)`: runs a scenario to its end from script (no input) and
 *   returns the ms of its steps, summed.
 * - `__engine.load(id)`, then trusted clicks on `#next`: each click runs one
 *   step; `__engine.clicks` collects ms from the click event's timestamp to
 *   the step's id written into `#step` (the least a page can show).
 * - `#hop`: a click handler that only posts a task; `__engine.hops` collects
 *   ms from the click to that task.
 * - `__engine.useWorker()`: starts MSW's worker (the page must serve
 *   `/mockServiceWorker.js`); simulations loaded after it send their requests
 *   through it.
 */
import {
  cachedLoader,
  createInPageTransport,
  createSimulation,
  webCedarLoader,
  type ScenarioId,
  type Simulation,
} from '../src/simulator';
import {
  startWorkerTransport,
  type WorkerTransport,
} from '../src/simulator/http/browser';
import { timeSteps } from './lib';

// One Cedar for every simulation on the page. The wasm file is copied next to
// the bundle, where the `/web` build's default location finds it.
const loadCedar = cachedLoader(webCedarLoader);

let worker: WorkerTransport | null = null;

const simulation = (id: string): Simulation =>
  createSimulation({
    scenarioId: id as ScenarioId,
    transport: worker ?? createInPageTransport(),
    loadCedar,
  });

let current: Simulation | null = null;
const clicks: number[] = [];

const button = document.createElement('button');
button.id = 'next';
button.textContent = 'Next';
const output = document.createElement('output');
output.id = 'step';
// `#hop` posts one task (setTimeout 0) from its click handler and records
// when it ran: the wait a step's first posted task meets after an input.
const hop = document.createElement('button');
hop.id = 'hop';
hop.textContent = 'Hop';
const hops: number[] = [];
hop.addEventListener('click', (event) => {
  setTimeout(() => hops.push(performance.now() - event.timeStamp), 0);
});
document.body.append(button, output, hop);

button.addEventListener('click', (event) => {
  const sim = current;
  if (!sim || sim.finished) return;
  void sim.next().then((record) => {
    output.textContent = `${record.stepId} ${clicks.length}`;
    clicks.push(performance.now() - event.timeStamp);
  });
});

Object.assign(window, {
  __engine: {
    clicks,
    hops,
    async run(id: string): Promise<number> {
      const steps = await timeSteps(simulation(id));
      return steps.reduce((sum, { ms }) => sum + ms, 0);
    },
    load(id: string): void {
      current = simulation(id);
      clicks.length = 0;
    },
    get finished(): boolean {
      return current?.finished ?? true;
    },
    async useWorker(): Promise<void> {
      worker ??= await startWorkerTransport({
        workerUrl: '/mockServiceWorker.js',
        scope: '/',
      });
    },
  },
});
