import { describe, expect, it } from 'vitest';
import { bundleCli } from '../../../src/lib/webcontainer/cli-bundle.ts';

describe('serve --api stays Node-only', () => {
  it('is left out of the WebContainer CLI bundle', async () => {
    const bundle = await bundleCli();

    // Markers of the HTTPS server: its debug switch, the discovery kind and node:https.
    expect(bundle).not.toContain('KUBELIFE_API_LOG');
    expect(bundle).not.toContain('APIGroupList');
    expect(bundle).not.toContain('node:https');
  });
});
