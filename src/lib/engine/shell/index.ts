/**
 * Public API of the shell layer (`kubelife/shell`): sessions, tokenizer, registry.
 */
import './commands/index.ts';

export { createSession } from './session.ts';
export { isCompleteInput } from './bash/parse.ts';
export type { Session, SessionOptions, SerializedState } from './session.ts';
export { parseSavedSession } from './saved-session.ts';
export type { RunResult, CommandModule, Invocation, ShellContext, Materializer } from './types.ts';
export { tokenize, parseCommandList } from './tokenize.ts';
export type { Token, WordPart, SimpleCommand } from './tokenize.ts';
export { registry, register } from './registry.ts';
export { parseFlags, formatFlagHelp } from './flags.ts';
export type { FlagSpec, ParsedFlags } from './flags.ts';
export { humanDuration, formatTable, printEvents } from './format.ts';
export { registerCertificateSource, defaultMaterializer } from './materialize.ts';
export type { CertificatePemSource } from './materialize.ts';
export { createProtocolHandler } from './protocol-handler.ts';
export { complete } from './complete.ts';
export type { Completion } from './complete.ts';
export { colourOutput, colourPrompt, stripColour } from './colour.ts';
export type { ProtocolHandler } from './protocol-handler.ts';
export { parseEngineRequest, REQUEST_TYPES } from './protocol.ts';
export type {
  EngineRequest,
  EngineResponse,
  LoadRequest,
  RunRequest,
  RunManyRequest,
  CompleteRequest,
  CompleteResponse,
  ResetRequest,
  SaveRequest,
  LoadResponse,
  RunResponse,
  RunManyResponse,
  RanLine,
  SaveResponse,
  ErrorResponse,
  ClusterStatus,
  GoalStatus,
} from './protocol.ts';
