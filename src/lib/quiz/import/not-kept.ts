// What a question's source said that its draft cannot keep, gathered while it is read, one entry per code.
import type { NotKept, NotKeptCode } from '#lib/quiz/question.ts';

export class NotKeptList {
	private readonly details = new Map<NotKeptCode, string[]>();

	/** Notes a loss; the same code twice is one entry, its details (setting names, units) listed once each. */
	add(code: NotKeptCode, detail?: string): void {
		const details = this.details.get(code) ?? [];
		if (detail !== undefined && detail !== '' && !details.includes(detail)) details.push(detail);
		this.details.set(code, details);
	}

	list(): NotKept[] {
		return [...this.details].map(([code, details]) => (details.length ? { code, detail: details.join(', ') } : { code }));
	}
}
