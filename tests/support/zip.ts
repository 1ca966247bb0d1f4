// Zip archives written byte by byte for tests, so that bombs and liars are built in the test rather than
// committed as binaries.
import { deflateRawSync } from 'node:zlib';

type Entry = { name: string; data: Uint8Array; /** the unpacked size the headers claim, if not the true one */ declared?: number };

/** A zip archive of these entries, each deflated; `declared` makes its headers lie about the unpacked size. */
export function zipOf(entries: Entry[]): Uint8Array<ArrayBuffer> {
	const parts: Buffer[] = [];
	const central: Buffer[] = [];
	let offset = 0;
	for (const entry of entries) {
		const name = Buffer.from(entry.name);
		const packed = deflateRawSync(entry.data);
		const size = entry.declared ?? entry.data.byteLength;
		// The CRC is left at 0: neither yauzl nor file-type checks it, and computing it over 60 MB is slow.
		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(20, 4);
		local.writeUInt16LE(8, 8);
		local.writeUInt32LE(packed.byteLength, 18);
		local.writeUInt32LE(size, 22);
		local.writeUInt16LE(name.byteLength, 26);
		const header = Buffer.alloc(46);
		header.writeUInt32LE(0x02014b50, 0);
		header.writeUInt16LE(20, 4);
		header.writeUInt16LE(20, 6);
		header.writeUInt16LE(8, 10);
		header.writeUInt32LE(packed.byteLength, 20);
		header.writeUInt32LE(size, 24);
		header.writeUInt16LE(name.byteLength, 28);
		header.writeUInt32LE(offset, 42);
		parts.push(local, name, packed);
		central.push(header, name);
		offset += local.byteLength + name.byteLength + packed.byteLength;
	}
	const directory = Buffer.concat(central);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(entries.length, 8);
	end.writeUInt16LE(entries.length, 10);
	end.writeUInt32LE(directory.byteLength, 12);
	end.writeUInt32LE(offset, 16);
	return new Uint8Array(Buffer.concat([...parts, directory, end]));
}

