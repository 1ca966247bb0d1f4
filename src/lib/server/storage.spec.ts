import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zipOf } from '../../../tests/support/zip.ts';

let filesDir: string;
beforeAll(() => {
	filesDir = mkdtempSync(path.join(tmpdir(), 'hocso-evidence-'));
	process.env.FILES_DIR = filesDir;
});
afterAll(() => rmSync(filesDir, { recursive: true, force: true }));
const { evidenceName, storeEvidence } = await import('./storage.ts');

const text = (s: string) => new TextEncoder().encode(s);
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const contentTypes = text(
	'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
		'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
);
const docx = (document: Uint8Array) => zipOf([{ name: '[Content_Types].xml', data: contentTypes }, { name: 'word/document.xml', data: document }]);

/** A real PNG signature and header chunk, followed by a page a browser would run if it took the file for HTML. */
const pngThatIsHtml = new Uint8Array([
	0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a,
	0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89,
	...text('<html><body><script>alert(document.cookie)</script></body></html>')
]);

describe('evidenceName', () => {
	it.each([
		['bao-cao.html', 'image/png', 'bao-cao.png'],
		['Báo cáo quý 3.PDF', 'application/pdf', 'Báo cáo quý 3.pdf'],
		['số liệu', DOCX, 'số liệu.docx'],
		['.htaccess', 'image/jpeg', 'evidence.jpg'],
		['../../etc/passwd.xlsx', 'image/webp', 'passwd.webp']
	])('names %j of type %s %j', (uploaded, type, expected) => {
		expect(evidenceName(uploaded, type)).toBe(expected);
	});
});

describe('storeEvidence', () => {
	it('keeps a PNG sent as .html under a .png name and type', async () => {
		const stored = await storeEvidence(new File([pngThatIsHtml], 'bang-chung.html', { type: 'text/html' }));
		expect(stored).toMatchObject({ ok: true, file: { name: 'bang-chung.png', type: 'image/png' } });
		if (!stored.ok) return;
		expect(stored.file.key).toMatch(/\.png$/);
		expect(readFileSync(path.join(filesDir, 'evidence', stored.file.key))).toEqual(Buffer.from(pngThatIsHtml));
	});

	it('accepts a Word document, and refuses one that unpacks to 60 MB with a message for the field', async () => {
		const ordinary = docx(text('<w:document><w:body><w:p>Báo cáo tháng 10</w:p></w:body></w:document>'));
		expect(await storeEvidence(new File([ordinary], 'bao-cao.docx'))).toMatchObject({ ok: true, file: { name: 'bao-cao.docx', type: DOCX } });
		const bomb = docx(new Uint8Array(60 * 1024 * 1024));
		expect(bomb.byteLength).toBeLessThan(100 * 1024);
		expect(await storeEvidence(new File([bomb], 'bao-cao.docx'))).toEqual({ ok: false, error: 'reports.errors.evidence_unpacks_too_large' });
	});
});
