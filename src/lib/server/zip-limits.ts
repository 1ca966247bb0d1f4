// Office files (.docx, .xlsx) are zip archives, and a small one can unpack to hundreds of megabytes (a
// "zip bomb": a 306 KB file that unpacked to 300 MB was accepted as evidence) in the reviewer's Word or
// Excel, or in anything on the server that opens it. Uploads are checked against explicit limits first.
import { finished } from 'node:stream/promises';
import { fromBufferPromise } from 'yauzl';

export const ZIP_LIMITS = {
	/** parts in the archive; a large workbook has a few hundred */
	entries: 1_000,
	/** bytes once unpacked */
	unpackedBytes: 50 * 1024 * 1024,
	/** unpacked bytes per packed byte, over the whole file; Office's XML packs about 5–20 to 1 */
	ratio: 100
};

export type ZipVerdict = 'ok' | 'too_large' | 'damaged';

/**
 * Reads the central directory (what Word and Excel read): the entry count and each entry's declared size
 * count against the limits before anything is unpacked. Then each entry is unpacked and thrown away, and
 * yauzl stops one that unpacks past the size it declared, so lying headers do not get past the limits.
 */
export async function checkZip(bytes: Uint8Array, limits = ZIP_LIMITS): Promise<ZipVerdict> {
	const allowed = Math.min(limits.unpackedBytes, limits.ratio * bytes.byteLength);
	try {
		const zip = await fromBufferPromise(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
		if (zip.entryCount === 0) return 'damaged';
		if (zip.entryCount > limits.entries) return 'too_large';
		let declared = 0;
		for await (const entry of zip.eachEntry()) {
			declared += entry.uncompressedSize;
			if (declared > allowed) return 'too_large';
			const stream = await zip.openReadStreamPromise(entry);
			stream.resume();
			await finished(stream);
		}
		return 'ok';
	} catch (error) {
		return error instanceof Error && error.message.startsWith('too many bytes') ? 'too_large' : 'damaged';
	}
}
