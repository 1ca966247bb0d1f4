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
			explanation: 'Không bấm vào đường link lạ; hãy gọi tổng đài in trên thẻ ngân hàng để kiểm tra.',
			points: 1,
			content: {
				kind: 'single',
				options: [
					{ id: 'a', text: 'Lừa đảo trực tuyến (phishing)' },
					{ id: 'b', text: 'Thông báo chính thức của ngân hàng' },
					{ id: 'c', text: 'Quảng cáo khuyến mãi' }
				]
			},
			key: { kind: 'single', correct: 'a' }
		});
		expect(all[1].key).toEqual({ kind: 'multiple', correct: ['a', 'b'] });
		expect(all[2]).toMatchObject({ key: { kind: 'true_false', correct: false }, explanation: 'Mã OTP chỉ dùng để bạn tự xác nhận giao dịch.' });
		expect(all[3].key).toEqual({ kind: 'numeric', value: 3, tolerance: 0 });
		expect(all[4].content).toMatchObject({ kind: 'matching', left: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] });
		expect(all[5].key).toEqual({ kind: 'short_text', answers: ['phishing'], accentInsensitive: false });
	});
});

describe('parseGift kinds', () => {
	it('reads = and ~ as a single choice, dropping per-answer feedback', () => {
		const q = only('Chọn một {=Đúng#tốt ~Sai#chưa đúng ~Cũng sai}');
		expect(q.content).toEqual({ kind: 'single', options: [{ id: 'a', text: 'Đúng' }, { id: 'b', text: 'Sai' }, { id: 'c', text: 'Cũng sai' }] });
		expect(q.key).toEqual({ kind: 'single', correct: 'a' });
	});

	it('finds the right answer wherever it is listed', () => {
		expect(only('Q {~x ~y =z}').key).toEqual({ kind: 'single', correct: 'c' });
	});

	it('reads weights as a multiple choice whose right answers are those with positive weight', () => {
		const q = only('Q {~%33.33333%a ~%33.33333%b ~%33.33334%c ~%-100%d ~e}');
		expect(q.kind).toBe('multiple');
		expect(q.key).toEqual({ kind: 'multiple', correct: ['a', 'b', 'c'] });
	});

	it('keeps a single choice single when another answer has partial credit', () => {
		expect(only('Q {=a ~%50%b ~c}').key).toEqual({ kind: 'single', correct: 'a' });
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

	it('reads "=" answers alone as a short text, keeping only full-credit ones', () => {
		const q = only('Viết tắt của mạng riêng ảo? {=VPN =%100%mạng riêng ảo =%50%proxy#gần đúng =vpn}');
		expect(q.key).toEqual({ kind: 'short_text', answers: ['VPN', 'mạng riêng ảo'], accentInsensitive: false });
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
		['{#=3.14:0.01 =%50%3:1}', 3.14, 0.01],
		['{#=%50%3:1 =3.14159:0.0001#chính xác}', 3.14159, 0.0001],
		['{#1e3:5 ~Sai rồi}', 1000, 5],
		['{#=2 =*#Bạn đã trả lời}', 2, 0]
	])('reads %s as numeric', (block, value, tolerance) => {
		expect(only(`Số? ${block}`).key).toEqual({ kind: 'numeric', value, tolerance });
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

	it('ignores $CATEGORY lines and does not count them as questions', () => {
		const result = parseGift('$CATEGORY: top/A\n\nA {T}\n\n$CATEGORY: top/B\nB {}');
		expect(result).toEqual({ ok: false, errors: [{ code: 'unsupported_question_type', line: 6, question: 2, detail: 'essay' }] });
	});

	it('reads multi-line prompts and answers', () => {
		const q = only('Dòng một\nDòng hai\n{\n  =a\n  ~b\n}');
		expect(q.prompt).toBe('Dòng một\nDòng hai');
	});

	it('accepts Windows line endings and a byte order mark', () => {
		expect(questions(parseGift('\uFEFFA {T}\r\n\r\nB {F}\r\n'))).toHaveLength(2);
	});

	it('strips tags from [html] text and decodes entities, in the prompt and the answers', () => {
		const q = only('[html]<p>Chọn <b>một</b>&nbsp;trang&nbsp;&amp; web</p><p>an toàn</p>{=<i>https\\://</i> ~http&\\#58;// ####<p>Luôn kiểm tra &quot;ổ khóa&quot;</p>}');
		expect(q.prompt).toBe('Chọn một trang & web\nan toàn');
		expect(q.content).toMatchObject({ options: [{ text: 'https://' }, { text: 'http://' }] });
		expect(q.explanation).toBe('Luôn kiểm tra "ổ khóa"');
	});

	it.each(['moodle', 'markdown', 'plain'])('only removes the [%s] marker', (format) => {
		expect(only(`::t::[${format}]Dùng thẻ <b> để in đậm {T}`).prompt).toBe('Dùng thẻ <b> để in đậm');
	});

	it('lets an answer carry its own format', () => {
		expect(only('Q {=[html]<b>A</b> ~B}').content).toMatchObject({ options: [{ text: 'A' }, { text: 'B' }] });
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
		['Thủ đô là {=Hà Nội ~Huế} của Việt Nam.', 'missing_word_format'],
		['Câu {=a} và {=b}', 'missing_word_format'],
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

	it.each([
		['Viết một đoạn văn {}', 'essay'],
		['Viết một đoạn văn {####Gợi ý}', 'essay']
	])('refuses the essay %j, naming the type', (text, detail) => {
		expect(parseGift(text)).toEqual({ ok: false, errors: [{ code: 'unsupported_question_type', line: 1, question: 1, detail }] });
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
