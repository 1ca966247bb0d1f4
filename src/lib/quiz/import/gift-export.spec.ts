import { describe, expect, it } from 'vitest';
import type { QuestionDraft } from '#lib/quiz/question.ts';
import { exportGift } from './gift-export.ts';
import { parseGift } from './gift.ts';

function draft(partial: Pick<QuestionDraft, 'kind' | 'content' | 'key'> & Partial<QuestionDraft>): QuestionDraft {
	return { title: null, prompt: 'Câu hỏi', explanation: null, points: 1, ...partial };
}

function roundTrip(questions: QuestionDraft[]): QuestionDraft[] {
	const { text, skipped } = exportGift(questions);
	expect(skipped).toEqual([]);
	const result = parseGift(text);
	if (!result.ok) throw new Error(`${JSON.stringify(result.errors)}\n${text}`);
	return result.questions;
}

const opts = (...texts: string[]) => texts.map((text, i) => ({ id: 'abcdefghij'[i], text }));

const EVERY_KIND: QuestionDraft[] = [
	draft({
		kind: 'single',
		title: 'Lừa đảo trực tuyến',
		prompt: 'Khi nhận tin nhắn báo "trúng thưởng", bạn nên làm gì?',
		explanation: 'Đây là chiêu lừa đảo trực tuyến phổ biến.',
		content: { kind: 'single', options: opts('Bỏ qua tin nhắn', 'Bấm vào link để nhận quà', 'Gửi mã OTP cho người lạ') },
		key: { kind: 'single', correct: 'a' }
	}),
	draft({
		kind: 'multiple',
		prompt: 'Thông tin nào không được chia sẻ cho người lạ?',
		content: { kind: 'multiple', options: opts('Mã OTP', 'Mật khẩu', 'Số căn cước', 'Tên trường học của con') },
		key: { kind: 'multiple', correct: ['a', 'b', 'c'] }
	}),
	draft({ kind: 'true_false', prompt: 'Ngân hàng không bao giờ hỏi mã OTP.', content: { kind: 'true_false' }, key: { kind: 'true_false', correct: true } }),
	draft({
		kind: 'true_false',
		prompt: 'Có thể dùng chung mật khẩu cho mọi tài khoản.',
		explanation: 'Mỗi tài khoản nên có mật khẩu riêng.',
		content: { kind: 'true_false' },
		key: { kind: 'true_false', correct: false }
	}),
	draft({
		kind: 'matching',
		title: 'Ghép đôi',
		prompt: 'Ghép ứng dụng với công dụng.',
		content: { kind: 'matching', left: opts('Zalo', 'Gmail', 'Messenger'), right: opts('Nhắn tin', 'Thư điện tử', 'Bản đồ') },
		key: { kind: 'matching', pairs: { a: 'a', b: 'b', c: 'a' } }
	}),
	draft({
		kind: 'short_text',
		prompt: 'Viết tắt của "mạng riêng ảo" là gì?',
		content: { kind: 'short_text' },
		key: { kind: 'short_text', answers: ['VPN', 'mạng riêng ảo'], accentInsensitive: false }
	}),
	draft({ kind: 'numeric', prompt: 'Số pi với hai chữ số thập phân?', content: { kind: 'numeric' }, key: { kind: 'numeric', value: 3.14, tolerance: 0.005 } }),
	draft({ kind: 'numeric', prompt: 'Một tuần có mấy ngày?', explanation: 'Bảy ngày.', content: { kind: 'numeric' }, key: { kind: 'numeric', value: 7, tolerance: 0 } }),
	draft({ kind: 'numeric', prompt: 'Nhiệt độ?', content: { kind: 'numeric' }, key: { kind: 'numeric', value: -2.5, tolerance: 1e-7 } })
];

describe('exportGift round trip', () => {
	it.each(EVERY_KIND.map((q) => [q.kind, q] as const))('reads a %s question back unchanged', (_, question) => {
		expect(roundTrip([question])).toEqual([question]);
	});

	it('reads a whole bank back unchanged', () => {
		expect(roundTrip(EVERY_KIND)).toEqual(EVERY_KIND);
	});

	it('keeps every special character of every text', () => {
		const nasty = 'a~b=c#d{e}f:g\\h \\n ::x:: ####y -> %50% // [html] $CATEGORY: *';
		const question = draft({
			kind: 'single',
			title: `::${nasty}`,
			prompt: nasty,
			explanation: nasty,
			content: { kind: 'single', options: opts(nasty, `${nasty} 2`) },
			key: { kind: 'single', correct: 'b' }
		});
		expect(roundTrip([question])).toEqual([question]);
	});

	it.each([
		['a prompt starting with //', '// không phải chú thích'],
		['a prompt starting with a format marker', '[html]<b>không</b> phải HTML'],
		['a prompt starting with ::', '::không phải tiêu đề'],
		['a prompt starting with $CATEGORY:', '$CATEGORY: không phải danh mục'],
		['paragraphs and blank lines', 'Đoạn một.\n\nĐoạn hai\n// dòng ba\n  thụt lề\n   \nhết'],
		['a trailing backslash', 'C:\\'],
		['HTML-looking text', '<p>Thẻ &amp; ký tự</p>']
	])('keeps %s', (_, prompt) => {
		const question = draft({ kind: 'true_false', prompt, content: { kind: 'true_false' }, key: { kind: 'true_false', correct: true } });
		expect(roundTrip([question])).toEqual([question]);
	});

	it('keeps choices and answers that look like weights, markers or wildcards', () => {
		const single = draft({
			kind: 'single',
			content: { kind: 'single', options: opts('%50% giảm giá', '%100%', '[plain]x', '-> mũi tên') },
			key: { kind: 'single', correct: 'b' }
		});
		const multiple = draft({
			kind: 'multiple',
			content: { kind: 'multiple', options: opts('%50%', 'b', '%-100% c') },
			key: { kind: 'multiple', correct: ['a', 'c'] }
		});
		const short = draft({
			kind: 'short_text',
			content: { kind: 'short_text' },
			key: { kind: 'short_text', answers: ['%50% x', '*', 'a\\*b', 'T', '#1'], accentInsensitive: false }
		});
		const matching = draft({
			kind: 'matching',
			content: { kind: 'matching', left: opts('%1%', 'b-'), right: opts('> x', 'y -> z') },
			key: { kind: 'matching', pairs: { a: 'b', b: 'a' } }
		});
		const back = roundTrip([single, multiple, short, matching]);
		expect(back.slice(0, 3)).toEqual([single, multiple, short]);
		// Right-hand answers come back in the order the pairs name them.
		expect(back[3]).toEqual({
			...matching,
			content: { kind: 'matching', left: opts('%1%', 'b-'), right: opts('y -> z', '> x') },
			key: { kind: 'matching', pairs: { a: 'a', b: 'b' } }
		});
	});

	it('keeps the distractors of a matching question', () => {
		const question = draft({
			kind: 'matching',
			content: { kind: 'matching', left: opts('1 + 1', '2 + 2'), right: opts('2', '4', '5', '6') },
			key: { kind: 'matching', pairs: { a: 'a', b: 'b' } }
		});
		expect(roundTrip([question])).toEqual([question]);
	});
});

describe('exportGift text', () => {
	it('writes titles, explanations and blank lines between questions, as Moodle does', () => {
		const { text } = exportGift(EVERY_KIND.slice(0, 4));
		expect(text).toBe(
			[
				'::Lừa đảo trực tuyến::Khi nhận tin nhắn báo "trúng thưởng", bạn nên làm gì? {',
				'\t=Bỏ qua tin nhắn',
				'\t~Bấm vào link để nhận quà',
				'\t~Gửi mã OTP cho người lạ',
				'\t####Đây là chiêu lừa đảo trực tuyến phổ biến.',
				'}',
				'',
				'Thông tin nào không được chia sẻ cho người lạ? {',
				'\t~%33.33333%Mã OTP',
				'\t~%33.33333%Mật khẩu',
				'\t~%33.33333%Số căn cước',
				'\t~%-33.33333%Tên trường học của con',
				'}',
				'',
				'Ngân hàng không bao giờ hỏi mã OTP. {TRUE}',
				'',
				'Có thể dùng chung mật khẩu cho mọi tài khoản. {FALSE####Mỗi tài khoản nên có mật khẩu riêng.}',
				''
			].join('\n')
		);
	});

	it('writes numbers with their tolerance only when there is one', () => {
		expect(exportGift(EVERY_KIND.slice(6, 8)).text).toBe('Số pi với hai chữ số thập phân? {#3.14:0.005}\n\nMột tuần có mấy ngày? {#7####Bảy ngày.}\n');
	});

	it('escapes what GIFT reads as syntax', () => {
		const question = draft({ kind: 'true_false', title: 'a:b', prompt: '1 = 1 {ok} ~ # \\', content: { kind: 'true_false' }, key: { kind: 'true_false', correct: true } });
		expect(exportGift([question]).text).toBe('::a\\:b::1 \\= 1 \\{ok\\} \\~ \\# \\\\ {TRUE}\n');
	});

	it('leaves out ordering questions, listing their title or the start of their prompt', () => {
		const ordering = (title: string | null, prompt: string) =>
			draft({ kind: 'ordering', title, prompt, content: { kind: 'ordering', items: opts('x', 'y') }, key: { kind: 'ordering', order: ['a', 'b'] } });
		const longPrompt = 'Sắp xếp các bước chuyển tiền an toàn qua ứng dụng ngân hàng theo đúng thứ tự';
		const { text, skipped } = exportGift([ordering('Thứ tự', 'Sắp xếp'), EVERY_KIND[2], ordering(null, longPrompt)]);
		expect(skipped).toEqual(['Thứ tự', Array.from(longPrompt).slice(0, 60).join('')]);
		expect(skipped[1]).toHaveLength(60);
		expect(text).toBe('Ngân hàng không bao giờ hỏi mã OTP. {TRUE}\n');
	});

	it('leaves out what GIFT cannot say: "->" in a matching left side or in a short answer', () => {
		const matching = draft({
			kind: 'matching',
			title: 'Mũi tên',
			content: { kind: 'matching', left: opts('a -> b', 'c'), right: opts('1', '2') },
			key: { kind: 'matching', pairs: { a: 'a', b: 'b' } }
		});
		const short = draft({ kind: 'short_text', prompt: 'Ký hiệu?', content: { kind: 'short_text' }, key: { kind: 'short_text', answers: ['->'], accentInsensitive: false } });
		expect(exportGift([matching, short])).toEqual({ text: '', skipped: ['Mũi tên', 'Ký hiệu?'] });
	});

	it('writes nothing for no questions', () => {
		expect(exportGift([])).toEqual({ text: '', skipped: [] });
	});
});
