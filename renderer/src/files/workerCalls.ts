/** What a worker here answers instead of a reply when a message failed. */
interface Failed {
  error: string;
}

/**
 * Messages to a worker that answers each one, in order. A `{ error }` answer rejects its call; a worker
 * that stops (its script did not load, or it threw) rejects every call, then and later.
 */
export function workerCalls<M, R extends object>(worker: Worker, what: string): (message: M, transfer?: Transferable[]) => Promise<R> {
  const waiting: { resolve: (reply: R | Failed) => void; reject: (error: Error) => void }[] = [];
  let broken: Error | undefined;
  worker.addEventListener('message', (event: MessageEvent<R | Failed>) => waiting.shift()?.resolve(event.data));
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    worker.terminate();
    broken = new Error(`${what} stopped: ${event.message}`);
    for (const w of waiting.splice(0)) w.reject(broken);
  });
  return async (message, transfer = []) => {
    if (broken) throw broken;
    const reply = await new Promise<R | Failed>((resolve, reject) => {
      waiting.push({ resolve, reject });
      worker.postMessage(message, transfer);
    });
    if ('error' in reply) throw new Error(reply.error);
    return reply;
  };
}

/**
 * Calls awaited one behind the newest: the worker works on one message while the caller makes the next
 * ready, and no more than two wait, whatever the caller's pace.
 */
export function oneBehind() {
  let previous: Promise<unknown> | undefined;
  return {
    async push(call: Promise<unknown>) {
      // Awaited with the next push or in drain(); until then its failure must not go unhandled.
      call.catch(() => {});
      const before = previous;
      previous = call;
      await before;
    },
    async drain() {
      await previous;
    },
  };
}

/**
 * The worker's side: handles messages one at a time, in order (each may await), answering each with
 * its reply or `{ error }`. After a failure every later message gets the same error.
 */
export function answerInOrder<M>(handle: (message: M) => Promise<[reply: object, transfer?: Transferable[]]>) {
  let queue = Promise.resolve();
  let failure: string | undefined;
  addEventListener('message', (event: MessageEvent<M>) => {
    queue = queue.then(async () => {
      if (failure) return postMessage({ error: failure } satisfies Failed);
      try {
        const [reply, transfer = []] = await handle(event.data);
        postMessage(reply, { transfer });
      } catch (error) {
        failure = String(error);
        postMessage({ error: failure } satisfies Failed);
      }
    });
  });
}
