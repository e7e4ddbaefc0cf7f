// Dismiss memory: a notice stays dismissed per id AND version, so an update shows again.
// Pure functions over a plain object; the DOM layer keeps it in localStorage.

export const STORAGE_KEY = 'ccb-dismissed-v1';
export const MAX_ENTRIES = 200;

/** "id@version": the unit that is dismissed. */
export function dismissKey(id, version) {
  return `${String(id)}@${version == null ? 0 : String(version)}`;
}

/** The stored map { key: dismissedAtMs } from its JSON, {} for anything unreadable. */
export function parseDismissed(json) {
  if (typeof json !== 'string' || json === '') return {};
  try {
    const value = JSON.parse(json);
    if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
    const out = {};
    for (const [k, v] of Object.entries(value)) {
      if (typeof v === 'number' && Number.isFinite(v)) out[k] = v;
    }
    return out;
  } catch (_) {
    return {};
  }
}

/** A new map with the key added; the oldest entries dropped beyond `max`. */
export function addDismissed(map, key, now, max = MAX_ENTRIES) {
  const next = { ...map, [key]: now };
  const entries = Object.entries(next);
  if (entries.length <= max) return next;
  entries.sort((a, b) => b[1] - a[1]);
  return Object.fromEntries(entries.slice(0, max));
}

export function isDismissed(map, key) {
  return Object.prototype.hasOwnProperty.call(map, key);
}

/**
 * A dismiss memory over a Storage (localStorage) that never throws: in a private window or
 * with storage blocked it remembers for the life of the page only.
 */
export function createDismissStore(storage, now = () => Date.now()) {
  let map = {};
  try {
    map = parseDismissed(storage && storage.getItem(STORAGE_KEY));
  } catch (_) {
    map = {};
  }
  return {
    has(key) {
      try {
        // Another tab may have dismissed it meanwhile.
        const fresh = storage ? parseDismissed(storage.getItem(STORAGE_KEY)) : {};
        map = { ...map, ...fresh };
      } catch (_) { /* keep what we have */ }
      return isDismissed(map, key);
    },
    add(key) {
      map = addDismissed(map, key, now());
      try {
        if (storage) storage.setItem(STORAGE_KEY, JSON.stringify(map));
      } catch (_) { /* memory only */ }
    },
  };
}
