/** The map's value for a key, made and stored the first time it is asked for (memo tables, nested or not). */
export function getOrCreate<K extends object, V>(map: WeakMap<K, V>, key: K, make: () => V): V;
export function getOrCreate<K, V>(map: Map<K, V>, key: K, make: () => V): V;
export function getOrCreate<K extends object, V>(map: Map<K, V> | WeakMap<K, V>, key: K, make: () => V): V {
  // has() before get(): a stored undefined or null is a value, not a miss
  if (map.has(key)) return map.get(key) as V;
  const made = make();
  map.set(key, made);
  return made;
}
