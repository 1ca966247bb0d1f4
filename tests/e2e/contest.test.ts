// A contest from start to ranking, done through the pages: an organiser imports three questions, makes a
// quiz with a window, a contest and a round; three people from two communes take part (during the round
// only the counts by commune are public); the organiser closes the round, and the ranking follows the
// rules: score first, then time taken; filtered by commune it keeps the overall ranks.
import { expect, newPerson, test } from './support/fixtures.ts';
import { expectAccessible } from './support/axe.ts';
import { expectSignedIn, field, register, signIn, signOut, switchLanguage } from './support/flows.ts';
import { t } from './support/i18n.ts';
import { counted, createBank, importQuestions } from './support/studio.ts';
import { DEMO_PASSWORD, PERSONAS } from './support/fixtures.ts';
import type { Page } from '@playwright/test';

const QUESTIONS = [
	'::C1:: Mã OTP chỉ dùng cho chính mình, không đọc cho ai. {T}',
	'::C2:: Ngân hàng không bao giờ hỏi mật khẩu qua điện thoại. {T}',
	'::C3:: Nên cập nhật phần mềm điện thoại khi có bản mới. {T}'
].join('\n\n');

/** A datetime-local value in the province's time zone, offset from now. */
const vietnamTime = (offsetMinutes: number) =>
	new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
		.format(new Date(Date.now() + offsetMinutes * 60_000)).replace(' ', 'T');

async function asOrganizer(page: Page) {
	await signIn(page, PERSONAS.organizer.email, DEMO_PASSWORD);
	await expectSignedIn(page, PERSONAS.organizer.name);
}

async function takePart(page: Page, slug: string, quizTitle: string, person: ReturnType<typeof newPerson>, homeUnit: string, wrong: number, pause = 0) {
	await register(page, { name: person.name, identifier: person.email, password: person.password, homeUnit });
	await page.goto(`/contests/${slug}`);
	await expectAccessible(page);
	await page.getByRole('link', { name: t('vi', 'contest.take_part') }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(quizTitle);
	await expectAccessible(page);
	await page.getByRole('button', { name: t('vi', 'quiz.start') }).click();
	await expect(page.locator('fieldset.question')).toHaveCount(3);
	await expectAccessible(page);
	for (const [index, question] of (await page.locator('fieldset.question').all()).entries()) {
		await question.getByRole('radio', { name: index < wrong ? t('vi', 'quiz.false') : t('vi', 'quiz.true') }).check();
	}
	await page.getByLabel(t('vi', 'contest.prediction_default')).fill('3');
	if (pause) await page.waitForTimeout(pause);
	await page.getByRole('button', { name: t('vi', 'quiz.submit') }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('vi', 'quiz.result_title', { number: 1 }));
	await expectAccessible(page);
	await signOut(page);
}

test('three participants from two communes: counts while open, the ranking after the close', async ({ page }) => {
	test.setTimeout(120_000);
	const stamp = Date.now().toString(36);
	const slug = `thi-thu-${stamp}`;
	const quizTitle = `Đợt thi thử ${stamp}`;

	// The organiser: a bank, a quiz with a window, a contest with one round.
	await asOrganizer(page);
	await createBank(page, `Ngân hàng thi thử ${stamp}`);
	await importQuestions(page, { name: 'thi.gift', mimeType: 'text/plain', buffer: Buffer.from(QUESTIONS) }, 3);

	await page.goto('/studio/quizzes/new');
	await expectAccessible(page);
	await field(page, t('vi', 'studio_quiz.field_title')).fill(quizTitle);
	await field(page, t('vi', 'studio_quiz.field_bank')).selectOption({ label: counted('vi', 'studio_quiz.bank_option', 3, { title: `Ngân hàng thi thử ${stamp}` }) });
	await field(page, t('vi', 'studio_quiz.field_draw_count')).fill('3');
	await field(page, t('vi', 'studio_quiz.field_opens_at')).fill(vietnamTime(-60));
	await field(page, t('vi', 'studio_quiz.field_closes_at')).fill(vietnamTime(60));
	await field(page, t('vi', 'studio_quiz.field_status')).selectOption('published');
	await page.getByRole('button', { name: t('vi', 'studio_quiz.create') }).click();
	await expect(page.getByText(t('vi', 'studio_quiz.created'))).toBeVisible();
	await expectAccessible(page);
	const quizEditor = page.url();

	await page.goto('/studio/contests/new');
	await expectAccessible(page);
	await page.getByRole('combobox', { name: t('vi', 'studio_contest.field_campaign'), exact: true }).selectOption({ label: t('vi', 'studio_contest.new_campaign_option') });
	await field(page, t('vi', 'studio_contest.field_campaign_title')).fill(`Chiến dịch thử ${stamp}`);
	await field(page, t('vi', 'studio_contest.field_campaign_slug')).fill(`chien-dich-${slug}`);
	await field(page, t('vi', 'studio_contest.field_title')).fill(`Cuộc thi thử ${stamp}`);
	await field(page, t('vi', 'studio_contest.field_slug')).fill(slug);
	await field(page, t('vi', 'studio_contest.field_rules')).fill('Mỗi người thi một lượt.');
	await field(page, t('vi', 'studio_quiz.field_status')).selectOption('published');
	await page.getByRole('button', { name: t('vi', 'studio_contest.create') }).click();
	await expect(page.getByText(t('vi', 'studio_contest.done.created'))).toBeVisible();
	await expectAccessible(page);
	const roundQuiz = field(page, t('vi', 'studio_contest.round_quiz'));
	await roundQuiz.selectOption((await roundQuiz.locator('option', { hasText: quizTitle }).getAttribute('value'))!);
	await page.getByRole('button', { name: t('vi', 'studio_contest.add_round_button') }).click();
	await expect(page.getByText(t('vi', 'studio_contest.done.round'))).toBeVisible();
	await expectAccessible(page);
	await signOut(page);

	// Three people: the first all right and quick, the second one wrong, the third all right but slower.
	const [first, second, third] = [newPerson(), newPerson(), newPerson()];
	await takePart(page, slug, quizTitle, first, 'Phường Nha Trang', 0);
	await takePart(page, slug, quizTitle, second, 'Phường Nha Trang', 1);
	await takePart(page, slug, quizTitle, third, 'Xã Bác Ái', 0, 2_000);

	// While the round runs: counts by commune, no ranking.
	await page.goto(`/contests/${slug}`);
	const counts = page.getByRole('region', { name: t('vi', 'contest.participation_heading', { number: 1 }) });
	await expect(counts.getByRole('row', { name: 'Phường Nha Trang 2' })).toBeVisible();
	await expect(counts.getByRole('row', { name: 'Xã Bác Ái 1' })).toBeVisible();
	await expect(page.locator('table.standings')).toHaveCount(0);
	await expectAccessible(page);

	// The organiser closes the round now.
	await asOrganizer(page);
	await page.goto(quizEditor);
	await expectAccessible(page);
	await field(page, t('vi', 'studio_quiz.field_closes_at')).fill(vietnamTime(0));
	await page.getByRole('button', { name: t('vi', 'studio_quiz.save') }).click();
	await expect(page.getByText(t('vi', 'studio_quiz.saved'))).toBeVisible();
	await expectAccessible(page);
	await signOut(page);

	await page.goto(`/contests/${slug}`);
	const rows = page.locator('table.standings tbody tr');
	await expect(rows).toHaveCount(3);
	await expect(rows.nth(0)).toContainText(`1${first.name}Phường Nha Trang`);
	await expect(rows.nth(1)).toContainText(`2${third.name}Xã Bác Ái`);
	await expect(rows.nth(2)).toContainText(`3${second.name}Phường Nha Trang`);
	await expect(page.getByText(`${t('vi', 'contest.prediction_default')} ${t('vi', 'contest.prediction_answer', { value: 3 })}`)).toBeVisible();
	await expectAccessible(page);

	// On a phone the ranking scrolls sideways: the keyboard reaches its region (named by the table's caption)
	// right after the filter's button, and scrolls it; axe's scrollable-region-focusable passes.
	await page.setViewportSize({ width: 360, height: 740 });
	const standings = page.getByRole('region', { name: t('vi', 'contest.results'), exact: true });
	expect(await standings.evaluate((element) => element.scrollWidth > element.clientWidth), 'the ranking scrolls at 360 px').toBe(true);
	await page.getByRole('button', { name: t('vi', 'contest.show') }).focus();
	await page.keyboard.press('Tab');
	await expect(standings).toBeFocused();
	await page.keyboard.press('ArrowRight');
	await expect.poll(() => standings.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
	await expectAccessible(page);
	await page.setViewportSize({ width: 1280, height: 720 });

	await field(page, t('vi', 'contest.commune')).selectOption({ label: 'Phường Nha Trang' });
	await page.getByRole('button', { name: t('vi', 'contest.show') }).click();
	await expect(rows).toHaveCount(2);
	await expect(rows.nth(0)).toContainText(`1${first.name}`);
	await expect(rows.nth(1)).toContainText(`3${second.name}`);
	await expectAccessible(page);
});

test('in English: the contest and quiz pages are titled in English, and so is the default prediction question', async ({ page }) => {
	test.setTimeout(60_000);
	const app = t('en', 'app.name');
	const person = newPerson();
	await register(page, { name: person.name, identifier: person.email, password: person.password });
	await switchLanguage(page, 'en');

	await page.goto('/contests');
	await expect(page).toHaveTitle(`${t('en', 'contest.all')} – ${app}`);
	await expectAccessible(page);

	// The demo contest (in Vietnamese): round 1 has its ranking, round 2 is open. Its round asks the default
	// prediction question, which is the platform's words and so in the reader's language.
	await page.goto('/contests/tim-hieu-phong-chong-lua-dao-2026');
	const contestTitle = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
	await expect(page).toHaveTitle(`${t('en', 'contest.page_title', { title: contestTitle })} – ${app}`);
	await expect(page.getByRole('heading', { level: 2, name: t('en', 'contest.results_round', { number: 1 }) })).toBeVisible();
	await expect(page.getByText(t('en', 'contest.prediction_default'))).toBeVisible();
	await expect(page.getByText(t('vi', 'contest.prediction_default'))).toHaveCount(0);
	await expectAccessible(page);

	await page.getByRole('link', { name: t('en', 'contest.take_part') }).click();
	await expect(page).toHaveURL(/\/quiz\/\d+$/);
	const quizTitle = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
	await expect(page).toHaveTitle(`${t('en', 'quiz.page_title', { title: quizTitle })} – ${app}`);
	await expectAccessible(page);
	await page.getByRole('button', { name: t('en', 'quiz.start') }).click();
	await expect(page).toHaveTitle(`${t('en', 'quiz.attempt_title', { title: quizTitle, number: 1 })} – ${app}`);
	await expectAccessible(page);
	await page.getByRole('button', { name: t('en', 'quiz.next') }).click();
	await expect(page.getByLabel(t('en', 'contest.prediction_default'), { exact: true })).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('button', { name: t('en', 'quiz.submit') }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('en', 'quiz.result_title', { number: 1 }));
	await expect(page).toHaveTitle(`${t('en', 'quiz.result_page_title', { title: quizTitle, number: 1 })} – ${app}`);
	await expectAccessible(page);
});
