import autocannon from 'autocannon';

export type LoadResult = {
  perSecond: number;
  total: number;
  failures: number;
  p50: number;
  p99: number;
};

export type LoadRequest = {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  connections: number;
  seconds: number;
};

/**
 * Requests per second against a server on loopback. The load runs in a worker thread so it does
 * not share the event loop of the server it measures.
 */
export async function load(request: LoadRequest): Promise<LoadResult> {
  const result = await autocannon({
    url: request.url,
    method: request.method ?? 'GET',
    headers: request.headers,
    body: request.body,
    connections: request.connections,
    duration: request.seconds,
    workers: 1,
  });
  return {
    perSecond: result.requests.total / request.seconds,
    total: result.requests.total,
    failures: result.non2xx + result.errors + result.timeouts,
    p50: result.latency.p50,
    p99: result.latency.p99,
  };
}

/** Completed queries per second of `query`, run by `concurrency` loops for `seconds`. */
export async function repeat(query: () => Promise<unknown>, concurrency: number, seconds: number): Promise<LoadResult> {
  const deadline = performance.now() + seconds * 1000;
  const latencies: number[] = [];
  let failures = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const start = performance.now();
        try {
          await query();
          latencies.push(performance.now() - start);
        } catch {
          failures++;
        }
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { perSecond: latencies.length / seconds, total: latencies.length, failures, p50: at(0.5), p99: at(0.99) };
}
