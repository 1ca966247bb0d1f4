import { describe, expect, it } from 'vitest';
import { QUESTION_LIMITS, type QuestionDraft } from '#lib/quiz/question.ts';
import { parseMoodleXml } from './moodle-xml.ts';
import type { ImportResult } from './result.ts';

function questions(result: ImportResult): QuestionDraft[] {
	if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.errors)}`);
	return result.questions;
}

/** A quiz file around the given <question> elements. */
function quiz(...items: string[]): string {
	return `<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n${items.join('\n')}\n</quiz>\n`;
}

function only(item: string): QuestionDraft {
	const all = questions(parseMoodleXml(quiz(item)));
	expect(all).toHaveLength(1);
	return all[0];
}

function question(type: string, inner: string, name = 'Câu hỏi', text = 'Nội dung câu hỏi'): string {
	return `<question type="${type}"><name><text>${name}</text></name><questiontext format="plain_text"><text>${text}</text></questiontext>${inner}</question>`;
}

const answer = (fraction: number, text: string, extra = '') => `<answer fraction="${fraction}" format="html"><text>${text}</text>${extra}</answer>`;

// As Moodle 4 exports it: categories, CDATA with HTML, seven-decimal grades, feedback everywhere.
const PHISHING = `<?xml version="1.0" encoding="UTF-8"?>
<quiz>
<!-- question: 0  -->
  <question type="category">
    <category>
      <text>$course$/top/An toàn trên mạng</text>
    </category>
  </question>

<!-- question: 101  -->
  <question type="multichoice">
    <name>
      <text>Nhận biết lừa đảo trực tuyến</text>
    </name>
    <questiontext format="html">
      <text><![CDATA[<p dir="ltr">Bạn nhận được email: <em>"Tài khoản của bạn sẽ bị khóa trong 24 giờ, hãy đăng nhập tại link sau"</em>.</p><p>Bạn nên làm gì?</p>]]></text>
    </questiontext>
    <generalfeedback format="html">
      <text><![CDATA[<p>Đây là dấu hiệu <strong>lừa đảo trực tuyến</strong> (phishing).</p>]]></text>
    </generalfeedback>
    <defaultgrade>2.0000000</defaultgrade>
    <penalty>0.3333333</penalty>
    <hidden>0</hidden>
    <idnumber></idnumber>
    <single>true</single>
    <shuffleanswers>true</shuffleanswers>
    <answernumbering>abc</answernumbering>
    <answer fraction="0" format="html">
      <text><![CDATA[<p>Bấm vào link và đăng nhập ngay</p>]]></text>
      <feedback format="html"><text>Không an toàn.</text></feedback>
    </answer>
    <answer fraction="100" format="html">
      <text><![CDATA[<p>Không bấm link, liên hệ ngân hàng qua số điện thoại chính thức</p>]]></text>
      <feedback format="html"><text>Chính xác.</text></feedback>
    </answer>
    <answer fraction="0" format="html">
      <text><![CDATA[<p>Trả lời email để hỏi lại</p>]]></text>
      <feedback format="html"><text></text></feedback>
    </answer>
  </question>

<!-- question: 102  -->
  <question type="truefalse">
    <name><text>Mật khẩu</text></name>
    <questiontext format="moodle_auto_format"><text>Nên dùng cùng một mật khẩu cho mọi tài khoản.</text></questiontext>
    <generalfeedback format="moodle_auto_format"><text></text></generalfeedback>
    <defaultgrade>1.0000000</defaultgrade>
    <answer fraction="0" format="moodle_auto_format"><text>true</text><feedback format="html"><text></text></feedback></answer>
    <answer fraction="100" format="moodle_auto_format"><text>false</text><feedback format="html"><text></text></feedback></answer>
  </question>

  <question type="shortanswer">
    <name><text>Tổng đài</text></name>
    <questiontext format="html"><text>&lt;p&gt;Số điện thoại của tổng đài hỗ trợ người dân báo lừa đảo là số nào?&lt;/p&gt;</text></questiontext>
    <usecase>0</usecase>
    <answer fraction="100" format="moodle_auto_format"><text>156</text></answer>
    <answer fraction="0" format="moodle_auto_format"><text>*</text><feedback format="html"><text>Chưa đúng.</text></feedback></answer>
  </question>
</quiz>
`;

describe('parseMoodleXml with a Vietnamese sample on online fraud', () => {
	it('reads the questions Moodle exports, in the category before them', () => {
		const all = questions(parseMoodleXml(PHISHING));
		expect(all).toHaveLength(3);
		expect(all[0]).toEqual({
			kind: 'single',
			title: 'Nhận biết lừa đảo trực tuyến',
			prompt: 'Bạn nhận được email: "Tài khoản của bạn sẽ bị khóa trong 24 giờ, hãy đăng nhập tại link sau".\nBạn nên làm gì?',
			promptFormat: 'plain',
			explanation: 'Đây là dấu hiệu lừa đảo trực tuyến (phishing).',
			points: 2,
			category: ['An toàn trên mạng'],
			// <em> in the question, <strong> in the general feedback
			notKept: [{ code: 'html_formatting' }, { code: 'answer_formatting' }],
			content: {
				kind: 'single',
				options: [
					{ id: 'a', text: 'Bấm vào link và đăng nhập ngay' },
					{ id: 'b', text: 'Không bấm link, liên hệ ngân hàng qua số điện thoại chính thức' },
					{ id: 'c', text: 'Trả lời email để hỏi lại' }
				]
			},
			key: { kind: 'single', correct: 'b', feedback: { a: 'Không an toàn.', b: 'Chính xác.' } }
		});
		expect(all[1]).toMatchObject({ kind: 'true_false', explanation: null, points: 1, key: { correct: false }, category: ['An toàn trên mạng'] });
		expect(all[2]).toMatchObject({
			prompt: 'Số điện thoại của tổng đài hỗ trợ người dân báo lừa đảo là số nào?',
			key: { kind: 'short_text', answers: ['156'], accentInsensitive: false },
			notKept: [{ code: 'wrong_answer_feedback' }]
		});
	});

	it('reports lines against the original file', () => {
		const result = parseMoodleXml(PHISHING.replace('type="truefalse"', 'type="calculated"'));
		expect(result).toEqual({ ok: false, errors: [{ code: 'unsupported_question_type', line: 43, question: 2, detail: 'calculated' }] });
	});
});

describe('parseMoodleXml kinds', () => {
	it.each(['false', '0'])('reads <single>%s</single> as multiple choice, right when the fraction is positive', (single) => {
		const q = only(question('multichoice', `<single>${single}</single>${answer(50, 'a')}${answer(50, 'b')}${answer(-100, 'c')}${answer(0, 'd')}`));
		expect(q.kind).toBe('multiple');
		expect(q.key).toEqual({ kind: 'multiple', correct: ['a', 'b'], weights: { a: 50, b: 50, c: -100, d: 0 } });
	});

	it('leaves out multiple-choice weights that are the default rule, as Moodle writes them', () => {
		const answers = `${answer(33.33333, 'a')}${answer(33.33333, 'b')}${answer(33.33334, 'c')}${answer(-33.33333, 'd')}`;
		expect(only(question('multichoice', `<single>false</single>${answers}`)).key).toEqual({ kind: 'multiple', correct: ['a', 'b', 'c'] });
	});

	it.each(['true', '1', ''])('reads <single>%s</single> (or none) as single choice', (single) => {
		const q = only(question('multichoice', `${single ? `<single>${single}</single>` : ''}${answer(0, 'a')}${answer(100, 'b')}`));
		expect(q.key).toEqual({ kind: 'single', correct: 'b' });
	});

	it('keeps a single choice with partial credit, the full-credit answer being the right one', () => {
		expect(only(question('multichoice', `<single>true</single>${answer(50, 'a')}${answer(100, 'b')}`)).key).toEqual({ kind: 'single', correct: 'b', weights: { a: 50, b: 100 } });
	});

	it('keeps the feedback of each answer, in its own format', () => {
		const feedback = (text: string) => `<feedback format="html"><text><![CDATA[${text}]]></text></feedback>`;
		const q = only(question('multichoice', `${answer(100, 'a', feedback('<p>Đúng</p>'))}${answer(0, 'b', feedback(''))}${answer(0, 'c', feedback('<p>Sai <b>hẳn</b></p>'))}`));
		expect(q.key).toEqual({ kind: 'single', correct: 'a', feedback: { a: 'Đúng', c: 'Sai hẳn' } });
		expect(q.notKept).toEqual([{ code: 'answer_formatting' }]);
	});

	it('keys true/false feedback by the answer the learner gives', () => {
		const feedback = (text: string) => `<feedback format="html"><text>${text}</text></feedback>`;
		const q = only(question('truefalse', `${answer(0, 'true', feedback('Sai rồi'))}${answer(100, 'false', feedback('Chính xác'))}`));
		expect(q.key).toEqual({ kind: 'true_false', correct: false, feedback: { true: 'Sai rồi', false: 'Chính xác' } });
	});

	it.each([
		[answer(100, 'true') + answer(0, 'false'), true],
		[answer(0, 'true') + answer(100, 'false'), false],
		[answer(100, 'false') + answer(0, 'true'), false],
		// Answer texts that say neither: the first answer is "true", as in Moodle.
		[answer(100, 'Đúng') + answer(0, 'Sai'), true],
		[answer(0, 'Đúng') + answer(100, 'Sai'), false]
	])('reads true/false (%#)', (answers, correct) => {
		expect(only(question('truefalse', answers)).key).toEqual({ kind: 'true_false', correct });
	});

	it('reads a short answer with partial credit, noting that case will not matter', () => {
		const q = only(question('shortanswer', `<usecase>1</usecase>${answer(100, 'Wi-Fi')}${answer(100, 'wifi')}${answer(50, 'mạng')}${answer(0, '*')}`));
		expect(q.key).toEqual({ kind: 'short_text', answers: ['Wi-Fi', 'wifi', 'mạng'], accentInsensitive: false, weights: [100, 100, 50] });
		expect(q.notKept).toEqual([{ code: 'case_sensitivity' }]);
		expect(only(question('shortanswer', `<usecase>0</usecase>${answer(100, 'Wi-Fi')}`)).notKept).toEqual([]);
	});

	it('refuses a short answer whose right answer is a wildcard', () => {
		expect(parseMoodleXml(quiz(question('shortanswer', answer(100, 'Hà*'))))).toMatchObject({ ok: false, errors: [{ code: 'wildcard_answer' }] });
	});

	it.each([
		[`${answer(100, '3.14', '<tolerance>0.01</tolerance>')}`, { value: 3.14, tolerance: 0.01 }],
		[`${answer(100, '42')}`, { value: 42, tolerance: 0 }],
		[`${answer(100, '-2.5', '<tolerance></tolerance>')}`, { value: -2.5, tolerance: 0 }],
		[
			`${answer(50, '3', '<tolerance>1</tolerance>')}${answer(100, '3.1416', '<tolerance>0.0001</tolerance>')}${answer(0, '*')}`,
			{ value: 3.1416, tolerance: 0.0001, partial: [{ value: 3, tolerance: 1, weight: 50 }] }
		]
	])('reads numerical answers and tolerance (%#)', (answers, key) => {
		expect(only(question('numerical', answers)).key).toEqual({ kind: 'numeric', ...key });
	});

	it('notes the units of a numerical question, which are not kept', () => {
		const unit = (name: string, multiplier: number) => `<unit><multiplier>${multiplier}</multiplier><unit_name>${name}</unit_name></unit>`;
		expect(only(question('numerical', `${answer(100, '5')}<units>${unit('m', 1)}</units>`)).notKept).toEqual([{ code: 'numeric_units', detail: 'm' }]);
		expect(only(question('numerical', `${answer(100, '5')}<units>${unit('m', 1)}${unit('cm', 100)}</units>`)).notKept).toEqual([{ code: 'numeric_units', detail: 'm, cm' }]);
		expect(only(question('numerical', `${answer(100, '5')}<units></units>`)).notKept).toEqual([]);
	});

	it('reads an essay with its grader information, noting the settings it cannot keep', () => {
		const q = only(
			question(
				'essay',
				'<responseformat>editor</responseformat><attachments>1</attachments><graderinfo format="html"><text>&lt;p&gt;Chấm theo ý&lt;/p&gt;</text></graderinfo><responsetemplate format="html"><text>Mở bài…</text></responsetemplate>'
			)
		);
		expect(q).toMatchObject({ kind: 'essay', content: { kind: 'essay' }, key: { kind: 'essay', graderInfo: 'Chấm theo ý' } });
		expect(q.notKept).toEqual([{ code: 'moodle_setting', detail: 'responsetemplate, attachments' }]);
		expect(only(question('essay', '<attachments>0</attachments><graderinfo format="html"><text></text></graderinfo>'))).toMatchObject({ key: { kind: 'essay' }, notKept: [] });
	});

	it('reads matching, with subquestions without text as extra right-hand answers', () => {
		const sub = (left: string, right: string) => `<subquestion format="html"><text>${left}</text><answer><text>${right}</text></answer></subquestion>`;
		const q = only(
			question('matching', `<shuffleanswers>true</shuffleanswers>${sub('<![CDATA[<p>Zalo</p>]]>', 'Nhắn tin')}${sub('Gmail', 'Thư điện tử')}${sub('Messenger', 'Nhắn tin')}${sub('', 'Bản đồ')}`)
		);
		expect(q.content).toEqual({
			kind: 'matching',
			left: [{ id: 'a', text: 'Zalo' }, { id: 'b', text: 'Gmail' }, { id: 'c', text: 'Messenger' }],
			right: [{ id: 'a', text: 'Nhắn tin' }, { id: 'b', text: 'Thư điện tử' }, { id: 'c', text: 'Bản đồ' }]
		});
		expect(q.key).toEqual({ kind: 'matching', pairs: { a: 'a', b: 'b', c: 'a' } });
	});

	it('reads ordering (qtype_ordering) with the answers in their right order', () => {
		const steps = ['Mở ứng dụng ngân hàng', 'Chọn Chuyển tiền', 'Kiểm tra tên người nhận', 'Nhập mã OTP'];
		const q = only(question('ordering', `<layouttype>VERTICAL</layouttype>${steps.map((s) => answer(1, s)).join('')}`));
		expect(q.content).toEqual({ kind: 'ordering', items: steps.map((text, i) => ({ id: 'abcd'[i], text })) });
		expect(q.key).toEqual({ kind: 'ordering', order: ['a', 'b', 'c', 'd'] });
	});
});

describe('parseMoodleXml text', () => {
	it('strips HTML and decodes entities in html texts, CDATA or escaped', () => {
		const q = only(
			`<question type="truefalse"><name><text>A &amp; B</text></name><questiontext format="html"><text>&lt;p&gt;Trang web có &lt;b&gt;ổ khóa&lt;/b&gt;&amp;nbsp;là an toàn?&lt;br&gt;Chọn đúng/sai.&lt;/p&gt;</text></questiontext>${answer(100, 'false')}${answer(0, 'true')}</question>`
		);
		expect(q.title).toBe('A & B');
		expect(q.prompt).toBe('Trang web có ổ khóa là an toàn?\nChọn đúng/sai.');
	});

	it('decodes character references and named HTML entities', () => {
		const q = only(question('truefalse', answer(100, 'true') + answer(0, 'false'), 'Tên', 'C&#226;u h&#x1ECF;i &lt;3'));
		expect(q.prompt).toBe('Câu hỏi <3');
		const html = only(`<question type="truefalse"><questiontext format="html"><text><![CDATA[<p>&agrave; &Ecirc; &hellip; &#273;</p>]]></text></questiontext>${answer(100, 'true')}</question>`);
		expect(html.prompt).toBe('à Ê … đ');
	});

	it('keeps the line breaks of moodle_auto_format and drops its tags', () => {
		const q = only(`<question type="truefalse"><questiontext format="moodle_auto_format"><text>Dòng một\n&lt;b&gt;Dòng&lt;/b&gt; hai</text></questiontext>${answer(100, 'true')}</question>`);
		expect(q.prompt).toBe('Dòng một\nDòng hai');
	});

	it('refuses HTML written as raw elements inside <text>, which would lose words', () => {
		const xml = quiz(`<question type="truefalse"><questiontext format="html"><text>Chọn <b>đúng</b> hay sai</text></questiontext>${answer(100, 'true')}</question>`);
		expect(parseMoodleXml(xml)).toEqual({ ok: false, errors: [{ code: 'unescaped_html', line: 3, question: 1 }] });
	});

	it('reads texts without a format as moodle_auto_format, as Moodle does', () => {
		expect(only(`<question type="truefalse"><questiontext><text><![CDATA[<p>A</p>]]></text></questiontext>${answer(100, 'true')}</question>`).prompt).toBe('A');
	});

	it.each([
		['plain_text', 'plain'],
		['markdown', 'markdown']
	])('keeps %s texts as written', (format, promptFormat) => {
		const q = only(`<question type="truefalse"><questiontext format="${format}"><text>Thẻ &lt;b&gt; in **đậm**</text></questiontext>${answer(100, 'true')}</question>`);
		expect(q).toMatchObject({ prompt: 'Thẻ <b> in **đậm**', promptFormat, notKept: [] });
	});

	it('notes HTML formatting and media reduced to plain text, and embedded files', () => {
		const text = (html: string) => `<question type="truefalse"><questiontext format="html"><text><![CDATA[${html}]]></text>`;
		expect(only(`${text('<p>Một<br>hai</p>')}</questiontext>${answer(100, 'true')}</question>`).notKept).toEqual([]);
		expect(only(`${text('<p><b>Đậm</b></p>')}</questiontext>${answer(100, 'true')}</question>`).notKept).toEqual([{ code: 'html_formatting' }]);
		const image = `${text('<p>Xem <img src="@@PLUGINFILE@@/a.png"></p>')}<file name="a.png" path="/" encoding="base64">iVBORw0KGgo=</file></questiontext>`;
		expect(only(`${image}${answer(100, 'true')}</question>`)).toMatchObject({ prompt: 'Xem', notKept: [{ code: 'embedded_media' }] });
	});

	it('notes hints, tags and id numbers, Moodle settings with no counterpart', () => {
		const settings = '<idnumber>ATTT-01</idnumber><hint format="html"><text>Nghĩ về mã OTP</text></hint><hint format="html"><text></text></hint><tags><tag><text>otp</text></tag></tags>';
		expect(only(question('truefalse', `${answer(100, 'true')}${settings}`)).notKept).toEqual([{ code: 'moodle_setting', detail: 'hint, tags, idnumber' }]);
		expect(only(question('truefalse', `${answer(100, 'true')}<idnumber></idnumber><hint format="html"><text></text></hint>`)).notKept).toEqual([]);
	});

	it('puts each question in the category before it, up to the next one', () => {
		const category = (path: string) => `<question type="category"><category><text>${path}</text></category></question>`;
		const tf = question('truefalse', answer(100, 'true'));
		const all = questions(parseMoodleXml(quiz(tf, category('$course$/top/Phần 1//2/Lừa đảo'), tf, tf, category('$course$/top'), tf, '<question type="category"/>', tf)));
		expect(all.map((q) => q.category)).toEqual([[], ['Phần 1/2', 'Lừa đảo'], ['Phần 1/2', 'Lừa đảo'], [], []]);
	});

	it('takes the general feedback as explanation, in the question format unless it has its own', () => {
		const q = only(
			`<question type="truefalse"><questiontext format="html"><text>Q</text></questiontext><generalfeedback><text>&lt;p&gt;Vì vậy&lt;/p&gt;</text></generalfeedback>${answer(100, 'true')}</question>`
		);
		expect(q.explanation).toBe('Vì vậy');
	});

	it('reads answers in the question format unless they have their own', () => {
		const q = only(
			`<question type="multichoice"><questiontext format="html"><text>Q</text></questiontext><answer fraction="100"><text>&lt;b&gt;A&lt;/b&gt;</text></answer><answer fraction="0" format="plain_text"><text>&lt;b&gt;B&lt;/b&gt;</text></answer></question>`
		);
		expect(q.content).toMatchObject({ options: [{ text: 'A' }, { text: '<b>B</b>' }] });
	});

	it('leaves the title empty when the name is', () => {
		expect(only(question('truefalse', answer(100, 'true'), '')).title).toBeNull();
	});

	it.each([
		['2.5000000', 2.5],
		['0.3333333', 0.33],
		['100', 100]
	])('reads <defaultgrade>%s</defaultgrade> as points', (grade, points) => {
		expect(only(question('truefalse', `<defaultgrade>${grade}</defaultgrade>${answer(100, 'true')}`)).points).toBe(points);
	});

	it.each(['0', '0.001', '-1', '101', 'abc'])('refuses <defaultgrade>%s</defaultgrade>', (grade) => {
		expect(parseMoodleXml(quiz(question('truefalse', `<defaultgrade>${grade}</defaultgrade>${answer(100, 'true')}`)))).toEqual({
			ok: false,
			errors: [{ code: 'invalid_points', line: 3, question: 1, detail: '100' }]
		});
	});
});

describe('parseMoodleXml errors', () => {
	it.each(['multianswer', 'description', 'calculated', 'ddwtos', 'gapselect'])('refuses the %s type, naming it', (type) => {
		const xml = quiz(question('truefalse', answer(100, 'true')), question(type, ''));
		expect(parseMoodleXml(xml)).toEqual({ ok: false, errors: [{ code: 'unsupported_question_type', line: 4, question: 2, detail: type }] });
	});

	it.each([
		[question('multichoice', `<single>true</single>${answer(0, 'a')}${answer(0, 'b')}`), 'no_correct_answer'],
		[question('multichoice', `<single>true</single>${answer(100, 'a')}${answer(100, 'b')}`), 'too_many_correct'],
		[question('multichoice', `<single>false</single>${answer(0, 'a')}${answer(-50, 'b')}`), 'no_correct_answer'],
		[question('multichoice', `${answer(100, 'a')}${answer(0, 'A ')}`), 'duplicate_choice'],
		[question('truefalse', `${answer(0, 'true')}${answer(0, 'false')}`), 'no_correct_answer'],
		[question('shortanswer', answer(50, 'gần đúng')), 'no_correct_answer'],
		[question('numerical', answer(100, 'ba mươi')), 'invalid_number'],
		[question('numerical', answer(100, '3', '<tolerance>-1</tolerance>')), 'invalid_number'],
		[question('numerical', answer(50, '3')), 'no_correct_answer'],
		[question('truefalse', answer(100, 'true'), 'Tên', ''), 'empty_prompt'],
		[question('ordering', answer(1, 'chỉ một bước')), 'too_few_choices'],
		['<question type="matching"><questiontext><text>Q</text></questiontext><subquestion><text>a</text><answer><text>1</text></answer></subquestion><subquestion><text>a</text><answer><text>2</text></answer></subquestion></question>', 'duplicate_choice'],
		['<question><questiontext><text>Q</text></questiontext></question>', 'unsupported_question_type']
	])('refuses a bad question (%#)', (item, code) => {
		expect(parseMoodleXml(quiz(item))).toMatchObject({ ok: false, errors: [{ code, line: 3, question: 1 }] });
	});

	it('counts a self-closed <question/> and reports it', () => {
		expect(parseMoodleXml(quiz('<question/>'))).toMatchObject({ ok: false, errors: [{ code: 'unsupported_question_type', line: null, question: 1, detail: '?' }] });
	});

	it('is all or nothing: two good questions and one bad give exactly that error', () => {
		const good = question('truefalse', answer(100, 'true'));
		const bad = question('multichoice', `${answer(0, 'a')}${answer(0, 'b')}`);
		expect(parseMoodleXml(quiz(good, good, bad))).toEqual({ ok: false, errors: [{ code: 'no_correct_answer', line: 5, question: 3 }] });
	});

	it('numbers questions without categories and reports every error', () => {
		const category = '<question type="category"><category><text>$course$/x</text></category></question>';
		const xml = quiz(category, question('calculated', ''), category, question('truefalse', answer(100, 'true')), question('cloze', ''));
		expect(parseMoodleXml(xml)).toEqual({
			ok: false,
			errors: [
				{ code: 'unsupported_question_type', line: 4, question: 1, detail: 'calculated' },
				{ code: 'no_gaps', line: 7, question: 3 }
			]
		});
	});

	it.each([
		['<quiz><question type="truefalse"></quiz>', 1],
		['<?xml version="1.0"?>\n<quiz>\n<question type="truefalse">\n<name><text>a</name>\n</question>\n</quiz>', 4],
		['<quiz>', 1],
		['<quiz></quiz>\n<quiz></quiz>', 2],
		['Đây không phải XML', 1]
	])('refuses malformed XML with the line of the fault (%#)', (xml, line) => {
		const result = parseMoodleXml(xml);
		expect(result).toMatchObject({ ok: false, errors: [{ code: 'invalid_xml', line, question: 0 }] });
		expect(!result.ok && result.errors[0].detail).toBeTruthy();
	});

	it('refuses XML nested deeper than the parser allows', () => {
		const deep = `<quiz><question type="truefalse">${'<a>'.repeat(150)}${'</a>'.repeat(150)}</question></quiz>`;
		expect(parseMoodleXml(deep)).toEqual({ ok: false, errors: [{ code: 'invalid_xml', line: null, question: 0, detail: 'Maximum nested tags exceeded' }] });
	});

	it('counts a self-closed category as a category', () => {
		const xml = quiz('<question type="category"/>', question('truefalse', answer(0, 'true')));
		expect(parseMoodleXml(xml)).toEqual({ ok: false, errors: [{ code: 'no_correct_answer', line: 4, question: 1 }] });
	});

	it.each([
		'<?xml version="1.0"?>\n<!DOCTYPE quiz [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<quiz><question type="truefalse"><questiontext><text>&xxe;</text></questiontext></question></quiz>',
		'<?xml version="1.0"?><!DOCTYPE quiz [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]><quiz>&b;</quiz>',
		'<!doctype quiz SYSTEM "http://example.com/quiz.dtd"><quiz/>'
	])('refuses DOCTYPE and entity declarations (%#)', (xml) => {
		expect(parseMoodleXml(xml)).toEqual({ ok: false, errors: [{ code: 'forbidden_doctype', line: null, question: 0 }] });
	});

	it('accepts "<!DOCTYPE" written inside a CDATA text', () => {
		const q = only(`<question type="truefalse"><questiontext format="plain_text"><text><![CDATA[Trang HTML bắt đầu bằng <!DOCTYPE html>?]]></text></questiontext>${answer(100, 'true')}</question>`);
		expect(q.prompt).toBe('Trang HTML bắt đầu bằng <!DOCTYPE html>?');
	});

	it.each(['<?xml version="1.0"?><questions><question type="truefalse"/></questions>', '<quiz></quiz><other/>'])(
		'refuses XML that is not a Moodle quiz (%#)',
		(xml) => {
			expect(parseMoodleXml(xml)).toEqual({ ok: false, errors: [{ code: 'not_moodle_xml', line: null, question: 0 }] });
		}
	);

	it.each(['', '  \n', quiz(), quiz('<question type="category"><category><text>x</text></category></question>')])('calls %j an empty file', (xml) => {
		expect(parseMoodleXml(xml)).toEqual({ ok: false, errors: [{ code: 'empty_file', line: null, question: 0 }] });
	});

	it('refuses a file over the byte limit', () => {
		const xml = quiz(`<!-- ${'ạ'.repeat(QUESTION_LIMITS.importBytesMax / 3)} -->`, question('truefalse', answer(100, 'true')));
		expect(parseMoodleXml(xml)).toEqual({ ok: false, errors: [{ code: 'file_too_large', line: null, question: 0, detail: '1 MB' }] });
	});

	it('refuses more questions than one import may hold', () => {
		const items = Array.from({ length: QUESTION_LIMITS.importQuestionsMax + 1 }, () => question('truefalse', answer(100, 'true')));
		expect(parseMoodleXml(quiz(...items))).toEqual({ ok: false, errors: [{ code: 'too_many_questions', line: null, question: 0, detail: '500' }] });
	});

	it('refuses more choices than a question may have', () => {
		const answers = Array.from({ length: QUESTION_LIMITS.choicesMax + 1 }, (_, i) => answer(i === 0 ? 100 : 0, `c${i}`)).join('');
		expect(parseMoodleXml(quiz(question('multichoice', answers)))).toMatchObject({ ok: false, errors: [{ code: 'too_many_choices' }] });
	});
});
