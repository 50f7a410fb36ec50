/**
 * The introspection answers of one skill, least recently used first out once `maxEntries` is reached. Keyed by a hash
 * of the token, indexed by user: AlexaLinkHub's webhooks name the user (`data.userId`), never the token.
 *
 * A revocation must never be undone by an introspection that was already on its way when the webhook arrived: every
 * eviction advances an epoch, and an answer is stored only if its user was not evicted after the request started.
 */
export class LinkCache {
  #maxEntries;
  #entries = new Map(); // key -> { state, sub, expiresAt }
  #byUser = new Map(); // sub -> Set<key>
  #evictedAt = new Map(); // sub -> epoch of its last eviction
  #clearedAt = -1;
  #epoch = 0;

  constructor(maxEntries) {
    this.#maxEntries = maxEntries;
  }

  get size() {
    return this.#entries.size;
  }

  /** Read before starting an introspection, passed to `set` with its answer. */
  get epoch() {
    return this.#epoch;
  }

  get(key, now) {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    this.#entries.delete(key);
    if (entry.expiresAt <= now) {
      this.#unindex(key, entry.sub);
      return undefined;
    }
    this.#entries.set(key, entry); // most recently used last
    return entry.state;
  }

  /** Stores an answer for `ttlMs`; false when its user was evicted since `startedAt` (the answer may be stale). */
  set(key, state, sub, ttlMs, now, startedAt) {
    if (ttlMs <= 0 || this.#clearedAt > startedAt) return false;
    if (sub !== null && (this.#evictedAt.get(sub) ?? -1) > startedAt) return false;
    this.#remove(key);
    this.#entries.set(key, { state, sub, expiresAt: now + ttlMs });
    if (sub !== null) {
      let keys = this.#byUser.get(sub);
      if (keys === undefined) this.#byUser.set(sub, (keys = new Set()));
      keys.add(key);
    }
    while (this.#entries.size > this.#maxEntries) this.#remove(this.#entries.keys().next().value);
    return true;
  }

  /** Drops every answer about this user; returns how many. */
  evictUser(sub) {
    this.#epoch++;
    this.#evictedAt.delete(sub);
    this.#evictedAt.set(sub, this.#epoch);
    while (this.#evictedAt.size > this.#maxEntries) this.#evictedAt.delete(this.#evictedAt.keys().next().value);
    const keys = this.#byUser.get(sub);
    if (keys === undefined) return 0;
    this.#byUser.delete(sub);
    for (const key of keys) this.#entries.delete(key);
    return keys.size;
  }

  clear() {
    this.#epoch++;
    this.#clearedAt = this.#epoch;
    this.#entries.clear();
    this.#byUser.clear();
    this.#evictedAt.clear();
  }

  #remove(key) {
    const entry = this.#entries.get(key);
    if (entry === undefined) return;
    this.#entries.delete(key);
    this.#unindex(key, entry.sub);
  }

  #unindex(key, sub) {
    if (sub === null) return;
    const keys = this.#byUser.get(sub);
    keys?.delete(key);
    if (keys?.size === 0) this.#byUser.delete(sub);
  }
}
