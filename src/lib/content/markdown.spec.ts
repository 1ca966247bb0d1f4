import { describe, expect, it } from 'vitest';
import { convertMarkdown, markdownToDocument, renderMarkdown } from './markdown.ts';
import { validateDocument } from './document.ts';

const text = (value: string, marks?: object[]) => (marks ? { type: 'text', text: value, marks } : { type: 'text', text: value });
const p = (...content: object[]) => ({ type: 'paragraph', content });

describe('markdownToDocument', () => {
	it('turns paragraphs, emphasis and headings into lesson nodes and marks', () => {
		expect(markdownToDocument('# Mật khẩu\n\nDùng **ít nhất** 12 *ký tự* và ~~không~~ lặp lại.')).toEqual({
			type: 'doc',
			content: [
				{ type: 'heading', attrs: { level: 2 }, content: [text('Mật khẩu')] },
				p(text('Dùng '), text('ít nhất', [{ type: 'bold' }]), text(' 12 '), text('ký tự', [{ type: 'italic' }]), text(' và '), text('không', [{ type: 'strike' }]), text(' lặp lại.'))
			]
		});
	});

	it('keeps heading levels within the two the lessons use', () => {
		const doc = markdownToDocument('# a\n\n## b\n\n### c\n\n###### d');
		expect(doc.content?.map((node) => node.attrs?.level)).toEqual([2, 2, 3, 3]);
	});

	it('orders marks as the schema wants, so that nested emphasis is valid', () => {
		const doc = markdownToDocument('***[đậm nghiêng](https://example.vn)***');
		expect(doc.content?.[0].content?.[0].marks?.map((mark) => mark.type)).toEqual(['link', 'bold', 'italic']);
		expect(validateDocument(doc)).toEqual({ ok: true });
	});

	it('builds nested lists, ordered lists with their start, and list items starting with a list', () => {
		const doc = markdownToDocument('3. Bước ba\n4. Bước bốn\n   - chi tiết\n     - nhỏ hơn\n\n- - lồng ngay\n-');
		expect(validateDocument(doc)).toEqual({ ok: true });
		expect(doc.content?.[0]).toMatchObject({ type: 'orderedList', attrs: { start: 3 } });
		const second = doc.content?.[0].content?.[1];
		expect(second?.content?.map((node) => node.type)).toEqual(['paragraph', 'bulletList']);
		expect(second?.content?.[1].content?.[0].content?.[1].type).toBe('bulletList');
		// "- - x": the item's first child would be a list, which the schema refuses; an empty paragraph comes first.
		expect(doc.content?.[1].content?.[0].content?.map((node) => node.type)).toEqual(['paragraph', 'bulletList']);
		expect(doc.content?.[1].content?.[1]).toEqual({ type: 'listItem', content: [{ type: 'paragraph' }] });
	});

	it('keeps raw HTML as text, never as markup', () => {
		expect(markdownToDocument('<script>alert(1)</script>\n\nchữ <b>đậm</b>')).toEqual({
			type: 'doc',
			content: [p(text('<script>alert(1)</script>')), p(text('chữ <b>đậm</b>'))]
		});
		const html = renderMarkdown('<script>alert(1)</script> <img src=x onerror=alert(1)>');
		expect(html).not.toContain('<script');
		expect(html).not.toContain('<img');
		expect(html).toContain('&lt;script&gt;');
	});

	it.each(['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'http://example.vn', 'data:text/html,x', '//evil.example/x', 'vbscript:x'])(
		'keeps the text of a link to %s but not the link',
		(href) => {
			const doc = markdownToDocument(`[bấm vào đây](${href})`);
			expect(doc).toEqual({ type: 'doc', content: [p(text('bấm vào đây'))] });
			expect(renderMarkdown(`[bấm vào đây](${href})`)).not.toContain('href');
		}
	);

	it('links to https, mailto and site paths', () => {
		for (const href of ['https://dichvucong.gov.vn', 'mailto:hotro@example.vn', '/courses/an-toan']) {
			expect(markdownToDocument(`[x](${href})`).content?.[0].content?.[0].marks).toEqual([{ type: 'link', attrs: { href } }]);
		}
		expect(renderMarkdown('[Cổng dịch vụ công](https://dichvucong.gov.vn)')).toMatch(/<a[^>]*href="https:\/\/dichvucong.gov.vn"[^>]*>Cổng dịch vụ công<\/a>/);
	});

	it('leaves images out, keeping their alt text, and says so', () => {
		const result = convertMarkdown('Xem hình ![biểu tượng ổ khóa](https://example.vn/khoa.png) bên dưới');
		expect(result.doc).toEqual({ type: 'doc', content: [p(text('Xem hình biểu tượng ổ khóa bên dưới'))] });
		expect(result.droppedMedia).toBe(true);
		expect(renderMarkdown('![a](javascript:alert(1))')).not.toContain('<img');
		expect(convertMarkdown('Không có hình').droppedMedia).toBe(false);
	});

	it('turns code into plain text with its line breaks', () => {
		expect(markdownToDocument('```\nping 8.8.8.8\n\nexit\n```')).toEqual({
			type: 'doc',
			content: [p(text('ping 8.8.8.8'), { type: 'hardBreak' }, { type: 'hardBreak' }, text('exit'))]
		});
		expect(markdownToDocument('Gõ `ipconfig`')).toEqual({ type: 'doc', content: [p(text('Gõ ipconfig'))] });
	});

	it('keeps blockquotes, rules, hard breaks and table source', () => {
		const doc = markdownToDocument('> Trích dẫn\n>\n\n---\n\nDòng một  \nDòng hai\n\n| a | b |\n|---|---|\n| 1 | 2 |');
		expect(doc.content?.map((node) => node.type)).toEqual(['blockquote', 'horizontalRule', 'paragraph', 'paragraph']);
		expect(doc.content?.[2].content?.[1]).toEqual({ type: 'hardBreak' });
		expect(doc.content?.[3].content?.[0].text).toContain('| a | b |');
	});

	it('gives an empty document one empty paragraph', () => {
		expect(markdownToDocument('')).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
		expect(markdownToDocument('>')).toEqual({ type: 'doc', content: [{ type: 'blockquote', content: [{ type: 'paragraph' }] }] });
	});

	it.each([
		'- a\n\n  b\n- c',
		'1. a\n   > trích\n   > dẫn\n2. b',
		'> - a\n>   1. b\n> # c',
		'- # tiêu đề trong danh sách',
		'- ```\n  code\n  ```',
		'**đậm [liên kết *nghiêng*](https://a.vn) hết**',
		'*a **b** c*',
		'[a](javascript:x) **[b](https://b.vn)**',
		'![](x.png)',
		'&lt;b&gt; &amp; &#273; \\* \\_',
		'a\\\nb',
		'   \n\n\t\n'
	])('always gives a valid document (%j)', (source) => {
		expect(validateDocument(markdownToDocument(source))).toEqual({ ok: true });
	});

	it('says whether the text has formatting a plain-text field would lose', () => {
		expect(convertMarkdown('Mật khẩu dài, khó đoán').formatted).toBe(false);
		expect(convertMarkdown('Đoạn một\n\nĐoạn hai').formatted).toBe(false);
		expect(convertMarkdown('2 \\* 3 = 6').formatted).toBe(false);
		for (const source of ['**đậm**', '- mục', '# tiêu đề', '[a](https://a.vn)', '`mã`', 'a  \nb']) expect(convertMarkdown(source).formatted).toBe(true);
	});
});
