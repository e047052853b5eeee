import type { LoadedIndex } from '../index/load-index.js';
import { buildScopeRegistry, type ScopeRegistry } from './scope-registry.js';

const registries = new WeakMap<LoadedIndex, ScopeRegistry>();

/** The councils, committees and meeting dates an index holds: built once per loaded index, then reused. */
export function scopeRegistryOf(index: LoadedIndex): ScopeRegistry {
  let registry = registries.get(index);
  if (!registry) {
    registry = buildScopeRegistry(index.chunks.map((c) => c.place), index.glossary);
    registries.set(index, registry);
  }
  return registry;
}
