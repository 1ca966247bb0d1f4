import { describe, expect, it } from 'vitest';
import { describeGap, describeKey, feedbackFor } from './describe.ts';

const words = { true: 'Đúng', false: 'Sai' };

describe('feedback for what was answered', () => {
	it('shows the feedback of the chosen choice, or of each ticked one', () => {
		const key = { correct: 'x', feedback: { x: 'Chính xác.', y: 'Ngân hàng không bao giờ hỏi mã OTP.' } };
		expect(feedbackFor('single', key, { choice: 'y' })).toEqual(['Ngân hàng không bao giờ hỏi mã OTP.']);
		expect(feedbackFor('multiple', { correct: ['x'], feedback: key.feedback }, { choices: ['x', 'y'] })).toEqual(['Chính xác.', 'Ngân hàng không bao giờ hỏi mã OTP.']);
		expect(feedbackFor('single', key, { choice: 'z' })).toEqual([]);
	});

	it('matches a short answer as grading does: case, spacing and (when the key says so) accents do not matter', () => {
		const key = { answers: ['Hà Nội', 'Thủ đô'], accentInsensitive: true, feedback: ['Đúng rồi.', null] };
		expect(feedbackFor('short_text', key, { text: '  ha   noi ' })).toEqual(['Đúng rồi.']);
		expect(feedbackFor('short_text', key, { text: 'thủ đô' })).toEqual([]);
		expect(feedbackFor('short_text', { ...key, accentInsensitive: false }, { text: 'ha noi' })).toEqual([]);
	});

	it('finds the numeric answer the response falls within, exact first', () => {
		const key = { value: 6, tolerance: 0, feedback: 'Sáu chữ số.', partial: [{ value: 4, tolerance: 0, weight: 50, feedback: 'Mã cũ có bốn.' }] };
		expect(feedbackFor('numeric', key, { value: 6 })).toEqual(['Sáu chữ số.']);
		expect(feedbackFor('numeric', key, { value: 4 })).toEqual(['Mã cũ có bốn.']);
		expect(feedbackFor('numeric', key, { value: 5 })).toEqual([]);
	});

	it('gives true/false feedback by the answer given, and collects a cloze question\'s per gap', () => {
		expect(feedbackFor('true_false', { correct: false, feedback: { true: 'Không nên.' } }, { value: true })).toEqual(['Không nên.']);
		const cloze = { gaps: [{ kind: 'single', points: 1, correct: 'p', feedback: { q: 'Chưa đúng.' } }, { kind: 'short_text', points: 1, answers: ['đi'], accentInsensitive: false }] };
		expect(feedbackFor('cloze', cloze, { gaps: [{ choice: 'q' }, { text: 'đi' }] })).toEqual(['Chưa đúng.']);
	});
});

describe('describing keys', () => {
	it('marks partly right short answers with their weight', () => {
		expect(describeKey({ kind: 'short_text', content: {} }, { answers: ['Hà Nội', 'Ha Noi'], weights: [100, 50] }, words)).toEqual(['Hà Nội', 'Ha Noi (50 %)']);
	});

	it('describes a cloze gap with the gap\'s own choices', () => {
		const question = { kind: 'cloze', content: { gaps: [{ kind: 'single', options: [{ id: 'p', text: 'đi' }, { id: 'q', text: 'đứng' }] }] } };
		expect(describeGap(question, 1, { choice: 'q' }, false, words)).toEqual(['đứng']);
		expect(describeGap(question, 1, { correct: 'p' }, true, words)).toEqual(['đi']);
		expect(describeGap(question, 2, { choice: 'q' }, false, words)).toEqual([]);
	});
});
