// Types for the browser shim of Node's process (the `process` package), used only by node-shims.ts.
declare module 'process' {
  const process: { env: Record<string, string | undefined>; nextTick(fn: (...args: unknown[]) => void, ...args: unknown[]): void };
  export default process;
}
