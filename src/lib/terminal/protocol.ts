/**
 * Messages between the page (worker-client.ts, the WebContainer backend) and an engine host (the
 * Web Worker, or `kubelife serve --jsonl`). The protocol lives in the engine's shell layer
 * (`kubelife/shell`), next to the one handler that serves it; this module keeps the terminal's
 * names for it.
 */
export type {
  ClusterStatus,
  CompleteRequest,
  CompleteResponse,
  EngineRequest as WorkerRequest,
  EngineResponse as WorkerResponse,
  ErrorResponse,
  GoalStatus,
  LoadRequest,
  LoadResponse,
  ResetRequest,
  RanLine,
  RunManyRequest,
  RunManyResponse,
  RunRequest,
  RunResponse,
  SaveRequest,
  SaveResponse,
} from 'kubelife/shell';
