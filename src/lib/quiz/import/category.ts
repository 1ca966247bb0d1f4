// Moodle category paths ("$course$/top/Default for Tin học/Phần 1/Lừa đảo") as a bank's category path
// (['Phần 1', 'Lừa đảo']), and back. Moodle writes a "/" inside a name as "//" (qformat_default::split_category_path).

/** "$course$", "$system$", "$module$", "$cat1$": the Moodle context a path starts with, which has no counterpart. */
const CONTEXT = /^\$[a-z0-9]+\$$/;
/** The default category Moodle makes for each context, in English and in Vietnamese Moodle. */
const DEFAULT_CATEGORY = /^(default for|mặc định cho)\s/i;

function splitPath(path: string): string[] {
	return path.split(/(?<!\/)\/(?!\/)/).map((name) => name.replaceAll('//', '/').trim());
}

/** The category names under the bank's top, outermost first; empty names (a trailing "/") are dropped. */
export function readCategoryPath(path: string): string[] {
	const names = splitPath(path.trim()).filter((name) => name !== '');
	if (names.length > 0 && CONTEXT.test(names[0])) names.shift();
	if (names.length > 0 && names[0].toLowerCase() === 'top') names.shift();
	if (names.length > 0 && DEFAULT_CATEGORY.test(names[0])) names.shift();
	return names;
}

/** The path as Moodle writes it, in the course's question bank: readCategoryPath gives the names back. */
export function writeCategoryPath(names: string[]): string {
	return ['$course$', 'top', ...names.map((name) => name.replaceAll('/', '//'))].join('/');
}
