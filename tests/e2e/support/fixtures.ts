// Persona fixtures for the journeys: the demo accounts, people who register during a run, and the
// axe gate that every test gets (a page visited without an accessibility check fails the test).
import { test as base, expect } from '@playwright/test';
import { trackNavigations } from './axe.ts';
import { expectSignedIn, signIn } from './flows.ts';

export { expect };

export const DEMO_PASSWORD = 'HocSo#2026';

/** The demo accounts the server loads on first start (src/lib/server/seed/demo.ts). */
export const PERSONAS = {
	citizen: { email: 'citizen@hocso.example', name: 'Nguyễn Thị Lan', role: null },
	official: { email: 'official@hocso.example', name: 'Trần Văn Minh', role: 'official' },
	organizer: { email: 'organizer@hocso.example', name: 'Lê Thu Hà', role: 'organizer' },
	team: { email: 'team@hocso.example', name: 'Phạm Quốc Bảo', role: 'team_member' },
	unitadmin: { email: 'unitadmin@hocso.example', name: 'Võ Thị Mai', role: 'unit_admin' },
	admin: { email: 'admin@hocso.example', name: 'Đặng Hoàng Nam', role: 'province_admin' }
} as const;

export type Persona = keyof typeof PERSONAS;

/** Someone who registers during the run: identifiers unique per run, so an existing database is fine. */
export type NewPerson = { name: string; phone: string; phoneInternational: string; email: string; password: string };

let created = 0;

export function newPerson(): NewPerson {
	const { parallelIndex } = test.info();
	created++;
	// Seconds since the epoch, the worker's slot and a counter: distinct within a run and between runs.
	const serial = (Math.floor(Date.now() / 1000) * 64 + (parallelIndex % 4) * 16 + (created % 16)) % 10_000_000;
	const national = `091${String(serial).padStart(7, '0')}`;
	return {
		name: `Hoàng Thị Thử ${created}`,
		phone: `${national.slice(0, 4)} ${national.slice(4, 7)} ${national.slice(7)}`,
		phoneInternational: `+84 ${national.slice(1, 3)} ${national.slice(3, 6)} ${national.slice(6)}`,
		email: `e2e-${Date.now().toString(36)}-${parallelIndex}-${created}@test.example`,
		password: `Hoc-so-that-dai-${created}`
	};
}

type Fixtures = {
	/** Signs in through the login page as one of the demo accounts. */
	signedInAs: (persona: Persona) => Promise<(typeof PERSONAS)[Persona]>;
	axeGate: void;
};

export const test = base.extend<Fixtures>({
	axeGate: [
		async ({ page, browser, javaScriptEnabled }, use, testInfo) => {
			const tracker = trackNavigations(page, browser, javaScriptEnabled);
			await use();
			await tracker.close();
			if (testInfo.status === 'passed') expect(tracker.unchecked(), 'pages visited without an axe check').toEqual([]);
		},
		{ auto: true }
	],
	signedInAs: async ({ page }, use) => {
		await use(async (persona) => {
			const account = PERSONAS[persona];
			await signIn(page, account.email, DEMO_PASSWORD);
			await expectSignedIn(page, account.name);
			return account;
		});
	}
});
