/**
 * The flags of `kubectl delete`, with kubectl's usage texts
 * (staging/src/k8s.io/kubectl/pkg/cmd/delete/delete_flags.go AddFlags, cmdutil.AddDryRunFlag).
 */
import type { FlagSpec } from '../flags.ts';
import { DELETE_FLAGS } from './kubectl-mutate.ts';

/** What `kubectl delete` accepts beyond kubectl-mutate.ts's common flags. */
export const DELETE_VERB_FLAGS: FlagSpec[] = [
  ...DELETE_FLAGS,
  {
    name: 'all',
    type: 'bool',
    usage: 'Delete all resources, in the namespace of the specified resource types.',
  },
  {
    name: 'all-namespaces',
    short: 'A',
    type: 'bool',
    usage:
      'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.',
  },
  {
    name: 'cascade',
    type: 'string',
    default: 'background',
    usage:
      'Must be "background", "orphan", or "foreground". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background.',
  },
  {
    name: 'dry-run',
    type: 'string',
    default: 'none',
    usage:
      'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.',
  },
  {
    name: 'field-selector',
    type: 'string',
    usage:
      "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type.",
  },
  {
    name: 'filename',
    short: 'f',
    type: 'strings',
    usage: 'containing the resource to delete.',
  },
  {
    name: 'force',
    type: 'bool',
    usage:
      'If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.',
  },
  {
    name: 'grace-period',
    type: 'string',
    default: '-1',
    usage:
      'Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion).',
  },
  {
    name: 'ignore-not-found',
    type: 'bool',
    usage:
      'Treat "resource not found" as a successful delete. Defaults to "true" when --all is specified.',
  },
  {
    name: 'now',
    type: 'bool',
    usage: 'If true, resources are signaled for immediate shutdown (same as --grace-period=1).',
  },
  {
    name: 'output',
    short: 'o',
    type: 'string',
    usage: 'Output mode. Use "-o name" for shorter output (resource/name).',
  },
  {
    name: 'selector',
    short: 'l',
    type: 'string',
    usage:
      "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.",
  },
  {
    name: 'timeout',
    type: 'string',
    default: '0s',
    usage:
      'The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object',
  },
];
