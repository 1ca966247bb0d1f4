import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { QuestionDraft } from '#lib/quiz/question.ts';
import { exportGift } from './gift-export.ts';
import { parseGift } from './gift.ts';

function draft(partial: Pick<QuestionDraft, 'kind' | 'content' | 'key'> & Partial<QuestionDraft>): QuestionDraft {
	return { title: null, prompt: 'Câu hỏi', promptFormat: 'plain', explanation: null, points: 1, category: [], notKept: [], ...partial };
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
	draft({ kind: 'numeric', prompt: 'Nhiệt độ?', content: { kind: 'numeric' }, key: { kind: 'numeric', value: -2.5, tolerance: 1e-7 } }),
	draft({ kind: 'essay', prompt: 'Kể lại một lần bạn suýt bị lừa.', explanation: 'Nêu được dấu hiệu.', content: { kind: 'essay' }, key: { kind: 'essay' } }),
	draft({
		kind: 'cloze',
		prompt: 'Không đọc mã _____ cho người lạ.',
		content: { kind: 'cloze', text: 'Không đọc mã {#1} cho người lạ.', gaps: [{ kind: 'single', options: opts('OTP', 'PIN') }] },
		key: { kind: 'cloze', gaps: [{ kind: 'single', correct: 'a', points: 1 }] }
	})
];

/** What a feature of the new question model looks like, each kept by a round trip through GIFT. */
const FEATURES: Array<[string, QuestionDraft]> = [
	[
		'single-choice weights, negative ones too, and per-answer feedback',
		draft({
			kind: 'single',
			content: { kind: 'single', options: opts('Xóa tin nhắn', 'Hỏi người thân', 'Bấm link', 'Gửi mã OTP') },
			key: { kind: 'single', correct: 'a', weights: { a: 100, b: 50, c: 0, d: -100 }, feedback: { a: 'Đúng.', d: 'Không bao giờ: #1 = nguy hiểm {!}' } }
		})
	],
	[
		'multiple-choice weights that are not the default rule',
		draft({
			kind: 'multiple',
			content: { kind: 'multiple', options: opts('a', 'b', 'c', 'd') },
			key: { kind: 'multiple', correct: ['a', 'b'], weights: { a: 33.33333, b: 66.66667, c: -100, d: 0 }, feedback: { c: 'Sai' } }
		})
	],
	[
		'short answers with partial credit, feedback and case variants',
		draft({
			kind: 'short_text',
			content: { kind: 'short_text' },
			key: { kind: 'short_text', answers: ['VPN', 'vpn', '%V.P.N.'], accentInsensitive: false, weights: [100, 100, 50], feedback: [null, 'Cũng được', 'Gần đúng'] }
		})
	],
	[
		'numeric answers with feedback and partial credit',
		draft({
			kind: 'numeric',
			content: { kind: 'numeric' },
			key: { kind: 'numeric', value: 1997, tolerance: 0, feedback: 'Chính xác', partial: [{ value: 1997, tolerance: 2, weight: 50, feedback: 'Gần đúng' }, { value: -1, tolerance: 0.5, weight: 10 }] }
		})
	],
	['numeric feedback alone', draft({ kind: 'numeric', content: { kind: 'numeric' }, key: { kind: 'numeric', value: 3, tolerance: 0, feedback: 'Đúng ~ ba' } })],
	...(
		[
			[true, { true: 'Chính xác', false: 'Sai rồi' }],
			[false, { true: 'Sai rồi' }],
			[false, { false: 'Chính xác' }],
			[true, { true: 'Chính xác' }]
		] as const
	).map(([correct, feedback]): [string, QuestionDraft] => [
		`true/false feedback ${JSON.stringify(feedback)} when ${correct}`,
		draft({ kind: 'true_false', explanation: 'Vì vậy.', content: { kind: 'true_false' }, key: { kind: 'true_false', correct, feedback } })
	]),
	['an essay without general feedback', draft({ kind: 'essay', content: { kind: 'essay' }, key: { kind: 'essay' } })],
	[
		'a Markdown prompt and plain answers that look like Markdown',
		draft({
			kind: 'single',
			prompt: 'Mật khẩu **mạnh** cần có:\n\n- chữ hoa\n- chữ số\n// không phải chú thích\n[html] không phải định dạng',
			promptFormat: 'markdown',
			explanation: 'Xem *bài 2*.',
			content: { kind: 'single', options: opts('**Đúng**', '2 * 3 * 4', '# một', 'Sai') },
			key: { kind: 'single', correct: 'a', feedback: { b: '[link](https://x.vn)' } }
		})
	],
	[
		'a Markdown prompt starting with something a marker or a comment would be',
		draft({ kind: 'true_false', prompt: '// [plain] **x**', promptFormat: 'markdown', content: { kind: 'true_false' }, key: { kind: 'true_false', correct: true } })
	],
	[
		'a cloze short-answer gap with text on both sides',
		draft({
			kind: 'cloze',
			title: 'Điền',
			prompt: 'Địa chỉ bắt đầu bằng _____ và có ổ khóa.',
			explanation: 'Chữ s nghĩa là an toàn.',
			content: { kind: 'cloze', text: 'Địa chỉ bắt đầu bằng {#1} và có ổ khóa.', gaps: [{ kind: 'short_text' }] },
			key: { kind: 'cloze', gaps: [{ kind: 'short_text', answers: ['https', 'http'], accentInsensitive: false, weights: [100, 50], feedback: [null, 'Thiếu s'], points: 1 }] }
		})
	],
	[
		'a cloze multiple-choice gap at the start, on two lines',
		draft({
			kind: 'cloze',
			prompt: '_____ là bí mật.\nDòng hai',
			content: { kind: 'cloze', text: '{#1} là bí mật.\nDòng hai', gaps: [{ kind: 'multiple', options: opts('OTP', 'PIN', 'Tên') }] },
			key: { kind: 'cloze', gaps: [{ kind: 'multiple', correct: ['a', 'b'], weights: { a: 50, b: 50, c: -100 }, points: 1 }] }
		})
	],
	[
		'a cloze numeric gap',
		draft({
			kind: 'cloze',
			prompt: 'Tuần có _____ ngày.',
			content: { kind: 'cloze', text: 'Tuần có {#1} ngày.', gaps: [{ kind: 'numeric' }] },
			key: { kind: 'cloze', gaps: [{ kind: 'numeric', value: 7, tolerance: 0.5, partial: [{ value: 7, tolerance: 2, weight: 50 }], points: 1 }] }
		})
	],
	['a category', draft({ kind: 'true_false', category: ['Phần 1', 'Mua/bán online'], content: { kind: 'true_false' }, key: { kind: 'true_false', correct: true } })]
];

describe('exportGift round trip', () => {
	it.each(EVERY_KIND.map((q) => [q.kind, q] as const))('reads a %s question back unchanged', (_, question) => {
		expect(roundTrip([question])).toEqual([question]);
	});

	it('reads a whole bank back unchanged', () => {
		expect(roundTrip(EVERY_KIND)).toEqual(EVERY_KIND);
	});

	it.each(FEATURES)('keeps %s', (_, question) => {
		expect(roundTrip([question])).toEqual([question]);
	});

	it('keeps the category of each question, writing a $CATEGORY line where it changes', () => {
		const tf = (category: string[], prompt: string) => draft({ kind: 'true_false', prompt, category, content: { kind: 'true_false' }, key: { kind: 'true_false', correct: true } });
		const bank = [tf([], 'A'), tf(['Phần 1'], 'B'), tf(['Phần 1'], 'C'), tf(['Phần 1', 'Lừa đảo'], 'D'), tf([], 'E')];
		expect(roundTrip(bank)).toEqual(bank);
		expect(exportGift(bank).text.match(/^\$CATEGORY: .*$/gm)).toEqual(['$CATEGORY: $course$/top/Phần 1', '$CATEGORY: $course$/top/Phần 1/Lừa đảo', '$CATEGORY: $course$/top']);
	});

	it('reads the sample of every GIFT feature back as it read it, less what it noted as not kept', () => {
		const sample = parseGift(readFileSync(new URL('./fixtures/moodle-sample.gift', import.meta.url), 'utf8'));
		if (!sample.ok) throw new Error(JSON.stringify(sample.errors));
		const back = roundTrip(sample.questions);
		expect(back).toEqual(sample.questions.map((q) => ({ ...q, notKept: [] })));
		// And once written and read, a bank is stable: a second round trip changes nothing.
		expect(roundTrip(back)).toEqual(back);
	});

	it('reads a cloze question whose gap ends the text back as the question of its gap, which grades the same', () => {
		const question = draft({
			kind: 'cloze',
			prompt: 'Thủ đô là _____',
			content: { kind: 'cloze', text: 'Thủ đô là {#1}', gaps: [{ kind: 'single', options: opts('Hà Nội', 'Huế') }] },
			key: { kind: 'cloze', gaps: [{ kind: 'single', correct: 'a', points: 1 }] }
		});
		expect(roundTrip([question])).toEqual([
			draft({ kind: 'single', prompt: 'Thủ đô là', content: { kind: 'single', options: opts('Hà Nội', 'Huế') }, key: { kind: 'single', correct: 'a' } })
		]);
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

	it('writes weights, feedback and categories as Moodle does', () => {
		const [single, multiple] = FEATURES.map(([, q]) => q);
		expect(exportGift([{ ...single, category: ['Phần 1'] }, multiple]).text).toBe(
			[
				'$CATEGORY: $course$/top/Phần 1',
				'',
				'Câu hỏi {',
				'\t=Xóa tin nhắn#Đúng.',
				'\t~%50%Hỏi người thân',
				'\t~Bấm link',
				'\t~%-100%Gửi mã OTP#Không bao giờ\\: \\#1 \\= nguy hiểm \\{!\\}',
				'}',
				'',
				'$CATEGORY: $course$/top',
				'',
				'Câu hỏi {',
				'\t~%33.33333%a',
				'\t~%66.66667%b',
				'\t~%-100%c#Sai',
				'\t~d',
				'}',
				''
			].join('\n')
		);
	});

	it('writes essays, numeric partial credit and the missing-word form', () => {
		const [essay, cloze] = EVERY_KIND.slice(-2);
		const numeric = FEATURES.find(([name]) => name.startsWith('numeric answers'))![1];
		expect(exportGift([essay, cloze, numeric]).text).toBe(
			[
				'Kể lại một lần bạn suýt bị lừa. {####Nêu được dấu hiệu.}',
				'',
				'Không đọc mã {',
				'\t=OTP',
				'\t~PIN',
				'} cho người lạ.',
				'',
				'Câu hỏi {#',
				'\t=1997#Chính xác',
				'\t=%50%1997:2#Gần đúng',
				'\t=%10%-1:0.5',
				'}',
				''
			].join('\n')
		);
	});

	it('writes true/false feedback in Moodle\'s order: for a wrong answer, then for a right one', () => {
		const tf = (correct: boolean, feedback: { true?: string; false?: string }) =>
			exportGift([draft({ kind: 'true_false', content: { kind: 'true_false' }, key: { kind: 'true_false', correct, feedback } })]).text;
		expect(tf(true, { true: 'Đúng', false: 'Sai' })).toBe('Câu hỏi {TRUE#Sai#Đúng}\n');
		expect(tf(false, { true: 'Sai' })).toBe('Câu hỏi {FALSE#Sai}\n');
		expect(tf(false, { false: 'Đúng' })).toBe('Câu hỏi {FALSE##Đúng}\n');
	});

	it('writes numbers with their tolerance only when there is one', () => {
		expect(exportGift(EVERY_KIND.slice(6, 8)).text).toBe('Số pi với hai chữ số thập phân? {#3.14:0.005}\n\nMột tuần có mấy ngày? {#7####Bảy ngày.}\n');
	});

	it('escapes what GIFT reads as syntax', () => {
		const question = draft({ kind: 'true_false', title: 'a:b', prompt: '1 = 1 {ok} ~ # \\', content: { kind: 'true_false' }, key: { kind: 'true_false', correct: true } });
		expect(exportGift([question]).text).toBe('::a\\:b::1 \\= 1 \\{ok\\} \\~ \\# \\\\ {TRUE}\n');
	});

	it('leaves out cloze questions GIFT cannot say: several gaps, or no text around the gap', () => {
		const gap = { kind: 'short_text' as const };
		const key = { kind: 'short_text' as const, answers: ['a'], accentInsensitive: false, points: 1 };
		const two = draft({ kind: 'cloze', title: 'Hai chỗ trống', content: { kind: 'cloze', text: '{#1} và {#2}', gaps: [gap, gap] }, key: { kind: 'cloze', gaps: [key, key] } });
		const bare = draft({ kind: 'cloze', prompt: '_____', content: { kind: 'cloze', text: ' {#1} ', gaps: [gap] }, key: { kind: 'cloze', gaps: [key] } });
		expect(exportGift([two, bare])).toEqual({ text: '', skipped: ['Hai chỗ trống', '_____'] });
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
