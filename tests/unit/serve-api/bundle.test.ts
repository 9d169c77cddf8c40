import { describe, expect, it } from 'vitest';
import { bundleCli } from '../../../src/lib/webcontainer/cli-bundle.ts';

describe('serve --api stays Node-only', () => {
  it('is left out of the WebContainer CLI bundle', async () => {
    const bundle = await bundleCli();

    // Markers of the HTTPS server: its debug switch, the impersonation header it reads
    // (client-auth.ts) and node:https. The discovery documents (APIGroupList) are no marker: the
    // simulator's own `kubectl get --raw /apis` answers from them (shell/api/read.ts).
    expect(bundle).not.toContain('KUBELIFE_API_LOG');
    expect(bundle).not.toContain('impersonate-user');
    expect(bundle).not.toContain('node:https');
  });
});
