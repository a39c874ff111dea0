// @ts-check
/** Unit tests for heap-census.mjs (run with `npm run test:scripts`). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { countSnapshot, grownObjects } from './heap-census.mjs';

/**
 * A tiny heap snapshot in V8's format: nodes are [type, name, id, self_size, edge_count,
 * trace_node_id, detachedness], edges are [type, name_or_index, to_node], all flat.
 */
const SNAPSHOT = {
  snapshot: {
    meta: {
      node_fields: [
        'type',
        'name',
        'id',
        'self_size',
        'edge_count',
        'trace_node_id',
        'detachedness',
      ],
      node_types: [['hidden', 'array', 'string', 'object', 'code', 'closure', 'native']],
      edge_fields: ['type', 'name_or_index', 'to_node'],
      edge_types: [['context', 'element', 'property', 'internal', 'hidden', 'shortcut', 'weak']],
    },
  },
  strings: [
    'SafeSubscriber',
    'destination',
    'Object',
    'HTMLDivElement',
    'next',
    'fn',
    'system / Context / scope @41',
    'system / Context / scope @97',
  ],
  // prettier-ignore
  nodes: [
    3, 0, 1, 32, 2, 0, 0, // SafeSubscriber with `next` and `destination` properties
    3, 2, 2, 16, 1, 0, 0, // Object with a `next` property
    3, 2, 3, 16, 1, 0, 0, // Object with an element edge named like `destination` (index 1)
    6, 3, 4, 64, 0, 0, 2, // a detached <div>
    5, 5, 5, 32, 0, 0, 0, // a closure
    3, 6, 6, 24, 0, 0, 0, // two scopes of one function, each named with its own id
    3, 7, 7, 24, 0, 0, 0,
  ],
  // prettier-ignore
  edges: [
    2, 4, 7,
    2, 1, 14,
    2, 4, 0,
    1, 1, 0,
  ],
};

describe('countSnapshot', () => {
  it('counts objects by name (scopes without their id), subscribers and detached DOM nodes', () => {
    const census = countSnapshot(SNAPSHOT);
    assert.equal(census.subscribers, 1);
    assert.deepEqual(
      [...census.bytesByType],
      [
        ['object', 32 + 16 + 16 + 24 + 24],
        ['native', 64],
        ['closure', 32],
      ],
    );
    assert.equal(census.detachedDomNodes, 1);
    assert.deepEqual(
      [...census.objectsByName],
      [
        ['SafeSubscriber', 1],
        ['Object', 2],
        ['system / Context / scope', 2],
      ],
    );
  });
});

describe('grownObjects', () => {
  it('lists the names that grew by the threshold or more, largest growth first', () => {
    const before = new Map([
      ['Object', 1000],
      ['SafeSubscriber', 10],
      ['Array', 500],
    ]);
    const after = new Map([
      ['Object', 1050],
      ['SafeSubscriber', 1010],
      ['Array', 450],
      ['Timer', 100],
    ]);
    assert.deepEqual(grownObjects(before, after, 100), [
      { name: 'SafeSubscriber', before: 10, after: 1010 },
      { name: 'Timer', before: 0, after: 100 },
    ]);
  });
});
