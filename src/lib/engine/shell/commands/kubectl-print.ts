/**
 * kubectl's output formats: what `-o` asks for (json, yaml, name, wide, jsonpath=…,
 * jsonpath-as-json=…, jsonpath-file=…, go-template=…, go-template-file=…, template=…,
 * templatefile=…, custom-columns=…, or --template alone), the JSON and YAML printers, and the
 * error for an output format no printer matches.
 *
 * upstream: staging/src/k8s.io/kubectl/pkg/cmd/get/get.go (printGeneric: one object when a single
 * name was given, otherwise a v1 List), get_flags.go (AllowedFormats, ToPrinter),
 * staging/src/k8s.io/cli-runtime/pkg/genericclioptions/print_flags.go (NoCompatiblePrinterError,
 * sorted list; --template without -o is go-template), template_flags.go and jsonpath_flags.go
 * (no template given, file read errors), json_yaml_flags.go (yml alias, kyaml since v1.34),
 * printers/json.go and yaml.go
 * (objects are Unstructured maps, so keys come out sorted), k8s.io/client-go/util/jsonpath.
 */
import { marshalGoYaml } from '../go-yaml/marshal.ts';
import { parseVersion } from '../../src/index.ts';
import type { Invocation } from '../types.ts';
import { str, type FlagSpec, type ParsedFlags } from '../flags.ts';
import { findMachine } from '../../src/index.ts';
import { absolutePath } from '../paths.ts';

type Obj = Record<string, unknown>;

/** Where custom columns come from: `-o custom-columns=SPEC`, or a file's path and content. */
export type ColumnsSource =
  { readonly spec: string } | { readonly path: string; readonly content: string | null };

/** What `-o` asks for. */
export type OutputFormat =
  | { readonly kind: 'table' | 'wide' | 'json' | 'yaml' | 'name' }
  | { readonly kind: 'jsonpath'; readonly template: string; readonly asJson: boolean }
  | { readonly kind: 'go-template'; readonly template: string }
  | { readonly kind: 'custom-columns'; readonly source: ColumnsSource }
  | { readonly kind: 'unsupported'; readonly format: string }
  | { readonly kind: 'error'; readonly message: string };

const TEMPLATE_FORMATS = [
  'go-template',
  'go-template-file',
  'template',
  'templatefile',
  'jsonpath',
  'jsonpath-as-json',
  'jsonpath-file',
  'custom-columns',
  'custom-columns-file',
];

/** `kubectl get`'s allowed formats, sorted as NoCompatiblePrinterError prints them. */
export function allowedFormats(kubectlVersion: string): string[] {
  let minor = 99;
  try {
    minor = parseVersion(kubectlVersion).minor;
  } catch {
    // unknown client version: newest behaviour
  }
  return [
    'json',
    'yaml',
    ...(minor >= 34 ? ['kyaml'] : []),
    'name',
    ...TEMPLATE_FORMATS,
    'wide',
  ].sort();
}

/**
 * The formats of kubectl's writing verbs (create, label, patch, scale …): PrintFlags without the
 * table printers (no wide, no custom-columns), sorted as NoCompatiblePrinterError prints them.
 */
export function writeFormats(kubectlVersion: string): string[] {
  return allowedFormats(kubectlVersion).filter(
    (f) => !['wide', 'custom-columns', 'custom-columns-file'].includes(f),
  );
}

/** --template and --allow-missing-template-keys (template_flags.go), on get and the writing verbs. */
export const TEMPLATE_FLAGS: readonly FlagSpec[] = [
  {
    name: 'template',
    type: 'string',
    usage:
      'Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].',
  },
  {
    name: 'allow-missing-template-keys',
    type: 'bool',
    default: 'true',
    usage:
      'If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.',
  },
];

/** --allow-missing-template-keys (default true). */
export function allowMissingKeys(p: ParsedFlags): boolean {
  return p.values['allow-missing-template-keys'] !== false;
}

/** What the template printers need besides `-o`: `--template` and a way to read a file. */
export interface TemplateSource {
  /** The --template flag's value. */
  readonly template?: string;
  /** A file's content on the machine kubectl runs on, or null when it does not exist. */
  readonly readFile?: (path: string) => string | null;
}

const NO_TEMPLATE: OutputFormat = {
  kind: 'error',
  message: 'error: template format specified but no template given',
};

/**
 * The go-template and jsonpath families: `F=TEMPLATE`, `F` with --template, `F-file=PATH`
 * (template_flags.go and jsonpath_flags.go ToPrinter: the template argument is the file's path
 * for the -file formats, whose content is the template).
 */
function templateFormat(
  family: string,
  arg: string | undefined,
  src: TemplateSource,
): OutputFormat | null {
  const go = ['go-template', 'template', 'go-template-file', 'templatefile'].includes(family);
  const jsonpath = ['jsonpath', 'jsonpath-as-json', 'jsonpath-file'].includes(family);
  if (!go && !jsonpath) return null;
  let template = arg ?? src.template;
  if (template === undefined || template === '') return NO_TEMPLATE;
  if (family.endsWith('file')) {
    const content = src.readFile?.(template) ?? null;
    if (content === null)
      return {
        kind: 'error',
        message: `error: error reading --template ${template}, open ${template}: no such file or directory`,
      };
    template = content;
  }
  return go
    ? { kind: 'go-template', template }
    : { kind: 'jsonpath', template, asJson: family === 'jsonpath-as-json' };
}

/** Parses an `-o` value the way get_flags.go's ToPrinter tries each printer family. */
export function parseOutput(
  value: string | undefined,
  kubectlVersion: string,
  src: TemplateSource = {},
): OutputFormat {
  // print_flags.go: --template without -o means -o go-template.
  const v = value === undefined && src.template !== undefined ? 'go-template' : (value ?? '');
  if (v === '') return { kind: 'table' };
  if (v === 'wide') return { kind: 'wide' };
  const lower = v.toLowerCase();
  if (lower === 'json' || lower === 'yaml' || lower === 'yml')
    return { kind: lower === 'json' ? 'json' : 'yaml' };
  if (v === 'name') return { kind: 'name' };
  const eq = v.indexOf('=');
  const family = eq >= 0 ? v.slice(0, eq) : v;
  const templated = templateFormat(family, eq >= 0 ? v.slice(eq + 1) : undefined, src);
  if (templated) return templated;
  if (family === 'custom-columns' || family === 'custom-columns-file') {
    // customcolumn_flags.go ToPrinter: the value after `=`, else --template.
    const arg = eq >= 0 ? v.slice(eq + 1) : (src.template ?? '');
    if (arg === '')
      return {
        kind: 'error',
        message: 'error: custom-columns format specified but no custom columns given',
      };
    return {
      kind: 'custom-columns',
      source:
        family === 'custom-columns'
          ? { spec: arg }
          : { path: arg, content: src.readFile?.(arg) ?? null },
    };
  }
  if (
    TEMPLATE_FORMATS.includes(family) ||
    (lower === 'kyaml' && allowedFormats(kubectlVersion).includes('kyaml'))
  )
    return { kind: 'unsupported', format: family };
  return {
    kind: 'error',
    message: `error: unable to match a printer suitable for the output format "${v}", allowed formats are: ${allowedFormats(kubectlVersion).join(',')}`,
  };
}

/** The value with every object's keys sorted (how Go marshals an unstructured map). */
export function sortDeep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortDeep);
  if (v === null || typeof v !== 'object') return v;
  const o = v as Obj;
  return Object.fromEntries(
    Object.keys(o)
      .sort()
      .map((k) => [k, sortDeep(o[k])]),
  );
}

/** The object kubectl prints: the item itself when one name was asked for, otherwise a List. */
export function printedValue(objects: readonly Obj[], single: boolean): Obj {
  return single && objects.length === 1
    ? (objects[0] ?? {})
    : { apiVersion: 'v1', items: [...objects], kind: 'List', metadata: { resourceVersion: '' } };
}

/** JSON as printers.JSONPrinter writes it (4-space indent, sorted keys of Unstructured maps). */
export function renderJson(value: Obj): string {
  return JSON.stringify(sortDeep(value), null, 4);
}

/**
 * YAML as printers.YAMLPrinter writes it: the object's JSON through sigs.k8s.io/yaml, i.e.
 * go-yaml v2's key order, quoting and folding at 80 columns (shell/go-yaml).
 */
export function renderYaml(value: Obj): string {
  return marshalGoYaml(
    JSON.parse(JSON.stringify(value)) as Parameters<typeof marshalGoYaml>[0],
  ).replace(/\n$/, '');
}

/** The output format of `-o` (and --template) for the kubectl on the invocation's machine. */
export function outputOf(inv: Invocation, p: ParsedFlags): OutputFormat {
  const machine = findMachine(inv.ctx.state, inv.machine);
  const version = machine?.packages.kubectl?.version ?? '';
  const template = str(p, 'template');
  return parseOutput(str(p, 'output'), `v${version.replace(/-.*$/, '')}`, {
    ...(template !== undefined ? { template } : {}),
    readFile: (path) => machine?.files[absolutePath(inv, path)] ?? null,
  });
}
