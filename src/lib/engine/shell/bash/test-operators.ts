/**
 * The operator table of `test` and `[[ ]]`, shared by the parser (which must recognise a binary
 * operator to parse `[[ a < b ]]`) and the evaluator (test-expr.ts). Data only, so the parser, and
 * with it isCompleteInput, loads without the engine.
 */

/** Binary operators of `test` and `[[ ]]`. */
export const BINARY_OPERATORS = new Set([
  '=',
  '==',
  '!=',
  '<',
  '>',
  '-eq',
  '-ne',
  '-lt',
  '-le',
  '-gt',
  '-ge',
  '-nt',
  '-ot',
  '-ef',
]);
