/**
 * What a terminal needs from the shell to edit input lines, without loading the engine: the
 * browser terminal's line discipline asks it whether a typed line is a whole command or needs more
 * lines (`\\` at the end, an open here-document, `for … do`, an open quote) before sending it.
 * Package entry `kubelife/input`.
 */
export { isCompleteInput } from './bash/parse.ts';
