import { describe, expect, it } from 'vitest';
import { checkZip, ZIP_LIMITS } from './zip-limits.ts';
import { zipOf } from '../../../tests/support/zip.ts';

const MB = 1024 * 1024;
const text = (s: string) => new TextEncoder().encode(s);
const paragraph = 'Báo cáo kết quả chuyển đổi số của xã Bác Ái năm 2026: tỷ lệ hồ sơ trực tuyến toàn trình đạt 87,5%. ';

describe('checkZip', async () => {
	it('accepts an ordinary office document', async () => {
		const document = zipOf([
			{ name: '[Content_Types].xml', data: text('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>') },
			{ name: 'word/document.xml', data: text(`<w:document>${Array.from({ length: 2_000 }, (_, i) => `<w:p>${i}. ${paragraph} Mã hồ sơ ${(i * 7_919) % 10_007}.</w:p>`).join('')}</w:document>`) }
		]);
		expect(await checkZip(document)).toBe('ok');
	});

	it('refuses a file that unpacks past 50 MB', async () => {
		const bomb = zipOf([{ name: 'word/document.xml', data: new Uint8Array(ZIP_LIMITS.unpackedBytes + MB) }]);
		expect(bomb.byteLength).toBeLessThan(100 * 1024);
		expect(await checkZip(bomb)).toBe('too_large');
	});

	it('refuses a file that unpacks to more than 100 times its size, even under 50 MB', async () => {
		const bomb = zipOf([{ name: 'xl/worksheets/sheet1.xml', data: new Uint8Array(4 * MB) }]);
		expect(await checkZip(bomb)).toBe('too_large');
	});

	it('refuses more than 1 000 entries', async () => {
		const entries = Array.from({ length: ZIP_LIMITS.entries + 1 }, (_, i) => ({ name: `xl/media/image${i}.xml`, data: text(`<x>${i}</x>`) }));
		expect(await checkZip(zipOf(entries.slice(0, ZIP_LIMITS.entries)))).toBe('ok');
		expect(await checkZip(zipOf(entries))).toBe('too_large');
	});

	it('refuses a file whose headers claim a small size but that unpacks to much more', async () => {
		const liar = zipOf([
			{ name: '[Content_Types].xml', data: text('<Types/>') },
			{ name: 'word/document.xml', data: new Uint8Array(20 * MB), declared: 1_000 }
		]);
		expect(await checkZip(liar)).toBe('too_large');
	});

	it('calls a file that is not a readable zip damaged', async () => {
		const document = zipOf([{ name: 'word/document.xml', data: text(paragraph) }]);
		expect(await checkZip(document.subarray(0, document.byteLength - 30))).toBe('damaged');
		expect(await checkZip(text('PK\u0003\u0004 not really a zip'))).toBe('damaged');
	});
});
