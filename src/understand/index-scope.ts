import type { PassageStore } from '../retrieve/passage-store.js';
import { buildScopeRegistry, type ScopeRegistry } from './scope-registry.js';

const registries = new WeakMap<PassageStore, ScopeRegistry>();

/** The councils, committees and meeting dates a store holds: built once per opened store, then reused. */
export function scopeRegistryOf(store: PassageStore): ScopeRegistry {
  let registry = registries.get(store);
  if (!registry) {
    registry = buildScopeRegistry(store.places(), store.glossary);
    registries.set(store, registry);
  }
  return registry;
}
