/** Replaced at bundle time by esbuild's `define`; the fallback serves tests run from source. */
declare const __CANARY_GATE_VERSION__: string | undefined;
export const VERSION: string = typeof __CANARY_GATE_VERSION__ === 'string' ? __CANARY_GATE_VERSION__ : '0.0.0-dev';
