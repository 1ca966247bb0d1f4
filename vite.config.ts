import { defineConfig } from 'vitest/config';
import adapter from '@sveltejs/adapter-node';
import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';

/**
 * Lucide's SVG files come with a licence comment, a class and pretty-printing: as `?raw` strings they are
 * inlined in every page that shows an icon, so they are trimmed to the drawing (the licence is in
 * node_modules/lucide-static and the README).
 */
function compactIcons(): Plugin {
	return {
		name: 'hocso:compact-icons',
		enforce: 'post',
		transform(code, id) {
			if (!/lucide-static\/icons\/[\w-]+\.svg\?raw$/.test(id)) return null;
			const svg = JSON.parse(code.replace(/^export default /, '').replace(/;\s*$/, '')) as string;
			const compact = svg
				.replace(/<!--[\s\S]*?-->/g, '')
				.replace(/\s+class="[^"]*"/, '')
				.replace(/>\s+</g, '><')
				.replace(/\s+/g, ' ')
				.replace(/ \/>/g, '/>')
				.replace(/\s+>/g, '>')
				.trim();
			return { code: `export default ${JSON.stringify(compact)};`, map: null };
		}
	};
}

export default defineConfig({
	plugins: [
		compactIcons(),
		sveltekit({
			compilerOptions: {
				runes: ({ filename }) => (filename.split(/[/\\]/).includes('node_modules') ? undefined : true)
			},
			adapter: adapter({ precompress: true }),
			csp: {
				mode: 'auto',
				directives: {
					'default-src': ['self'],
					'script-src': ['self'],
					'style-src': ['self', 'unsafe-inline'],
					'img-src': ['self', 'data:'],
					'object-src': ['none'],
					'base-uri': ['self'],
					'form-action': ['self'],
					'frame-ancestors': ['none']
				}
			}
		})
	],
	test: {
		expect: { requireAssertions: true },
		env: { LOG_LEVEL: 'silent' },
		projects: [
			{
				extends: './vite.config.ts',
				test: { name: 'unit', environment: 'node', include: ['src/**/*.spec.ts'] }
			},
			{
				extends: './vite.config.ts',
				test: {
					name: 'integration',
					environment: 'node',
					include: ['tests/integration/**/*.test.ts'],
					setupFiles: ['tests/integration/setup.ts'],
					testTimeout: 30_000,
					hookTimeout: 60_000
				}
			}
		]
	}
});
