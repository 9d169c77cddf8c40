// kubectl create service clusterip|nodeport|loadbalancer|externalname
// (staging/src/k8s.io/kubectl/pkg/cmd/create/create_service.go; the same lines are judged by the
// real kubectl in the parity corpus, corpus-service.ts).
import { describe, expect, it } from 'vitest';
import { createSession, getObject } from 'kubelife';

describe('kubectl create service', () => {
  it('builds the Service kubectl sends: app label and selector, named TCP ports', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    expect((await s.run('kubectl create service clusterip my-cs --tcp=5678:8080,80')).stdout).toBe(
      'service/my-cs created\n',
    );
    const spec = getObject(s.save().state, 'services', 'default', 'my-cs')?.['spec'] as {
      ports: { name: string; port: number; targetPort: number }[];
      selector: Record<string, string>;
      clusterIP: string;
    };
    expect(spec.selector).toEqual({ app: 'my-cs' });
    expect(spec.ports.map((p) => [p.name, p.port, p.targetPort])).toEqual([
      ['5678-8080', 5678, 8080],
      ['80', 80, 80],
    ]);
    expect(spec.clusterIP).toMatch(/^10\.96\./);
  });

  it('gives NodePort and LoadBalancer Services node ports, ExternalName none and no address', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run('kubectl create service nodeport np --tcp=80 --node-port=30080');
    await s.run('kubectl create service loadbalancer lb --tcp=80');
    await s.run('kubectl create service externalname en --external-name bar.com');
    const rows = (await s.run('kubectl get svc np lb en')).stdout.split('\n');
    expect(rows[1]).toMatch(/^np\s+NodePort\s+10\.96\.\S+\s+<none>\s+80:30080\/TCP\s/);
    expect(rows[2]).toMatch(/^lb\s+LoadBalancer\s+10\.96\.\S+\s+<pending>\s+80:3\d{4}\/TCP\s/);
    expect(rows[3]).toMatch(/^en\s+ExternalName\s+<none>\s+bar\.com\s+<none>\s/);
  });

  it('answers the option errors and unknown subcommands as kubectl does', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    const err = async (line: string) => (await s.run(line)).stderr.trim();
    expect(await err('kubectl create service clusterip x')).toBe(
      'error: at least one tcp port specifier must be provided',
    );
    // Only clusterip has --clusterip (create_service.go), so the other types refuse the flag.
    expect(await err('kubectl create service nodeport x --clusterip=None --tcp=80')).toBe(
      "error: unknown flag: --clusterip\nSee 'kubectl create service nodeport --help' for usage.",
    );
    expect(await err('kubectl create service externalname x --external-name Bad_Name')).toBe(
      'error: invalid service external name Bad_Name',
    );
    expect(await err('kubectl create service clusterip x --tcp=abc')).toBe(
      'error: strconv.ParseUint: parsing "abc": invalid syntax',
    );
    expect(await err('kubectl create service foo x')).toBe(
      'error: unknown command "foo x"\nSee \'kubectl create service -h\' for help and examples',
    );
  });
});
