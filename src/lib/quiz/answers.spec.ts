import { describe, expect, it } from 'vitest';
import { readAnswers, type ShownQuestion } from './answers.ts';

const form = (fields: [string, string][]) => {
	const data = new FormData();
	for (const [name, value] of fields) data.append(name, value);
	return data;
};

const cloze: ShownQuestion = {
	number: 4,
	kind: 'cloze',
	content: { gaps: [{ kind: 'single' }, { kind: 'short_text' }, { kind: 'numeric' }, { kind: 'multiple' }] }
};
const essay: ShownQuestion = { number: 2, kind: 'essay', content: {} };

describe('reading a cloze question', () => {
	it('reads every gap by its kind, in order', () => {
		const read = readAnswers(form([['q4.g1', '7f3a9c01de'], ['q4.g2', ' đi học '], ['q4.g3', '3,5'], ['q4.g4', ''], ['q4.g4', 'x1'], ['q4.g4', 'x2']]), [cloze]);
		expect(read.errors).toEqual({});
		expect(read.answers['4']).toEqual({ kind: 'cloze', gaps: [{ choice: '7f3a9c01de' }, { text: ' đi học ' }, { value: 3.5 }, { choices: ['x1', 'x2'] }] });
	});

	it('keeps the empty gaps as null, so a half-filled text is saved as it is', () => {
		const read = readAnswers(form([['q4.g1', ''], ['q4.g2', 'đi'], ['q4.g3', ''], ['q4.g4', '']]), [cloze]);
		expect(read.answers['4']).toEqual({ kind: 'cloze', gaps: [null, { text: 'đi' }, null, null] });
	});

	it('clears the answer when every gap on the page was emptied', () => {
		const read = readAnswers(form([['q4.g1', ''], ['q4.g2', '  '], ['q4.g3', ''], ['q4.g4', '']]), [cloze]);
		expect(read.answers).toEqual({ '4': null });
	});

	it('leaves the question out when its gaps were not on the page', () => {
		expect(readAnswers(form([['q1', 'a']]), [cloze]).answers).toEqual({});
	});

	it('names a gap that is not a number, and saves nothing of the question', () => {
		const read = readAnswers(form([['q4.g1', 'a'], ['q4.g2', 'đi'], ['q4.g3', 'ba phẩy năm'], ['q4.g4', '']]), [cloze]);
		expect(read.errors).toEqual({ 4: 'quiz.errors.number_invalid' });
		expect(read.answers).toEqual({});
	});
});

describe('reading an essay', () => {
	it('keeps the text as written, line breaks included', () => {
		expect(readAnswers(form([['q2', 'Dòng một.\nDòng hai.']]), [essay]).answers).toEqual({ '2': { kind: 'essay', text: 'Dòng một.\nDòng hai.' } });
	});

	it('clears a blank essay and refuses one over 10 000 characters', () => {
		expect(readAnswers(form([['q2', '   ']]), [essay]).answers).toEqual({ '2': null });
		const long = readAnswers(form([['q2', 'a'.repeat(10_001)]]), [essay]);
		expect(long.errors).toEqual({ 2: 'quiz.errors.essay_too_long' });
		expect(long.answers).toEqual({});
	});
});
