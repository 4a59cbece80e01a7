/** A lookup done once per distinct key: an export repeats a few labels on each of up to 100,000 rows. */
export function cached<K, V>(compute: (key: K) => V): (key: K) => V {
  const seen = new Map<K, V>();
  return (key) => {
    if (!seen.has(key)) seen.set(key, compute(key));
    return seen.get(key)!;
  };
}
