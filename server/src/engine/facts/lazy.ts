// Facts computed on first read: each group is a memoised thunk, so a lint whose rules never read a
// group (or whose rules are disabled) never pays for it, and a group read by ten rules is built once.

/** A fact group that could not be computed: every read of it throws this, and the rule reading it fails alone. */
export class FactFailure extends Error {
  constructor(
    readonly fact: string,
    cause: unknown,
  ) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    super(`the "${fact}" facts could not be computed: ${detail}`, { cause });
    this.name = 'FactFailure';
    // Keep the collector's stack: it says where the fact broke, which the reader's stack does not.
    if (cause instanceof Error && cause.stack) this.stack = `${this.name}: ${this.message}\n${cause.stack}`;
  }
}

/**
 * `compute` run at most once, on the first call. A throw is remembered and thrown again on every
 * later call (as a FactFailure naming the fact), so each reader fails the same way without
 * re-running the collector; a group that reads itself while being computed fails instead of looping.
 */
export function once<T>(fact: string, compute: () => T): () => T {
  let state: 'pending' | 'running' | 'done' | 'failed' = 'pending';
  let value: T;
  let failure: FactFailure;
  return () => {
    if (state === 'done') return value;
    if (state === 'failed') throw failure;
    if (state === 'running') throw new FactFailure(fact, new Error('it depends on itself'));
    state = 'running';
    try {
      value = compute();
      state = 'done';
      return value;
    } catch (error) {
      failure = error instanceof FactFailure ? error : new FactFailure(fact, error);
      state = 'failed';
      throw failure;
    }
  };
}

/**
 * An object whose properties are the given groups, each computed on its first read. Properties
 * are own and enumerable (spreading or comparing the object reads them all, as with a plain
 * object); assigning one replaces it with the assigned value.
 */
export function lazyObject<T extends object>(groups: { [K in keyof T]-?: () => T[K] }): T {
  const out = {} as T;
  for (const name of Object.keys(groups) as (keyof T & string)[]) {
    Object.defineProperty(out, name, {
      enumerable: true,
      configurable: true,
      get: groups[name],
      set(value: T[typeof name]) {
        Object.defineProperty(out, name, { value, enumerable: true, configurable: true, writable: true });
      },
    });
  }
  return out;
}
