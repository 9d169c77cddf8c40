/**
 * Package root of `kubelife`: the pure engine core plus sessions from the shell layer.
 * The core (src/) never imports the shell; this file sits above both.
 */
export * from './src/index.ts';
export { createSession, registerCertificateSource } from './shell/index.ts';
export type { Session, SessionOptions, SerializedState, RunResult } from './shell/index.ts';
