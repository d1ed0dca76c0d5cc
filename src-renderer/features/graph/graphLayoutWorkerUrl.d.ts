/** Vite builds the worker as its own chunk and gives its URL (the module worker, not its source). */
declare module '*.worker.ts?worker&url' {
  const url: string;
  export default url;
}
