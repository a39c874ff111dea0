/**
 * The browser's storage areas, for code that runs before anything can ask the user: where the
 * browser blocks site data, merely reading `window.localStorage` throws a `SecurityError`, and a
 * service that read it eagerly would fail to be created and leave a blank page. Shared by the auth
 * client and the in-browser server, which each fall back to memory.
 */

/** `localStorage`, or null where the browser refuses it (site data blocked) or has none. */
export function localStorageOrNull(): Storage | null {
  return storageOrNull('localStorage');
}

/** `sessionStorage`, or null where the browser refuses it or has none. */
export function sessionStorageOrNull(): Storage | null {
  return storageOrNull('sessionStorage');
}

function storageOrNull(name: 'localStorage' | 'sessionStorage'): Storage | null {
  try {
    return globalThis[name] ?? null;
  } catch {
    return null;
  }
}

/** A `Storage` kept in a Map: lost with the page, shared with nobody. */
export class MemoryStorage implements Storage {
  readonly #items = new Map<string, string>();

  get length(): number {
    return this.#items.size;
  }

  clear(): void {
    this.#items.clear();
  }

  getItem(key: string): string | null {
    return this.#items.get(key) ?? null;
  }

  key(index: number): string | null {
    return [...this.#items.keys()][index] ?? null;
  }

  removeItem(key: string): void {
    this.#items.delete(key);
  }

  setItem(key: string, value: string): void {
    this.#items.set(key, String(value));
  }
}
