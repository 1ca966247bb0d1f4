import { describe, expect, it } from 'vitest';
import { formatCount, formatFigure, roundFigure, scaleEnd, stateOf } from './format.ts';

describe('figures as the dashboard shows them', () => {
	it('round an apportioned count to a whole number and a share to one decimal, in the page\'s language', () => {
		expect(formatCount(3597.937, 'vi')).toBe('3.598');
		expect(formatCount(3597.937, 'en')).toBe('3,598');
		expect(formatFigure(36.957687376151064, 'count', 'vi')).toBe('37');
		expect(formatFigure(72.46, 'percent', 'vi')).toBe('72,5 %');
		expect(formatFigure(72.46, 'percent', 'en')).toBe('72.5 %');
		expect(formatFigure(80, 'percent', 'vi')).toBe('80 %');
		expect(formatFigure(null, 'percent', 'vi')).toBe('—');
	});

	it('round for the exports by the same rule, as numbers', () => {
		expect(roundFigure(36.957687376151064, 'count')).toBe(37);
		expect(roundFigure(3597.4, 'count')).toBe(3597);
		expect(roundFigure(72.46, 'percent')).toBe(72.5);
		expect(roundFigure(48.44, 'percent')).toBe(48.4);
		expect(roundFigure(-0.0001, 'percent')).toBe(0);
		expect(roundFigure(null, 'count')).toBeNull();
	});

	it('name the state of a figure', () => {
		expect(stateOf({ hidden: true, met: null })).toBe('hidden');
		expect(stateOf({ hidden: false, met: null })).toBe('no_data');
		expect(stateOf({ hidden: false, met: true })).toBe('met');
		expect(stateOf({ hidden: false, met: false })).toBe('not_met');
	});
});

describe('a bar\'s scale', () => {
	it('ends at 100 for a share that should be high', () => {
		expect(scaleEnd([12, 97], 80, 'percent', 'at_least')).toBe(100);
	});

	it('ends past the larger of the values and the target otherwise, so that small shares and counts are readable', () => {
		expect(scaleEnd([1.2, 3], 2, 'percent', 'at_most')).toBe(3.75);
		expect(scaleEnd([1200, 2400], null, 'count', 'at_least')).toBe(3000);
		expect(scaleEnd([0, 0], null, 'count', 'at_least')).toBe(1);
	});
});
