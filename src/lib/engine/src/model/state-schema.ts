/**
 * The zod schema a saved ClusterState must pass before a session uses it (state.ts holds the
 * types). A saved state may come from anywhere (a file, sessionStorage, a WebContainer), so the
 * fields that decide where files go, what the clock reads and which machine the shell is on are
 * checked strictly; the rest of each object passes through (`looseObject`) so that features can
 * add fields without touching this file. To check a new field, add it to the object it belongs to.
 */
// zod/mini (with the English messages) is a tenth of full zod's size in the browser's worker.
import * as z from 'zod/mini';
import { en } from 'zod/locales';
import { isSimulatedTime } from '../clock.ts';
import { normalizePath } from '../machine/system.ts';
import { clusterSchema } from './cluster-schema.ts';

const HOST_LABEL = '[a-z0-9](?:[-a-z0-9]{0,61}[a-z0-9])?';
const HOST_NAME = new RegExp(`^${HOST_LABEL}(?:\\.${HOST_LABEL})*$`);

/** True for a plain host name: lowercase RFC 1123 labels joined by dots, at most 253 characters. */
export function isHostName(name: string): boolean {
  return name.length <= 253 && HOST_NAME.test(name);
}

/** True for an absolute path with no empty, `.` or `..` segment (what the shell stores). */
export function isCleanAbsolutePath(path: string): boolean {
  return path !== '/' && !path.includes('\0') && normalizePath(path) === path;
}

z.config(en());

/** A plain host name (a machine's name: it becomes a folder name when files are exported). */
export const hostName = z.string().check(z.refine(isHostName, 'not a plain host name'));
const cleanPath = z.string().check(z.refine(isCleanAbsolutePath, 'not a clean absolute path'));
/** Epoch milliseconds the simulated clock can hold (clock.ts MAX_SIMULATED_TIME). */
export const simulatedTime = z
  .number()
  .check(z.refine(isSimulatedTime, 'not a time between 1970 and 9999-12-31T23:59:59Z'));

const strings = z.array(z.string());

const certificateSchema = z.looseObject({
  name: z.string(),
  kind: z.enum(['ca', 'leaf', 'kubeconfig']),
  path: cleanPath,
  keyPath: cleanPath,
  subject: z.looseObject({ commonName: z.string(), organizations: strings }),
  issuer: z.string(),
  dnsNames: strings,
  ipAddresses: strings,
  notBefore: simulatedTime,
  notAfter: simulatedTime,
  isCA: z.boolean(),
  keyUsages: strings,
  extKeyUsages: strings,
  serialHex: z.string(),
  keyId: z.string(),
});

const machineSchema = z.looseObject({
  name: hostName,
  ip: z.string(),
  os: z.string(),
  kernel: z.string(),
  cpus: z.number(),
  memoryMiB: z.number(),
  swapOn: z.boolean(),
  ipForward: z.union([z.literal(0), z.literal(1)]),
  containerd: z.looseObject({ version: z.string(), running: z.boolean() }),
  aptUpdated: z.boolean(),
  files: z.record(cleanPath, z.string()),
  dirs: z.array(cleanPath),
  certs: z.record(cleanPath, certificateSchema),
  packages: z.record(
    z.string(),
    z.looseObject({ version: z.string(), revision: z.string(), held: z.boolean() }),
  ),
  kubelet: z.looseObject({
    enabled: z.boolean(),
    active: z.enum(['active', 'activating', 'inactive']),
    since: simulatedTime,
  }),
  sysctls: z.optional(z.record(z.string(), z.string())),
  modules: z.optional(strings),
});

/** Schema of a saved ClusterState: the checked fields strictly, the rest passed through. */
export const clusterStateSchema = z
  .looseObject({
    schema: z.literal(1),
    now: simulatedTime,
    rng: z.int(),
    counter: z.int().check(z.nonnegative()),
    machines: z.record(hostName, machineSchema, { error: 'the state has no readable machines' }),
    cluster: z.nullable(clusterSchema),
  })
  .check(
    z.superRefine((state, ctx) => {
      for (const [key, machine] of Object.entries(state.machines))
        if (machine.name !== key)
          ctx.addIssue({
            code: 'custom',
            path: ['machines', key, 'name'],
            message: `does not match its key "${key}"`,
          });
    }),
  );

/** The first problem zod found, as `path.to.field: message` (the path may be empty). */
export function firstIssue(
  error: {
    readonly issues: ReadonlyArray<{
      readonly path: readonly PropertyKey[];
      readonly message: string;
    }>;
  },
  prefix: readonly PropertyKey[] = [],
): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const path = [...prefix, ...issue.path].map(String).join('.');
  return path === '' ? issue.message : `${path}: ${issue.message}`;
}
