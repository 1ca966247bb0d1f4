import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { QUESTION_LIMITS, type QuestionDraft } from '#lib/quiz/question.ts';
import { parseGift } from './gift.ts';
import type { ImportResult } from './result.ts';

function questions(result: ImportResult): QuestionDraft[] {
	if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.errors)}`);
	return result.questions;
}

function only(text: string): QuestionDraft {
	const all = questions(parseGift(text));
	expect(all).toHaveLength(1);
	return all[0];
}

const PHISHING = `// Bộ câu hỏi: An toàn thông tin cơ bản
$CATEGORY: $course$/An toàn trên mạng

::Nhận biết lừa đảo::Bạn nhận được tin nhắn "Tài khoản ngân hàng của bạn bị khóa, bấm vào link để mở lại". Đây có thể là hình thức gì? {
	=Lừa đảo trực tuyến (phishing)#Đúng: kẻ gian giả danh ngân hàng để lấy thông tin.
	~Thông báo chính thức của ngân hàng#Ngân hàng không gửi link yêu cầu đăng nhập qua tin nhắn.
	~Quảng cáo khuyến mãi
	####Không bấm vào đường link lạ; hãy gọi tổng đài in trên thẻ ngân hàng để kiểm tra.
}

// Câu nhiều đáp án
::Dấu hiệu lừa đảo::Những dấu hiệu nào cho thấy một email có thể là lừa đảo? {
	~%50%Địa chỉ người gửi lạ hoặc viết sai tên miền
	~%50%Hối thúc bạn làm ngay kẻo mất tiền
	~%-100%Email có lời chào bằng tiếng Việt
}

::Mã OTP::Nhân viên ngân hàng có thể hỏi mã OTP của bạn qua điện thoại. {F#Sai: không ai có quyền hỏi mã OTP của bạn.####Mã OTP chỉ dùng để bạn tự xác nhận giao dịch.}

::Tổng đài::Số điện thoại đường dây nóng chống lừa đảo của Bộ Công an có mấy chữ số? {#3}

::Ghép đôi::Ghép mỗi tình huống với cách xử lý đúng. {
	=Tin nhắn trúng thưởng lạ -> Bỏ qua, không bấm link
	=Người lạ xin mã OTP -> Từ chối và báo ngân hàng
	=Cuộc gọi giả danh công an -> Gác máy, gọi lại số chính thức
}

::Từ khóa::Hình thức lừa đảo qua email giả mạo được gọi bằng tiếng Anh là gì? {=phishing =%50%fishing}
`;

describe('parseGift with a Vietnamese sample on online fraud', () => {
	it('reads every question with its kind, title, prompt and explanation', () => {
		const all = questions(parseGift(PHISHING));
		expect(all.map((q) => q.kind)).toEqual(['single', 'multiple', 'true_false', 'numeric', 'matching', 'short_text']);
		expect(all[0]).toEqual({
			kind: 'single',
			title: 'Nhận biết lừa đảo',
			prompt: 'Bạn nhận được tin nhắn "Tài khoản ngân hàng của bạn bị khóa, bấm vào link để mở lại". Đây có thể là hình thức gì?',
			promptFormat: 'plain',
			explanation: 'Không bấm vào đường link lạ; hãy gọi tổng đài in trên thẻ ngân hàng để kiểm tra.',
			points: 1,
			category: ['An toàn trên mạng'],
			notKept: [],
			content: {
				kind: 'single',
				options: [
					{ id: 'a', text: 'Lừa đảo trực tuyến (phishing)' },
					{ id: 'b', text: 'Thông báo chính thức của ngân hàng' },
					{ id: 'c', text: 'Quảng cáo khuyến mãi' }
				]
			},
			key: {
				kind: 'single',
				correct: 'a',
				feedback: { a: 'Đúng: kẻ gian giả danh ngân hàng để lấy thông tin.', b: 'Ngân hàng không gửi link yêu cầu đăng nhập qua tin nhắn.' }
			}
		});
		// -100 % is not the default share (-50 % with two right answers), so the weights are kept as written.
		expect(all[1].key).toEqual({ kind: 'multiple', correct: ['a', 'b'], weights: { a: 50, b: 50, c: -100 } });
		expect(all[2]).toMatchObject({
			key: { kind: 'true_false', correct: false, feedback: { true: 'Sai: không ai có quyền hỏi mã OTP của bạn.' } },
			explanation: 'Mã OTP chỉ dùng để bạn tự xác nhận giao dịch.'
		});
		expect(all[3].key).toEqual({ kind: 'numeric', value: 3, tolerance: 0 });
		expect(all[4].content).toMatchObject({ kind: 'matching', left: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] });
		expect(all[5].key).toEqual({ kind: 'short_text', answers: ['phishing', 'fishing'], accentInsensitive: false, weights: [100, 50] });
	});
});

describe('parseGift kinds', () => {
	it('reads = and ~ as a single choice, keeping per-answer feedback', () => {
		const q = only('Chọn một {=Đúng#tốt ~Sai#chưa đúng ~Cũng sai #  }');
		expect(q.content).toEqual({ kind: 'single', options: [{ id: 'a', text: 'Đúng' }, { id: 'b', text: 'Sai' }, { id: 'c', text: 'Cũng sai' }] });
		expect(q.key).toEqual({ kind: 'single', correct: 'a', feedback: { a: 'tốt', b: 'chưa đúng' } });
	});

	it('finds the right answer wherever it is listed', () => {
		expect(only('Q {~x ~y =z}').key).toEqual({ kind: 'single', correct: 'c' });
	});

	it('reads weights as a multiple choice whose right answers are those with positive weight', () => {
		const q = only('Q {~%33.33333%a ~%33.33333%b ~%33.33334%c ~%-100%d ~e}');
		expect(q.kind).toBe('multiple');
		expect(q.key).toEqual({ kind: 'multiple', correct: ['a', 'b', 'c'], weights: { a: 33.33333, b: 33.33333, c: 33.33334, d: -100, e: 0 } });
	});

	it.each([
		['{~%50%a ~%50%b ~%-50%c}', 2],
		['{~%33.33333%a ~%33.33333%b ~%33.33333%c ~%-33.33333%d}', 3],
		['{~%100%a ~%-100%b ~%-100%c}', 1]
	])('leaves out weights that are the default rule (%s)', (block, right) => {
		const q = only(`Q ${block}`);
		expect(q.key).toEqual({ kind: 'multiple', correct: ['a', 'b', 'c'].slice(0, right) });
	});

	it('keeps a single choice single when another answer has partial credit, with every weight', () => {
		expect(only('Q {=a ~%50%b ~c ~%-100%d}').key).toEqual({ kind: 'single', correct: 'a', weights: { a: 100, b: 50, c: 0, d: -100 } });
		expect(only('Q {=a ~%0%b ~c}').key).toEqual({ kind: 'single', correct: 'a' });
	});

	it('reads weights with decimals, or with a trailing point, as Moodle does', () => {
		expect(only('Q {=a ~%12.5%b ~%25.%c}').key).toMatchObject({ weights: { a: 100, b: 12.5, c: 25 } });
	});

	it('treats "=%50%" in a choice as part of the text, as Moodle does', () => {
		const q = only('Q {=%50% giảm giá ~%0%không}');
		expect(q.content).toMatchObject({ options: [{ text: '%50% giảm giá' }, { text: 'không' }] });
	});

	it.each([
		['{T}', true],
		['{TRUE}', true],
		['{F}', false],
		['{FALSE}', false],
		['{true}', true],
		['{T#sai rồi#đúng rồi}', true],
		['{FALSE#Bạn nên xem lại}', false]
	])('reads %s as true/false', (block, correct) => {
		const q = only(`Mật khẩu mạnh nên có ít nhất 12 ký tự. ${block}`);
		expect(q).toMatchObject({ kind: 'true_false', content: { kind: 'true_false' }, key: { kind: 'true_false', correct } });
		expect(q.explanation).toBeNull();
	});

	it.each([
		// Moodle: the first feedback is shown when the learner answers wrongly, the second when rightly.
		['{T#Sai rồi.#Chính xác.}', { correct: true, feedback: { true: 'Chính xác.', false: 'Sai rồi.' } }],
		['{F#Sai rồi.#Chính xác.}', { correct: false, feedback: { true: 'Sai rồi.', false: 'Chính xác.' } }],
		['{FALSE##Chính xác.}', { correct: false, feedback: { false: 'Chính xác.' } }],
		['{TRUE#Sai rồi.}', { correct: true, feedback: { false: 'Sai rồi.' } }],
		['{T#a#b#c}', { correct: true, feedback: { true: 'b#c', false: 'a' } }],
		['{T##}', { correct: true }]
	])('keys true/false feedback %s by the answer the learner gives', (block, key) => {
		expect(only(`Câu hỏi ${block}`).key).toEqual({ kind: 'true_false', ...key });
	});

	it('reads "=" answers alone as a short text, keeping partial credit and feedback', () => {
		const q = only('Viết tắt của mạng riêng ảo? {=VPN =%100%mạng riêng ảo =%50%proxy#gần đúng =vpn}');
		expect(q.key).toEqual({
			kind: 'short_text',
			answers: ['VPN', 'mạng riêng ảo', 'proxy', 'vpn'],
			accentInsensitive: false,
			weights: [100, 100, 50, 100],
			feedback: [null, null, 'gần đúng', null]
		});
		expect(q.notKept).toEqual([]);
	});

	it('keeps accepted answers that differ only in case: grading ignores case, so nothing is lost', () => {
		expect(only('Q {=Wi-Fi =wi-fi =WI-FI}').key).toEqual({ kind: 'short_text', answers: ['Wi-Fi', 'wi-fi', 'WI-FI'], accentInsensitive: false });
	});

	it('leaves out short answers worth nothing, noting the feedback they carried', () => {
		const q = only('Tên? {=Hà Nội =%0%Huế#Huế là cố đô. =%0%Đà Nẵng}');
		expect(q.key).toEqual({ kind: 'short_text', answers: ['Hà Nội'], accentInsensitive: false });
		expect(q.notKept).toEqual([{ code: 'wrong_answer_feedback' }]);
		expect(only('Tên? {=Hà Nội =%0%Huế}').notKept).toEqual([]);
	});

	it('reads {} and {####…} as an essay', () => {
		expect(only('Viết một đoạn văn {}')).toMatchObject({ kind: 'essay', content: { kind: 'essay' }, key: { kind: 'essay' }, explanation: null });
		expect(only('Viết một đoạn văn {####Gợi ý: nêu ví dụ}')).toMatchObject({ kind: 'essay', key: { kind: 'essay' }, explanation: 'Gợi ý: nêu ví dụ' });
	});

	it('reads a bare word as a short answer, as Moodle does', () => {
		expect(only('Q {Hà Nội}').key).toEqual({ kind: 'short_text', answers: ['Hà Nội'], accentInsensitive: false });
	});

	it('reads "->" pairs as matching, with shared right sides listed once and empty left sides as distractors', () => {
		const q = only('Ghép {=Zalo -> Nhắn tin =Messenger -> Nhắn tin =Gmail -> Thư điện tử = -> Bản đồ}');
		expect(q.content).toEqual({
			kind: 'matching',
			left: [{ id: 'a', text: 'Zalo' }, { id: 'b', text: 'Messenger' }, { id: 'c', text: 'Gmail' }],
			right: [{ id: 'a', text: 'Nhắn tin' }, { id: 'b', text: 'Thư điện tử' }, { id: 'c', text: 'Bản đồ' }]
		});
		expect(q.key).toEqual({ kind: 'matching', pairs: { a: 'a', b: 'a', c: 'b' } });
	});

	it.each([
		['{#3.14:0.01}', 3.14, 0.01],
		['{#1..5}', 3, 2],
		['{#0.1..0.3}', 0.2, 0.1],
		['{#-5..-1}', -3, 2],
		['{#42}', 42, 0],
		['{#1e3:5 ~Sai rồi}', 1000, 5]
	])('reads %s as numeric', (block, value, tolerance) => {
		expect(only(`Số? ${block}`)).toMatchObject({ key: { kind: 'numeric', value, tolerance }, notKept: [] });
	});

	it.each([
		['{#=3.14:0.01 =%50%3:1}', { value: 3.14, tolerance: 0.01, partial: [{ value: 3, tolerance: 1, weight: 50 }] }],
		['{#=%50%3:1 =3.14159:0.0001#chính xác}', { value: 3.14159, tolerance: 0.0001, feedback: 'chính xác', partial: [{ value: 3, tolerance: 1, weight: 50 }] }],
		['{#=2:0#Đúng =%25%2:1#Gần =%10%1..5}', { value: 2, tolerance: 0, feedback: 'Đúng', partial: [{ value: 2, tolerance: 1, weight: 25, feedback: 'Gần' }, { value: 3, tolerance: 2, weight: 10 }] }]
	])('keeps partly right numeric answers and their feedback (%s)', (block, key) => {
		expect(only(`Số? ${block}`).key).toEqual({ kind: 'numeric', ...key });
	});

	it.each(['{#=2 =*#Bạn đã trả lời}', '{#2 ~#Chưa đúng}', '{#=2 =%0%3#Nhầm với số khác}'])('notes the feedback for wrong numbers it cannot keep (%s)', (block) => {
		expect(only(`Số? ${block}`)).toMatchObject({ key: { kind: 'numeric', value: 2, tolerance: 0 }, notKept: [{ code: 'wrong_answer_feedback' }] });
	});
});

describe('parseGift syntax', () => {
	it('unescapes \\~ \\= \\# \\{ \\} \\: \\\\ and \\n everywhere', () => {
		const q = only('::a\\:b::1 \\= 1\\nkhông \\{x\\} \\\\ \\~ \\# {=c\\=d ~e\\~f ~g\\#h ~i\\}j ####lưu ý\\: \\{x\\}}');
		expect(q.title).toBe('a:b');
		expect(q.prompt).toBe('1 = 1\nkhông {x} \\ ~ #');
		expect(q.content).toMatchObject({ options: [{ text: 'c=d' }, { text: 'e~f' }, { text: 'g#h' }, { text: 'i}j' }] });
		expect(q.explanation).toBe('lưu ý: {x}');
	});

	it('reads a backslash before an escape as an escaped backslash', () => {
		expect(only('C:\\\\n {T}').prompt).toBe('C:\\n');
	});

	it('drops private-use characters rather than mistaking them for escapes', () => {
		expect(only('A\uE003B {=x\uE006y ~z}')).toMatchObject({ prompt: 'AB', content: { options: [{ text: 'xy' }, { text: 'z' }] } });
	});

	it('leaves other backslashes as they are', () => {
		expect(only('C\\Windows\\System32 {T}').prompt).toBe('C\\Windows\\System32');
	});

	it('drops comment lines, also inside the answers, without ending the question', () => {
		const q = only('// đầu tệp\nCâu hỏi {\n// chú thích\n=a\n  // thêm\n~b\n}');
		expect(q.content).toMatchObject({ options: [{ text: 'a' }, { text: 'b' }] });
	});

	it('keeps "//" that does not start a line', () => {
		expect(only('Mở https://example.vn {T}').prompt).toBe('Mở https://example.vn');
	});

	it('splits questions on blank lines, even ones holding spaces', () => {
		expect(questions(parseGift('A {T}\n   \nB {F}\n\n\n\nC {T}'))).toHaveLength(3);
	});

	it('reads a title without a closing :: as part of the text, as Moodle does', () => {
		expect(only('::Không tiêu đề {T}')).toMatchObject({ title: null, prompt: 'Không tiêu đề' });
	});

	it('turns an empty title into none', () => {
		expect(only('::::Câu hỏi {T}').title).toBeNull();
	});

	it('does not count $CATEGORY lines as questions', () => {
		const result = parseGift('$CATEGORY: top/A\n\nA {T}\n\n$CATEGORY: top/B\nB {#x}');
		expect(result).toEqual({ ok: false, errors: [{ code: 'invalid_number', line: 6, question: 2 }] });
	});

	it('reads multi-line prompts and answers', () => {
		const q = only('Dòng một\nDòng hai\n{\n  =a\n  ~b\n}');
		expect(q.prompt).toBe('Dòng một\nDòng hai');
	});

	it('accepts Windows line endings and a byte order mark', () => {
		expect(questions(parseGift('\uFEFFA {T}\r\n\r\nB {F}\r\n'))).toHaveLength(2);
	});

	it('strips tags from [html] text and decodes entities, in the prompt and the answers, noting the formatting lost', () => {
		const q = only('[html]<p>Chọn <b>một</b>&nbsp;trang&nbsp;&amp; web</p><p>an toàn</p>{=<i>https\\://</i> ~http&\\#58;// ####<p>Luôn kiểm tra &quot;ổ khóa&quot;</p>}');
		expect(q.prompt).toBe('Chọn một trang & web\nan toàn');
		expect(q.promptFormat).toBe('plain');
		expect(q.content).toMatchObject({ options: [{ text: 'https://' }, { text: 'http://' }] });
		expect(q.explanation).toBe('Luôn kiểm tra "ổ khóa"');
		expect(q.notKept).toEqual([{ code: 'answer_formatting' }, { code: 'html_formatting' }]);
	});

	it('notes nothing for [html] with paragraphs and line breaks only, and media apart from formatting', () => {
		expect(only('[html]<p>Dòng một<br>Dòng hai</p> {T}')).toMatchObject({ prompt: 'Dòng một\nDòng hai', notKept: [] });
		expect(only('[html]<p>Xem hình <img src="a.png"></p> {T}').notKept).toEqual([{ code: 'embedded_media' }]);
	});

	it.each(['moodle', 'plain'])('only removes the [%s] marker', (format) => {
		expect(only(`::t::[${format}]Dùng thẻ <b> để in đậm {T}`)).toMatchObject({ prompt: 'Dùng thẻ <b> để in đậm', promptFormat: 'plain', notKept: [] });
	});

	it('keeps a [markdown] prompt as Markdown source', () => {
		const q = only('::t::[markdown]Dùng **in đậm** và <b>thẻ</b>\\n\\n- một\n- hai {T}');
		expect(q).toMatchObject({ prompt: 'Dùng **in đậm** và <b>thẻ</b>\n\n- một\n- hai', promptFormat: 'markdown', notKept: [] });
	});

	it('notes the images of a [markdown] prompt, which are not shown', () => {
		expect(only('[markdown]Xem ![ổ khóa](https\\://example.vn/khoa.png) {T}').notKept).toEqual([{ code: 'embedded_media' }]);
	});

	it('reads the answers of a [markdown] question as Markdown, keeping their text and noting formatting', () => {
		const q = only('[markdown]Chọn **một** {=Mật khẩu **dài** ~2 \\* 3 ~Mã PIN#Sai\\: *ngắn* quá ####Xem [bài học](https\\://example.vn)}');
		expect(q.content).toMatchObject({ options: [{ text: 'Mật khẩu dài' }, { text: '2 * 3' }, { text: 'Mã PIN' }] });
		expect(q.key).toMatchObject({ feedback: { c: 'Sai: ngắn quá' } });
		expect(q.explanation).toBe('Xem bài học');
		expect(q.notKept).toEqual([{ code: 'answer_formatting' }]);
	});

	it('lets an answer carry its own format', () => {
		const q = only('Q {=[html]<b>A</b> ~B ~[markdown]*C*}');
		expect(q.content).toMatchObject({ options: [{ text: 'A' }, { text: 'B' }, { text: 'C' }] });
		expect(q.notKept).toEqual([{ code: 'answer_formatting' }]);
	});

	it('defaults points to 1 and short-answer accents to significant', () => {
		const q = only('Q {=Hà Nội}');
		expect(q.points).toBe(1);
		expect(q.key).toMatchObject({ accentInsensitive: false });
	});
});

describe('parseGift errors', () => {
	it.each([
		['Câu hỏi {=a ~b', 'unclosed_answer_block'],
		['Câu hỏi không có đáp án', 'no_answer_block'],
		['Câu hỏi } {=a ~b}', 'stray_brace'],
		['Câu hỏi =a ~b}', 'stray_brace'],
		['Câu hỏi {=a {~b}', 'stray_brace'],
		['Câu {=a} và {=b}', 'several_answer_blocks'],
		['Câu {=a} và } nữa', 'stray_brace'],
		['Ghép {=a -> 1 =b}', 'unmatched_pair'],
		['Chọn {~a ~b ~c}', 'no_correct_answer'],
		['Chọn {~%-50%a ~%0%b}', 'no_correct_answer'],
		['Chọn {=a =b ~c}', 'too_many_correct'],
		['Chọn {=a ~%100%b ~c}', 'too_many_correct'],
		['Số {#abc}', 'invalid_number'],
		['Số {#1,5}', 'invalid_number'],
		['Số {#3:x}', 'invalid_number'],
		['Số {#=%50%3}', 'no_correct_answer'],
		['Số {#5..1}', 'invalid_number'],
		['Tên {=%50%a}', 'no_correct_answer'],
		['Tên {=Hà*}', 'wildcard_answer'],
		['Tên {=Hà Nội =%50%Hà*}', 'wildcard_answer'],
		['Chọn {=a ~%150%b}', 'invalid_weights'],
		['Chọn {~%50%a ~%40%b ~c}', 'invalid_weights'],
		['Chọn {~%60%a ~%60%b}', 'invalid_weights'],
		['Tên {=a =%120%b}', 'invalid_weights'],
		['Tên {=a =%0.5%b}', 'invalid_weights'],
		['Số {#=2 =%99.5%3}', 'invalid_weights'],
		['Số {#=2 =3}', 'too_many_correct'],
		['Số {#=2 =%50%x}', 'invalid_number'],
		['{T}', 'empty_prompt'],
		['Chọn {~%100%a}', 'too_few_choices', '2'],
		['Chọn {=a ~b ~A}', 'duplicate_choice'],
		['Chọn {=a ~ ~b}', 'empty_choice'],
		['Ghép {=a -> 1 =a -> 2}', 'duplicate_choice'],
		['Ghép {=a -> 1 = -> 2}', 'too_few_choices', '2']
	])('refuses %j with %s', (text, code, detail?: string) => {
		const error = detail ? { code, line: 1, question: 1, detail } : { code, line: 1, question: 1 };
		expect(parseGift(text)).toEqual({ ok: false, errors: [error] });
	});

	it('accepts a literal \\* in a short answer', () => {
		expect(only('Ký hiệu nhân {=\\*}').key).toMatchObject({ answers: ['*'] });
	});

	it('refuses a description (text without answers), which a bank has no place for', () => {
		expect(parseGift('::Giới thiệu::Phần sau nói về lừa đảo qua mạng.')).toEqual({ ok: false, errors: [{ code: 'no_answer_block', line: 1, question: 1 }] });
	});

	it('reports the question number and the line where it starts', () => {
		const text = '// tệp mẫu\nA {T}\n\n// câu hai\n::B::\nCâu B {=a ~b\n\nC {F}\n';
		expect(parseGift(text)).toEqual({ ok: false, errors: [{ code: 'unclosed_answer_block', line: 5, question: 2 }] });
	});

	it('is all or nothing: two good questions and one bad give exactly that error', () => {
		const text = 'A {T}\n\nB {=x ~y}\n\nC {~x ~y}\n';
		expect(parseGift(text)).toEqual({ ok: false, errors: [{ code: 'no_correct_answer', line: 5, question: 3 }] });
	});

	it('collects every error, not just the first', () => {
		const result = parseGift('A {\n\nB {T}\n\nC không đáp án\n\nD {#x}');
		expect(result).toEqual({
			ok: false,
			errors: [
				{ code: 'unclosed_answer_block', line: 1, question: 1 },
				{ code: 'no_answer_block', line: 5, question: 3 },
				{ code: 'invalid_number', line: 7, question: 4 }
			]
		});
	});
});

describe('parseGift limits', () => {
	it.each(['', '   \n\n', '// chỉ có chú thích\n', '$CATEGORY: top\n'])('calls %j an empty file', (text) => {
		expect(parseGift(text)).toEqual({ ok: false, errors: [{ code: 'empty_file', line: null, question: 0 }] });
	});

	it('refuses a file over the byte limit, counting UTF-8 bytes', () => {
		const atLimit = `A {T}\n${'\n'.repeat(QUESTION_LIMITS.importBytesMax - 6)}`;
		expect(atLimit).toHaveLength(QUESTION_LIMITS.importBytesMax);
		expect(questions(parseGift(atLimit))).toHaveLength(1);
		expect(parseGift(`${atLimit}\n`)).toMatchObject({ ok: false, errors: [{ code: 'file_too_large' }] });
		const vietnamese = `${'ạ'.repeat(QUESTION_LIMITS.importBytesMax / 3)} {T}`;
		expect(parseGift(vietnamese)).toEqual({ ok: false, errors: [{ code: 'file_too_large', line: null, question: 0, detail: '1 MB' }] });
	});

	it('refuses more questions than one import may hold', () => {
		const many = Array.from({ length: QUESTION_LIMITS.importQuestionsMax + 1 }, (_, i) => `Câu ${i} {T}`).join('\n\n');
		expect(parseGift(many)).toEqual({ ok: false, errors: [{ code: 'too_many_questions', line: null, question: 0, detail: '500' }] });
		const enough = Array.from({ length: QUESTION_LIMITS.importQuestionsMax }, (_, i) => `Câu ${i} {T}`).join('\n\n');
		expect(questions(parseGift(enough))).toHaveLength(QUESTION_LIMITS.importQuestionsMax);
	});

	it('refuses more choices than a question may have', () => {
		const choices = Array.from({ length: QUESTION_LIMITS.choicesMax + 1 }, (_, i) => `~c${i}`).join(' ');
		expect(parseGift(`Q {=đúng ${choices}}`)).toEqual({ ok: false, errors: [{ code: 'too_many_choices', line: 1, question: 1, detail: '10' }] });
	});

	it('refuses more accepted answers than a short answer may have', () => {
		const answers = Array.from({ length: QUESTION_LIMITS.answersMax + 1 }, (_, i) => `=a${i}`).join(' ');
		expect(parseGift(`Q {${answers}}`)).toMatchObject({ ok: false, errors: [{ code: 'too_many_answers', detail: '20' }] });
	});

	it.each([
		[`Q {=a#${'f'.repeat(QUESTION_LIMITS.feedbackMax + 1)} ~b}`, 'feedback_too_long', '1000'],
		[`Q {T#${'f'.repeat(QUESTION_LIMITS.feedbackMax + 1)}}`, 'feedback_too_long', '1000'],
		[`Q {=a =%50%b#${'f'.repeat(QUESTION_LIMITS.feedbackMax + 1)}}`, 'feedback_too_long', '1000'],
		[`Q {#=1 =%50%2#${'f'.repeat(QUESTION_LIMITS.feedbackMax + 1)}}`, 'feedback_too_long', '1000'],
		[`::${'t'.repeat(QUESTION_LIMITS.titleMax + 1)}::Q {T}`, 'title_too_long', '200'],
		[`${'p'.repeat(QUESTION_LIMITS.promptMax + 1)} {T}`, 'prompt_too_long', '2000'],
		[`Q {T####${'e'.repeat(QUESTION_LIMITS.explanationMax + 1)}}`, 'explanation_too_long', '2000'],
		[`Q {=${'c'.repeat(QUESTION_LIMITS.choiceMax + 1)} ~b}`, 'choice_too_long', '500']
	])('refuses text over its limit (%#)', (text, code, detail) => {
		expect(parseGift(text)).toEqual({ ok: false, errors: [{ code, line: 1, question: 1, detail }] });
	});

	it('counts characters, not UTF-16 units, against the limits', () => {
		expect(only(`${'😀'.repeat(QUESTION_LIMITS.promptMax)} {T}`).prompt).toHaveLength(QUESTION_LIMITS.promptMax * 2);
	});
});

describe('parseGift missing word (an answer block inside the sentence)', () => {
	it('reads a choice as a cloze question with one gap, the prompt showing a blank', () => {
		const q = only('Tôi {=đi ~đứng} học.');
		expect(q).toMatchObject({ kind: 'cloze', prompt: 'Tôi _____ học.', promptFormat: 'plain', points: 1, notKept: [] });
		expect(q.content).toEqual({ kind: 'cloze', text: 'Tôi {#1} học.', gaps: [{ kind: 'single', options: [{ id: 'a', text: 'đi' }, { id: 'b', text: 'đứng' }] }] });
		expect(q.key).toEqual({ kind: 'cloze', gaps: [{ kind: 'single', correct: 'a', points: 1 }] });
	});

	it.each([
		['Tôi {=đi =đến#Cũng đúng} trường.', { kind: 'short_text', answers: ['đi', 'đến'], accentInsensitive: false, feedback: [null, 'Cũng đúng'], points: 1 }],
		['Tuần có {#7} ngày.', { kind: 'numeric', value: 7, tolerance: 0, points: 1 }],
		['Khoảng {#5:1} phút.', { kind: 'numeric', value: 5, tolerance: 1, points: 1 }],
		['Chọn {~%50%OTP ~%50%PIN ~%-100%tên} là bí mật.', { kind: 'multiple', correct: ['a', 'b'], weights: { a: 50, b: 50, c: -100 }, points: 1 }]
	])('reads the gap of %j with its kind, weights and feedback', (text, gap) => {
		const q = only(text);
		expect(q.kind).toBe('cloze');
		expect(q.key).toEqual({ kind: 'cloze', gaps: [gap] });
		expect(q.content).toMatchObject({ kind: 'cloze', gaps: [{ kind: gap.kind }] });
	});

	it('reads a blank at the start of the sentence, and keeps the title and general feedback', () => {
		const q = only('::Điền::{=Zalo ~Gmail} là ứng dụng nhắn tin.');
		expect(q).toMatchObject({ title: 'Điền', prompt: '_____ là ứng dụng nhắn tin.', content: { text: '{#1} là ứng dụng nhắn tin.' } });
		expect(only('A {=x ~y####Giải thích} b.')).toMatchObject({ kind: 'cloze', explanation: 'Giải thích' });
	});

	it('keeps true/false, matching and essay blocks in the sentence as Moodle does: the kind stays, a blank shows', () => {
		expect(only('Mật khẩu {T} nên dài.')).toMatchObject({ kind: 'true_false', prompt: 'Mật khẩu _____ nên dài.' });
		expect(only('Ghép {=a -> 1 =b -> 2} đi.')).toMatchObject({ kind: 'matching', prompt: 'Ghép _____ đi.' });
		expect(only('Viết {} đoạn văn.')).toMatchObject({ kind: 'essay', prompt: 'Viết _____ đoạn văn.' });
	});

	it('reads the sentence in its format, the gap kept where the block was', () => {
		const html = only('[html]<p>Chọn <b>giao thức</b> {=https ~http} cho <i>web</i>.</p>');
		expect(html).toMatchObject({ prompt: 'Chọn giao thức _____ cho web.', content: { text: 'Chọn giao thức {#1} cho web.' }, notKept: [{ code: 'html_formatting' }] });
		// The gap's field sits inside the sentence, which is shown as plain text: Markdown is read, and its loss said.
		const markdown = only('[markdown]Chọn **giao thức** {=https ~http} cho web.');
		expect(markdown).toMatchObject({
			promptFormat: 'plain', prompt: 'Chọn giao thức _____ cho web.', content: { text: 'Chọn giao thức {#1} cho web.' }, notKept: [{ code: 'cloze_formatting' }]
		});
		expect(only('[markdown]Chọn giao thức {=https ~http} cho web.')).toMatchObject({ promptFormat: 'plain', notKept: [] });
	});

	it('refuses a sentence that holds a literal "{#", which would be taken for a gap', () => {
		expect(parseGift('Viết \\{#1\\} hoặc {=a ~b} ở đây.')).toEqual({ ok: false, errors: [{ code: 'invalid_gap_markers', line: 1, question: 1 }] });
		expect(parseGift('[html]Viết &\\#123;#1\\} hoặc {=a ~b} ở đây.')).toMatchObject({ ok: false, errors: [{ code: 'invalid_gap_markers' }] });
		// Outside a missing-word question "{#" means nothing.
		expect(only('Viết \\{#1\\} ở đây {T}').prompt).toBe('Viết {#1} ở đây');
	});
});

describe('parseGift categories', () => {
	it('puts each question in the category named before it, up to the next $CATEGORY', () => {
		const all = questions(parseGift('A {T}\n\n$CATEGORY: $course$/top/Phần 1/Lừa đảo\n\nB {T}\n\nC {T}\n\n$CATEGORY: $course$/top\nD {T}'));
		expect(all.map((q) => q.category)).toEqual([[], ['Phần 1', 'Lừa đảo'], ['Phần 1', 'Lừa đảo'], []]);
	});

	it.each([
		['$course$/top/Phần 1/Lừa đảo', ['Phần 1', 'Lừa đảo']],
		['$system$/top/A', ['A']],
		['$module$/top/A', ['A']],
		['$cat1$/A/B', ['A', 'B']],
		['top/A', ['A']],
		['$course$/top/Default for Kỹ năng số/Phần 1', ['Phần 1']],
		['$course$/top/Mặc định cho Kỹ năng số', []],
		['$course$/Default for X', []],
		['Phần 1/Lừa đảo', ['Phần 1', 'Lừa đảo']],
		['$course$/top/Mua//bán online/ Chuyển tiền /', ['Mua/bán online', 'Chuyển tiền']],
		['', []]
	])('reads the path %j', (path, category) => {
		expect(only(`$CATEGORY: ${path}\n\nQ {T}`).category).toEqual(category);
	});

	it('refuses categories nested too deeply or with too long a name, at each question in them', () => {
		const deep = Array.from({ length: QUESTION_LIMITS.categoryDepthMax + 1 }, (_, i) => `C${i}`).join('/');
		expect(parseGift(`$CATEGORY: top/${deep}\nA {T}\n\nB {T}`)).toEqual({
			ok: false,
			errors: [
				{ code: 'category_too_deep', line: 2, question: 1, detail: '5' },
				{ code: 'category_too_deep', line: 4, question: 2, detail: '5' }
			]
		});
		const long = 'd'.repeat(QUESTION_LIMITS.categoryNameMax + 1);
		expect(parseGift(`$CATEGORY: top/${long}\nA {T}`)).toEqual({ ok: false, errors: [{ code: 'category_name_too_long', line: 2, question: 1, detail: '100' }] });
		const deepest = Array.from({ length: QUESTION_LIMITS.categoryDepthMax }, () => 'd'.repeat(QUESTION_LIMITS.categoryNameMax)).join('/');
		expect(only(`$CATEGORY: top/${deepest}\nA {T}`).category).toHaveLength(QUESTION_LIMITS.categoryDepthMax);
	});
});

describe('parseGift with the sample of every feature in the GIFT documentation', () => {
	const sample = readFileSync(new URL('./fixtures/moodle-sample.gift', import.meta.url), 'utf8');
	const all = questions(parseGift(sample));
	const byTitle = (title: string) => all.find((q) => q.title === title)!;

	it('reads every question, in order, with its kind and category', () => {
		expect(all.map((q) => q.kind)).toEqual([
			'single',
			'multiple',
			'multiple',
			'cloze',
			'cloze',
			'cloze',
			'true_false',
			'true_false',
			'short_text',
			'matching',
			'numeric',
			'numeric',
			'numeric',
			'essay',
			'true_false',
			'single',
			'single',
			'true_false',
			'single'
		]);
		expect(all[0].category).toEqual(['Phần 1', 'Lừa đảo trực tuyến']);
		expect(all.at(-1)!.category).toEqual(['Phần 2/3']);
	});

	it('keeps weights, negative ones too, and per-answer and general feedback', () => {
		expect(byTitle('Tin nhắn trúng thưởng')).toMatchObject({
			explanation: 'Ngân hàng và nhà mạng không bao giờ yêu cầu bấm link để nhận thưởng.',
			key: { kind: 'single', correct: 'a', weights: { a: 100, b: 0, c: 50, d: -100 }, feedback: { d: 'Không bao giờ gửi mã OTP cho ai.' } }
		});
		expect(byTitle('Dấu hiệu lừa đảo').key).toMatchObject({ correct: ['a', 'b'], weights: { a: 50, b: 50, c: -100 } });
		expect(byTitle('Thông tin bí mật').key).toEqual({ kind: 'multiple', correct: ['a', 'b', 'c'] });
		expect(byTitle('Viết tắt').key).toEqual({
			kind: 'short_text',
			answers: ['VPN', 'vpn', 'V.P.N.'],
			accentInsensitive: false,
			weights: [100, 100, 50],
			feedback: [null, 'Viết hoa hay thường đều được.', 'Gần đúng: không cần dấu chấm.']
		});
		expect(byTitle('Mã OTP').key).toEqual({
			kind: 'true_false',
			correct: false,
			feedback: { true: 'Sai: ngân hàng không bao giờ hỏi mã OTP.', false: 'Đúng: hãy từ chối và gác máy.' }
		});
	});

	it('reads numbers with tolerance, ranges and partial credit', () => {
		expect(byTitle('Số pi').key).toEqual({ kind: 'numeric', value: 3.14, tolerance: 0.005 });
		expect(byTitle('Số tuần').key).toEqual({ kind: 'numeric', value: 52.5, tolerance: 0.5 });
		expect(byTitle('Năm sinh')).toMatchObject({
			key: { kind: 'numeric', value: 1997, tolerance: 0, feedback: 'Chính xác.', partial: [{ value: 1997, tolerance: 2, weight: 50, feedback: 'Gần đúng.' }] },
			notKept: [{ code: 'wrong_answer_feedback' }]
		});
	});

	it('reads blanks in the middle of a sentence as cloze questions', () => {
		expect(byTitle('Điền từ')).toMatchObject({ prompt: 'Không bao giờ đọc mã _____ cho người lạ qua điện thoại.', content: { text: 'Không bao giờ đọc mã {#1} cho người lạ qua điện thoại.' } });
		expect(all[4].key).toMatchObject({ gaps: [{ kind: 'short_text', answers: ['https', 'http'], weights: [100, 50] }] });
		expect(all[5].key).toEqual({ kind: 'cloze', gaps: [{ kind: 'numeric', value: 113, tolerance: 0, points: 1 }] });
	});

	it('keeps formats, escapes and line breaks', () => {
		expect(byTitle('Markdown')).toMatchObject({ promptFormat: 'markdown', prompt: 'Mật khẩu **mạnh** cần có:\n- chữ hoa và chữ thường,\n- chữ số và *ký tự đặc biệt*.\n\nĐiều trên đúng không?' });
		expect(byTitle('HTML')).toMatchObject({ promptFormat: 'plain', prompt: 'Biểu tượng ổ khóa trên trình duyệt cho biết điều gì?', notKept: [{ code: 'html_formatting' }] });
		expect(byTitle('Văn bản thường').prompt).toBe('Thẻ <b> trong HTML dùng để làm gì?');
		expect(byTitle('Ký tự : đặc biệt')).toMatchObject({
			prompt: 'Trong GIFT, các ký tự ~ = # { } và : phải viết kèm dấu \\.\nBạn đã hiểu chưa?',
			content: { options: [{ text: 'Đã hiểu: viết \\= thành =' }, { text: 'Chưa, vì { } là gì?' }] }
		});
	});

	it('notes nothing lost but the HTML formatting and the feedback for any other number', () => {
		expect(all.filter((q) => q.notKept.length > 0).map((q) => q.title)).toEqual(['Năm sinh', 'HTML']);
	});
});
