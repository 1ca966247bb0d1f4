// A small in-process cache with a time to live, for public data that many requests ask for (the
// catalogue). Nothing in it is needed by another process: each fills its own, and the TTL bounds how
// stale a page can be after a course is published.
export class TtlCache<V> {
	readonly #entries = new Map<string, { value: V; expires: number }>();
	readonly #ttlMs: number;
	readonly #max: number;

	constructor(options: { ttlMs: number; max: number }) {
		this.#ttlMs = options.ttlMs;
		this.#max = options.max;
	}

	async get(key: string, load: () => Promise<V>): Promise<V> {
		const hit = this.#entries.get(key);
		if (hit && hit.expires > Date.now()) return hit.value;
		const value = await load();
		this.#entries.delete(key);
		this.#entries.set(key, { value, expires: Date.now() + this.#ttlMs });
		// Oldest first: Map keeps insertion order.
		while (this.#entries.size > this.#max) this.#entries.delete(this.#entries.keys().next().value!);
		return value;
	}

	clear() {
		this.#entries.clear();
	}
}
