/**
 * An event handler that starts asynchronous work. React ignores what a handler returns, so a
 * rejected promise would vanish; this reports it to the browser (window `error` event, the
 * console) instead. The work runs synchronously up to its first `await`, so a form handler's
 * `event.preventDefault()` still takes effect.
 */
export function handle<A extends unknown[]>(work: (...args: A) => Promise<unknown>): (...args: A) => void {
  return (...args) => {
    work(...args).catch((err: unknown) => reportError(err));
  };
}
