/** Adds a value to its key's list in a map of lists (Map.groupBy needs Node 21; the tests run on 20). */
export function addTo<K, V>(lists: Map<K, V[]>, key: K, value: V): void {
  const list = lists.get(key);
  if (list) list.push(value);
  else lists.set(key, [value]);
}
