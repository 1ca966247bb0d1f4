// The Storage seam: uploaded files by key. The default keeps them on local disk under FILES_DIR (one
// folder per kind); a Supabase Storage implementation can stand behind the same two verbs.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { readConfig } from './config.ts';
import { checkZip, type ZipVerdict } from './zip-limits.ts';

export interface Storage {
	put(folder: string, key: string, bytes: Uint8Array): Promise<void>;
	get(folder: string, key: string): Promise<Uint8Array | undefined>;
}

const SAFE_KEY = /^[0-9a-f-]{36}\.[a-z0-9]{2,5}$/;

export function diskStorage(root: string): Storage {
	const where = (folder: string, key: string) => {
		if (!/^[a-z-]+$/.test(folder) || !SAFE_KEY.test(key)) throw new Error('unsafe storage key');
		return path.join(root, folder, key);
	};
	return {
		async put(folder, key, bytes) {
			const file = where(folder, key);
			await mkdir(path.dirname(file), { recursive: true });
			// Written aside then renamed, so that a reader never sees half a file.
			await writeFile(`${file}.part`, bytes);
			await rename(`${file}.part`, file);
		},
		async get(folder, key) {
			try {
				return await readFile(where(folder, key));
			} catch (error) {
				if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
				throw error;
			}
		}
	};
}

let current: Storage | undefined;
export const storage = (): Storage => (current ??= diskStorage(readConfig().filesDir));

/** What evidence may be: documents and pictures an office has, recognised by their content, not their name. */
export const EVIDENCE_TYPES: Record<string, string> = {
	'application/pdf': 'pdf',
	'image/jpeg': 'jpg',
	'image/png': 'png',
	'image/webp': 'webp',
	'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx'
};
export const EVIDENCE_MAX_BYTES = 5 * 1024 * 1024;

export type StoredFile = { key: string; name: string; type: string; bytes: number };

/** A file name safe to show and to send back in a header: no folders, quotes or control characters. */
export function cleanName(name: string): string {
	const base = path.basename(name.replaceAll('\\', '/'));
	return [...base].map((c) => (c.charCodeAt(0) < 32 || c === '"' ? '_' : c)).join('').slice(0, 200);
}

/**
 * The name evidence is kept and downloaded under: the uploader's name with the extension of what the file
 * is (by its content), never the one it came with — a PNG that is also valid HTML is not saved as .html.
 */
export function evidenceName(uploaded: string, type: string): string {
	const base = cleanName(uploaded).replace(/\.[^.]*$/, '') || 'evidence';
	return `${base}.${EVIDENCE_TYPES[type] ?? 'bin'}`;
}

const ZIP_REFUSALS: Record<Exclude<ZipVerdict, 'ok'>, string> = {
	too_large: 'reports.errors.evidence_unpacks_too_large',
	damaged: 'reports.errors.evidence_damaged'
};

/** Checks an uploaded evidence file and stores it; the error is an i18n key for the field. */
export async function storeEvidence(file: File): Promise<{ ok: true; file: StoredFile } | { ok: false; error: string }> {
	if (file.size > EVIDENCE_MAX_BYTES) return { ok: false, error: 'reports.errors.evidence_too_large' };
	const bytes = new Uint8Array(await file.arrayBuffer());
	const detected = await fileTypeFromBuffer(bytes);
	const extension = detected && EVIDENCE_TYPES[detected.mime];
	if (!detected || !extension) return { ok: false, error: 'reports.errors.evidence_type' };
	if (extension === 'docx' || extension === 'xlsx') {
		const verdict = await checkZip(bytes);
		if (verdict !== 'ok') return { ok: false, error: ZIP_REFUSALS[verdict] };
	}
	const key = `${randomUUID()}.${extension}`;
	await storage().put('evidence', key, bytes);
	return { ok: true, file: { key, name: evidenceName(file.name, detected.mime), type: detected.mime, bytes: bytes.byteLength } };
}
