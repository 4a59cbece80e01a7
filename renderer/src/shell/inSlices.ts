/** A macrotask break: the screen paints and answers clicks before the work goes on. */
export const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Everything an iterator gives, taken in slices of about `budgetMs` of the main thread with a break
 * after each, so thousands of items (rows of a sheet being checked) never freeze the window.
 */
export async function collectInSlices<T>(items: Iterable<T>, budgetMs = 40): Promise<T[]> {
  const out: T[] = [];
  let sliceStart = performance.now();
  for (const item of items) {
    out.push(item);
    if (performance.now() - sliceStart >= budgetMs) {
      await nextTurn();
      sliceStart = performance.now();
    }
  }
  return out;
}
