// Tables ported from kubernetes/kubernetes pkg/controlplane/reconcilers/instancecount_test.go
// (TestMasterCountEndpointReconciler; the EndpointSlice-mirroring cases are out of scope here).
import { describe, expect, it } from 'vitest';
import * as root from 'kubelife';

import {
  reconcileEndpoints,
  reconcileLeaseEndpoints,
  reconcileNoneEndpoints,
  type EndpointPort,
  type EndpointsState,
} from '../../../src/lib/engine/src/policy/endpoint-reconciler.ts';

const foo: EndpointPort = { name: 'foo', port: 8080, protocol: 'TCP' };
const ep = (addresses: string[], ports: EndpointPort[] = [foo]): EndpointsState => ({
  addresses,
  ports,
});

interface Case {
  name: string;
  ip: string;
  ports: EndpointPort[];
  additionalMasters?: number;
  initial: EndpointsState | null;
  create?: EndpointsState;
  update?: EndpointsState;
}

const reconcileCases: Case[] = [
  {
    name: 'no existing endpoints',
    ip: '1.2.3.4',
    ports: [foo],
    initial: null,
    create: ep(['1.2.3.4']),
  },
  { name: 'existing endpoints satisfy', ip: '1.2.3.4', ports: [foo], initial: ep(['1.2.3.4']) },
  {
    name: 'existing endpoints satisfy but too many',
    ip: '1.2.3.4',
    ports: [foo],
    initial: ep(['1.2.3.4', '4.3.2.1']),
    update: ep(['1.2.3.4']),
  },
  {
    name: 'existing endpoints satisfy but too many + extra masters',
    ip: '1.2.3.4',
    ports: [foo],
    additionalMasters: 3,
    initial: ep(['1.2.3.4', '4.3.2.1', '4.3.2.2', '4.3.2.3', '4.3.2.4']),
    update: ep(['1.2.3.4', '4.3.2.2', '4.3.2.3', '4.3.2.4']),
  },
  {
    name: 'existing endpoints satisfy but too many + extra masters + delete first',
    ip: '4.3.2.4',
    ports: [foo],
    additionalMasters: 3,
    initial: ep(['1.2.3.4', '4.3.2.1', '4.3.2.2', '4.3.2.3', '4.3.2.4']),
    update: ep(['4.3.2.1', '4.3.2.2', '4.3.2.3', '4.3.2.4']),
  },
  {
    name: 'existing endpoints satisfy and endpoint addresses length less than master count',
    ip: '4.3.2.2',
    ports: [foo],
    additionalMasters: 3,
    initial: ep(['4.3.2.1', '4.3.2.2']),
  },
  {
    name: 'existing endpoints current IP missing and address length less than master count',
    ip: '4.3.2.2',
    ports: [foo],
    additionalMasters: 3,
    initial: ep(['4.3.2.1']),
    update: ep(['4.3.2.1', '4.3.2.2']),
  },
  {
    name: 'existing endpoints wrong IP',
    ip: '1.2.3.4',
    ports: [foo],
    initial: ep(['4.3.2.1']),
    update: ep(['1.2.3.4']),
  },
  {
    name: 'existing endpoints wrong port',
    ip: '1.2.3.4',
    ports: [foo],
    initial: ep(['1.2.3.4'], [{ ...foo, port: 9090 }]),
    update: ep(['1.2.3.4']),
  },
  {
    name: 'existing endpoints wrong protocol',
    ip: '1.2.3.4',
    ports: [foo],
    initial: ep(['1.2.3.4'], [{ ...foo, protocol: 'UDP' }]),
    update: ep(['1.2.3.4']),
  },
  {
    name: 'existing endpoints wrong port name',
    ip: '1.2.3.4',
    ports: [{ ...foo, name: 'baz' }],
    initial: ep(['1.2.3.4']),
    update: ep(['1.2.3.4'], [{ ...foo, name: 'baz' }]),
  },
  {
    name: 'existing endpoints extra service ports satisfy',
    ip: '1.2.3.4',
    ports: [
      foo,
      { name: 'bar', port: 1000, protocol: 'TCP' },
      { name: 'baz', port: 1010, protocol: 'TCP' },
    ],
    initial: ep(
      ['1.2.3.4'],
      [
        foo,
        { name: 'bar', port: 1000, protocol: 'TCP' },
        { name: 'baz', port: 1010, protocol: 'TCP' },
      ],
    ),
  },
  {
    name: 'existing endpoints extra service ports missing port',
    ip: '1.2.3.4',
    ports: [foo, { name: 'bar', port: 1000, protocol: 'TCP' }],
    initial: ep(['1.2.3.4']),
    update: ep(['1.2.3.4'], [foo, { name: 'bar', port: 1000, protocol: 'TCP' }]),
  },
  {
    name: 'no existing sctp endpoints',
    ip: '1.2.3.4',
    ports: [{ name: 'boo', port: 7777, protocol: 'SCTP' }],
    initial: null,
    create: ep(['1.2.3.4'], [{ name: 'boo', port: 7777, protocol: 'SCTP' }]),
  },
];

const nonReconcileCases: Case[] = [
  {
    name: 'existing endpoints extra service ports missing port no update',
    ip: '1.2.3.4',
    ports: [foo, { name: 'bar', port: 1000, protocol: 'TCP' }],
    initial: ep(['1.2.3.4']),
  },
  {
    name: 'existing endpoints extra service ports, wrong ports, wrong IP',
    ip: '1.2.3.4',
    ports: [foo, { name: 'bar', port: 1000, protocol: 'TCP' }],
    initial: ep(['4.3.2.1']),
    update: ep(['1.2.3.4']),
  },
  {
    name: 'no existing endpoints',
    ip: '1.2.3.4',
    ports: [foo],
    initial: null,
    create: ep(['1.2.3.4']),
  },
];

const expected = (c: Case) =>
  c.create
    ? { action: 'create', ...c.create }
    : c.update
      ? { action: 'update', ...c.update }
      : {
          action: 'none',
          addresses: [...(c.initial?.addresses ?? [])].sort(),
          ports: c.initial?.ports ?? [],
        };

describe.each([
  { reconcilePorts: true, cases: reconcileCases },
  { reconcilePorts: false, cases: nonReconcileCases },
])('master-count reconciler (reconcilePorts=$reconcilePorts)', ({ reconcilePorts, cases }) => {
  it.each(cases)('$name', (c) => {
    const input = {
      type: 'master-count' as const,
      ownIP: c.ip,
      masterCount: (c.additionalMasters ?? 0) + 1,
      current: c.initial,
      ports: c.ports,
      reconcilePorts,
    };

    const result = reconcileEndpoints(input);

    expect(result).toEqual(expected(c));
  });
});

describe('two apiservers sharing the kubernetes endpoints', () => {
  const run = (masterCount: number, rounds: number) => {
    let state: EndpointsState | null = null;
    const history: string[] = [];
    for (let i = 0; i < rounds; i++) {
      const ownIP = i % 2 === 0 ? '10.0.0.1' : '10.0.0.2';
      const r = reconcileEndpoints({
        type: 'master-count',
        ownIP,
        masterCount,
        current: state,
        ports: [foo],
        reconcilePorts: true,
      });
      history.push(`${ownIP}:${r.action}:${r.addresses.join(',')}`);
      state = { addresses: r.addresses, ports: r.ports };
    }
    return history;
  };

  it('flip the endpoint back and forth forever with --apiserver-count=1', () => {
    const history = run(1, 6);

    expect(history).toEqual([
      '10.0.0.1:create:10.0.0.1',
      '10.0.0.2:update:10.0.0.2',
      '10.0.0.1:update:10.0.0.1',
      '10.0.0.2:update:10.0.0.2',
      '10.0.0.1:update:10.0.0.1',
      '10.0.0.2:update:10.0.0.2',
    ]);
  });

  it('converge on both addresses with --apiserver-count=2', () => {
    const history = run(2, 6);

    expect(history).toEqual([
      '10.0.0.1:create:10.0.0.1',
      '10.0.0.2:update:10.0.0.1,10.0.0.2',
      '10.0.0.1:none:10.0.0.1,10.0.0.2',
      '10.0.0.2:none:10.0.0.1,10.0.0.2',
      '10.0.0.1:none:10.0.0.1,10.0.0.2',
      '10.0.0.2:none:10.0.0.1,10.0.0.2',
    ]);
  });

  it('keeps a dead apiserver in the endpoints when the count allows it', () => {
    const current = ep(['10.0.0.1', '10.0.0.2']);

    const result = reconcileEndpoints({
      type: 'master-count',
      ownIP: '10.0.0.1',
      masterCount: 2,
      current,
      ports: [foo],
      reconcilePorts: true,
    });

    expect(result.action).toBe('none');
    expect(result.addresses).toContain('10.0.0.2');
  });
});

describe('lease and none reconcilers', () => {
  it('lists only apiservers with unexpired leases, sorted', () => {
    const leases = [
      { ip: '10.0.0.3', expiresAt: 2_000 },
      { ip: '10.0.0.1', expiresAt: 2_000 },
      { ip: '10.0.0.2', expiresAt: 500 },
    ];

    const result = reconcileLeaseEndpoints({
      leases,
      now: 1_000,
      current: ep(['10.0.0.1', '10.0.0.2', '10.0.0.3']),
      ports: [foo],
      reconcilePorts: true,
    });

    expect(result).toEqual({ action: 'update', addresses: ['10.0.0.1', '10.0.0.3'], ports: [foo] });
  });

  it('writes nothing when the live leases match the endpoints', () => {
    const leases = [{ ip: '10.0.0.1', expiresAt: 2_000 }];

    const result = reconcileLeaseEndpoints({
      leases,
      now: 1_000,
      current: ep(['10.0.0.1']),
      ports: [foo],
      reconcilePorts: true,
    });

    expect(result.action).toBe('none');
  });

  it('never touches the endpoints with the none reconciler', () => {
    const result = reconcileNoneEndpoints(ep(['9.9.9.9']));

    expect(result).toEqual({ action: 'none', addresses: ['9.9.9.9'], ports: [foo] });
  });
});

describe('the package root', () => {
  it('exports the endpoint reconcilers like the other policy checks', () => {
    const input = {
      type: 'master-count' as const,
      ownIP: '10.0.0.12',
      masterCount: 2,
      current: ep(['10.0.0.11']),
      ports: [foo],
      reconcilePorts: true,
    };

    const result = root.reconcileEndpoints(input);

    expect(result).toEqual(reconcileEndpoints(input));
    expect(result.addresses).toEqual(['10.0.0.11', '10.0.0.12']);
    expect(root.reconcileNoneEndpoints(ep(['9.9.9.9']))).toEqual(
      reconcileNoneEndpoints(ep(['9.9.9.9'])),
    );
    expect(typeof root.reconcileLeaseEndpoints).toBe('function');
    expect(typeof root.checkUpgradePolicy).toBe('function');
  });
});
