// The small part of autocannon@9's programmatic API the benchmark uses (the package ships no types).
declare module 'autocannon' {
	import type { EventEmitter } from 'node:events';

	export type RequestParams = {
		method?: string;
		path?: string;
		headers?: Record<string, string>;
		body?: string | Buffer;
	};

	export type Request = RequestParams & {
		setupRequest?: (request: RequestParams, context: Record<string, unknown>) => RequestParams | null | undefined;
		onResponse?: (status: number, body: string, context: Record<string, unknown>, headers: Record<string, string | string[]>) => void;
	};

	export type Options = {
		url: string;
		connections?: number;
		duration?: number;
		timeout?: number;
		bailout?: number;
		pipelining?: number;
		method?: string;
		headers?: Record<string, string>;
		body?: string | Buffer;
		requests?: Request[];
	};

	export type Histogram = { average: number; mean: number; stddev: number; min: number; max: number; total: number; p50: number; p90: number; p97_5: number; p99: number; [key: string]: number };

	export type Result = {
		duration: number;
		latency: Histogram;
		requests: Histogram;
		throughput: Histogram;
		errors: number;
		timeouts: number;
		mismatches: number;
		non2xx: number;
		resets: number;
		'1xx': number;
		'2xx': number;
		'3xx': number;
		'4xx': number;
		'5xx': number;
		statusCodeStats: Record<string, { count: number }>;
		start: Date;
		finish: Date;
	};

	export type Instance = EventEmitter & { stop(): void };

	function autocannon(options: Options, callback: (error: Error | null, result: Result) => void): Instance;
	export default autocannon;
}
