/**
 * kubectl's go-template printer (`-o go-template=…`, `-o template=…`, `--template`): parses the
 * template with kubectl's functions, runs it over the object as JSON (whole numbers int64, others float64),
 * and on failure prints what kubectl prints: a parse error as `error parsing template T, …`; an
 * execution error as the output so far, the debugging dump on stdout and
 * `error executing template "T": …`.
 *
 * upstream: staging/src/k8s.io/cli-runtime/pkg/printers/template.go (NewGoTemplatePrinter,
 * PrintObj, AllowMissingKeys), genericclioptions/template_flags.go (ToPrinter: the parse error
 * wording). Measured with kubectl v1.33 (`kubectl create … --dry-run=client -o go-template=…`).
 */
import { goJson } from '../jsonpath/render.ts';
import { execute, partialOutput, TemplateBudgetError, TemplateExecError } from './exec.ts';
import { BUILTINS } from './funcs.ts';
import { formatValue, goQuote } from './go-fmt.ts';
import { TemplateSyntaxError } from './lex.ts';
import { parseTemplate, type Parsed } from './parse.ts';
import { fromJson } from './values.ts';

const FUNCTIONS: ReadonlySet<string> = new Set(BUILTINS);
const NAME = 'output';

/** The printer's outcome: the text, or what kubectl writes on stdout before its error. */
export type GoTemplateOutput =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly stdout: string; readonly message: string };

/** Parses a template; the error is template_flags.go's "error parsing template T, REASON". */
export function checkGoTemplate(template: string): string | null {
  try {
    parseTemplate(template, FUNCTIONS);
    return null;
  } catch (error) {
    return `error parsing template ${template}, ${syntaxText(error)}`;
  }
}

function syntaxText(error: unknown): string {
  if (error instanceof TemplateSyntaxError)
    return `template: ${NAME}:${error.line}: ${error.message}`;
  return `template: ${NAME}: ${(error as Error).message}`;
}

/**
 * Prints `value` through `template`. `allowMissingKeys` is --allow-missing-template-keys
 * (default true: a missing key prints `<no value>`).
 */
export function renderGoTemplate(
  template: string,
  value: unknown,
  allowMissingKeys = true,
): GoTemplateOutput {
  let parsed: Parsed;
  try {
    parsed = parseTemplate(template, FUNCTIONS);
  } catch (error) {
    return {
      ok: false,
      stdout: '',
      message: `error parsing template ${template}, ${syntaxText(error)}`,
    };
  }
  const data = fromJson(JSON.parse(JSON.stringify(value)));
  try {
    return {
      ok: true,
      text: execute(parsed, data, { text: template, name: NAME }, !allowMissingKeys),
    };
  } catch (error) {
    if (error instanceof TemplateBudgetError)
      return { ok: false, stdout: '', message: error.message };
    if (!(error instanceof TemplateExecError)) throw error;
    const reason = error.message;
    const dump =
      `Error executing template: ${reason}. Printing more information for debugging the template:\n` +
      `\ttemplate was:\n\t\t${template}\n` +
      `\traw data was:\n\t\t${goJson(value)}\n` +
      `\tobject given to template engine was:\n\t\t${formatValue(data, 'v')}\n\n`;
    return {
      ok: false,
      stdout: partialOutput(error) + dump,
      message: `error executing template ${goQuote(template)}: ${reason}`,
    };
  }
}
