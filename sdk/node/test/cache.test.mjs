import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LinkCache } from '../src/cache.js';
import { normaliseIssuer } from '../src/introspection.js';

const linked = (sub) => ({ status: 'linked', user: { sub } });

test('the least recently used answer goes first once the cache is full', () => {
  const cache = new LinkCache(2);
  cache.set('a', linked('u1'), 'u1', 1000, 0, cache.epoch);
  cache.set('b', linked('u2'), 'u2', 1000, 0, cache.epoch);
  assert.ok(cache.get('a', 1)); // a is now the most recently used
  cache.set('c', linked('u3'), 'u3', 1000, 1, cache.epoch);
  assert.equal(cache.size, 2);
  assert.equal(cache.get('b', 2), undefined);
  assert.ok(cache.get('a', 2));
  assert.ok(cache.get('c', 2));
  assert.equal(cache.evictUser('u2'), 0, 'the LRU victim left the user index too');
});

test('an answer is gone at its time to live', () => {
  const cache = new LinkCache(10);
  cache.set('a', linked('u1'), 'u1', 100, 1000, cache.epoch);
  assert.ok(cache.get('a', 1099));
  assert.equal(cache.get('a', 1100), undefined);
  assert.equal(cache.size, 0);
  assert.equal(cache.set('b', linked('u1'), 'u1', 0, 1000, cache.epoch), false, 'an already expired answer is not stored');
});

test('evicting a user drops every token of theirs and nobody else\'s', () => {
  const cache = new LinkCache(10);
  cache.set('a1', linked('u1'), 'u1', 1000, 0, cache.epoch);
  cache.set('a2', linked('u1'), 'u1', 1000, 0, cache.epoch);
  cache.set('b', linked('u2'), 'u2', 1000, 0, cache.epoch);
  assert.equal(cache.evictUser('u1'), 2);
  assert.equal(cache.get('a1', 1), undefined);
  assert.equal(cache.get('a2', 1), undefined);
  assert.ok(cache.get('b', 1));
});

test('an answer fetched before an eviction of its user is not stored', () => {
  const cache = new LinkCache(10);
  const startedAt = cache.epoch;
  cache.evictUser('u1'); // the webhook arrives while the introspection is on its way
  assert.equal(cache.set('a', linked('u1'), 'u1', 1000, 0, startedAt), false);
  assert.equal(cache.get('a', 1), undefined);
  assert.equal(cache.set('b', linked('u2'), 'u2', 1000, 0, startedAt), true, 'other users are not affected');
  assert.equal(cache.set('a', linked('u1'), 'u1', 1000, 0, cache.epoch), true, 'a request started after the eviction is stored');
});

test('clearing drops everything, including answers on their way', () => {
  const cache = new LinkCache(10);
  cache.set('a', linked('u1'), 'u1', 1000, 0, cache.epoch);
  const startedAt = cache.epoch;
  cache.clear();
  assert.equal(cache.size, 0);
  assert.equal(cache.set('b', linked('u2'), 'u2', 1000, 0, startedAt), false);
});

test('the issuer must be https, or http on a loopback address', () => {
  assert.equal(normaliseIssuer('https://link.example.com/t/carfu/'), 'https://link.example.com/t/carfu');
  assert.equal(normaliseIssuer('http://127.0.0.1:5080/t/carfu'), 'http://127.0.0.1:5080/t/carfu');
  assert.equal(normaliseIssuer('http://localhost:5080/t/carfu'), 'http://localhost:5080/t/carfu');
  assert.equal(normaliseIssuer('http://[::1]:5080/t/carfu'), 'http://[::1]:5080/t/carfu');
  assert.throws(() => normaliseIssuer('http://link.example.com/t/carfu'), /https/);
  assert.throws(() => normaliseIssuer('http://10.0.0.5/t/carfu'), /https/);
  assert.throws(() => normaliseIssuer('t/carfu'), /absolute/);
  assert.throws(() => normaliseIssuer('https://link.example.com/t/carfu?x=1'), /query/);
});
