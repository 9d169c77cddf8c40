// Shared fixture: one planned + materialised control plane, written to a temp dir for real openssl.
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { materializePlan } from '../../../src/lib/engine/src/pki/materialize-plan.ts';
import { planCertificates } from '../../../src/lib/engine/src/pki/plan-certificates.ts';
import type { PlanCertificatesInput } from '../../../src/lib/engine/src/pki/specs.ts';
import { createRng } from '../../../src/lib/engine/src/random.ts';

export const NOW = Date.UTC(2026, 10, 25, 14, 44, 10);
export const OPENSSL = '/usr/bin/openssl';
export const hasOpenssl = existsSync(OPENSSL);

export function planInput(overrides: Partial<PlanCertificatesInput> = {}): PlanCertificatesInput {
  const rng = createRng(42);
  return {
    nodeName: 'cp-1',
    advertiseAddress: '192.168.0.10',
    controlPlaneEndpoint: 'k8s.example.com:6443',
    now: NOW,
    random: () => rng.next(),
    ...overrides,
  };
}

/** Materialises a plan and mirrors its files under a temp dir (path → temp path). */
export async function writeControlPlane(): Promise<{
  root: string;
  files: Record<string, string>;
}> {
  const files = await materializePlan(planCertificates(planInput()));
  const root = mkdtempSync(join(tmpdir(), 'kubelife-pki-'));
  for (const [path, content] of Object.entries(files)) {
    const target = join(root, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  return { root, files };
}
