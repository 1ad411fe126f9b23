/**
 * Summarises a V8 CPU profile (CDP Profiler) into activities: each sample is
 * charged to the innermost frame that names one (Cedar's wasm, syntax
 * highlighting, JOSE, MSW, React's work loop...), else to "other JS".
 */
export interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }[];
  samples: number[];
  timeDeltas: number[];
}

type Frame = CpuProfile['nodes'][number]['callFrame'];

/** Innermost match wins; order only breaks ties within one frame. */
const ACTIVITIES: [string, (f: Frame) => boolean][] = [
  [
    'cedar (wasm)',
    (f) => f.url.startsWith('wasm://') || /wasm-function/.test(f.functionName),
  ],
  [
    'cedar (js glue)',
    (f) =>
      /^(isAuthorized|checkParsePolicySet|passStringToWasm0|getStringFromWasm0)$/.test(
        f.functionName,
      ),
  ],
  [
    'syntax highlight',
    (f) =>
      /^(tokenize|matchGrammar|normalizeTokens|Highlight|useTokenize)$/.test(
        f.functionName,
      ),
  ],
  [
    'jose / WebCrypto',
    (f) =>
      /^(jwtVerify|compactVerify|flattenedVerify|SignJWT|sign|verify|importJWK|exportJWK|createLocalJWKSet|createRemoteJWKSet)$/.test(
        f.functionName,
      ) && /\.js$/.test(f.url),
  ],
  [
    'msw (worker channel, handlers)',
    (f) =>
      /^(handleRequest|executeHandlers|getResponse|createRequestListener|deserializeRequest|WorkerChannel|postMessage|run|parse|predicate|matchRequestUrl|coercePath|toPublicUrl)$/.test(
        f.functionName,
      ),
  ],
  [
    'engine (recorder)',
    (f) =>
      /^(takeRequest|takeResponse|recordRequest|recordResponse|dispatch|transcript|snapshotOf)$/.test(
        f.functionName,
      ),
  ],
  [
    'url state',
    (f) =>
      /replaceState|pushState|writeUrlState|formatUrlState/.test(
        f.functionName,
      ),
  ],
  [
    'react (render/commit)',
    (f) =>
      /^(performWorkOnRoot|performWorkOnRootViaSchedulerTask|performSyncWorkOnRoot|flushSyncWorkAcrossRoots_impl|commitRoot|renderRootSync|workLoopSync|hydrateRoot)$/.test(
        f.functionName,
      ),
  ],
];

export interface ProfileSummary {
  busyMs: number;
  idleMs: number;
  buckets: [string, number][];
  topSelf: [string, number][];
}

const base = (url: string) => url.slice(url.lastIndexOf('/') + 1);

export function summariseProfile(profile: CpuProfile): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const frameOf = (id: number): Frame => {
    const node = byId.get(id);
    if (!node) throw new Error(`CPU profile has no node ${id}`);
    return node.callFrame;
  };
  const parent = new Map<number, number>();
  for (const n of profile.nodes)
    for (const c of n.children ?? []) parent.set(c, n.id);
  const bucketOf = new Map<number, string>();
  const classify = (id: number): string => {
    const cached = bucketOf.get(id);
    if (cached) return cached;
    const leaf = frameOf(id);
    let result: string;
    if (leaf.functionName === '(idle)') result = 'idle';
    else if (leaf.functionName === '(program)')
      result = 'browser (style, layout, paint, parse)';
    else if (leaf.functionName === '(garbage collector)') result = 'gc';
    else {
      result = 'other JS';
      for (
        let cur: number | undefined = id;
        cur !== undefined;
        cur = parent.get(cur)
      ) {
        const frame = frameOf(cur);
        const hit = ACTIVITIES.find(([, test]) => test(frame));
        if (hit) {
          result = hit[0];
          break;
        }
      }
    }
    bucketOf.set(id, result);
    return result;
  };
  const totals = new Map<string, number>();
  const self = new Map<string, number>();
  for (let i = 0; i < profile.samples.length; i += 1) {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const id = profile.samples[i] ?? 0;
    const bucket = classify(id);
    totals.set(bucket, (totals.get(bucket) ?? 0) + ms);
    const f = frameOf(id);
    if (bucket !== 'idle') {
      const key = `${f.functionName || '(anonymous)'}@${base(f.url)}:${f.lineNumber + 1}`;
      self.set(key, (self.get(key) ?? 0) + ms);
    }
  }
  const idleMs = totals.get('idle') ?? 0;
  totals.delete('idle');
  const busyMs = [...totals.values()].reduce((a, b) => a + b, 0);
  return {
    busyMs,
    idleMs,
    buckets: [...totals.entries()].sort((a, b) => b[1] - a[1]),
    topSelf: [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8),
  };
}
