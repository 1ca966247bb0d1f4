import { describe, expect, it } from 'vitest';
import { renderLessonBody } from './render.ts';
import { validateDocument } from './document.ts';

const doc = (...content: object[]) => ({ type: 'doc', content });
const p = (text: string, marks?: object[]) => ({ type: 'paragraph', content: [{ type: 'text', text, ...(marks ? { marks } : {}) }] });

describe('lesson bodies', () => {
	it('render headings, lists, callouts and images from tiptap JSON', () => {
		const html = renderLessonBody(
			doc(
				{ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Khóa màn hình' }] },
				{ type: 'bulletList', content: [{ type: 'listItem', content: [p('Đặt mã PIN')] }] },
				{ type: 'callout', attrs: { tone: 'warning' }, content: [p('Không chia sẻ mã OTP', [{ type: 'bold' }])] },
				{ type: 'image', attrs: { src: 'lock.svg', alt: 'Màn hình khóa' } }
			),
			'—'
		);
		expect(html).toContain('<h2>Khóa màn hình</h2>');
		expect(html).toContain('<li><p>Đặt mã PIN</p></li>');
		expect(html).toMatch(/<aside[^>]*data-tone="warning"[^>]*><p><strong>Không chia sẻ mã OTP<\/strong><\/p><\/aside>/);
		expect(html).toMatch(/<img[^>]*src="lock.svg"[^>]*alt="Màn hình khóa"/);
	});

	it('render a video without preloading it, and a downloadable file', () => {
		const html = renderLessonBody(
			doc({ type: 'video', attrs: { src: '/media/courses/huong-dan.mp4', title: 'Hướng dẫn' } }, { type: 'fileAttachment', attrs: { href: '/media/courses/mau-don.pdf', name: 'Mẫu đơn (PDF)' } }),
			'—'
		);
		expect(html).toMatch(/<video[^>]*controls[^>]*preload="none"[^>]*src="\/media\/courses\/huong-dan.mp4"/);
		expect(html).toContain('<a href="/media/courses/mau-don.pdf" download="" data-file="">Mẫu đơn (PDF)</a>');
	});

	it('escape text, so stored HTML is shown, never run', () => {
		const html = renderLessonBody(doc(p('<script>alert(1)</script>')), '—');
		expect(html).not.toContain('<script>');
		expect(html).toContain('&lt;script&gt;');
	});

	it('show a placeholder for an unknown node and a link to javascript:', () => {
		const html = renderLessonBody(
			doc({ type: 'iframe', attrs: { src: 'https://evil.example' } }, p('bấm', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }])),
			'Nội dung này không hiển thị được.'
		);
		expect(html).toContain('<p class="placeholder">Nội dung này không hiển thị được.</p>');
		expect(html).not.toContain('evil.example');
		expect(html).not.toContain('javascript:');
		expect(html).toContain('<p>bấm</p>');
	});

	it('are refused on save when a node type is unknown or a URL is unsafe', () => {
		expect(validateDocument(doc(p('ok')))).toEqual({ ok: true });
		expect(validateDocument(doc({ type: 'iframe' }))).toMatchObject({ ok: false });
		expect(validateDocument(doc({ type: 'image', attrs: { src: 'javascript:alert(1)' } }))).toMatchObject({ ok: false, reason: 'unsafe URL in image.src' });
		expect(validateDocument({ type: 'paragraph' })).toMatchObject({ ok: false });
	});
});
