// Rendering off the caller's thread. A convocation PDF takes about 30 ms of CPU, nine of them per
// session: rendered on the worker's main thread, they held up every workflow task meanwhile (at
// 200 sessions convening at once, tasks waited half a second for it). Rendering threads run at a
// lower priority (nice): a document can wait a little, a vote should not. They start when first
// needed and stop when idle; the same facts give the same bytes there.
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { ConvocationFacts } from './convocation.ts';

/** How much lower than the caller's a rendering thread's priority is (Unix nice). */
const renderingNice = 10;
/** An idle thread stops after this; the next rendering starts one again. */
const idleThreadMs = 30_000;

let pool: Piscina | undefined;

function renderingThreads(): Piscina {
  // Every core, at a lower priority: rendering takes the CPU the rest leaves (a single thread at
  // the normal priority, tried first, was starved on two cores and convocations waited behind
  // each other).
  pool ??= new Piscina({ filename: new URL('./render-thread.mjs', import.meta.url).href, minThreads: 0, maxThreads: availableParallelism(), idleTimeout: idleThreadMs, niceIncrement: renderingNice });
  return pool;
}

/** The member's convocation as a PDF (`convocationPdf`), rendered on a rendering thread. */
export async function renderConvocationPdf(facts: ConvocationFacts): Promise<Buffer> {
  const bytes = await renderingThreads().run(facts, { name: 'convocation' }) as Uint8Array;
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Stops the rendering threads (a worker's shutdown); a later rendering starts them again. */
export async function stopRenderingThreads(): Promise<void> {
  const stopping = pool;
  pool = undefined;
  await stopping?.destroy();
}
