// The one list of tiptap extensions a lesson body may use. The future editor (studio) and the server
// renderer both take it from here, so what can be written is exactly what can be shown.
import { Node, mergeAttributes, type Extensions } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import Image from '@tiptap/extension-image';

/** Bumped when the list changes in a way stored bodies must be migrated for (lesson.body_schema). */
export const CONTENT_SCHEMA_VERSION = 1;

export const CALLOUT_TONES = ['tip', 'warning', 'info'] as const;

/** A highlighted box: a tip, a warning or a note. */
export const Callout = Node.create({
	name: 'callout',
	group: 'block',
	content: 'paragraph+',
	defining: true,
	addAttributes() {
		return {
			tone: {
				default: 'info',
				parseHTML: (element) => element.getAttribute('data-tone'),
				renderHTML: (attributes) => ({ 'data-tone': CALLOUT_TONES.includes(attributes.tone) ? attributes.tone : 'info' })
			}
		};
	},
	parseHTML: () => [{ tag: 'aside[data-callout]' }],
	renderHTML: ({ HTMLAttributes }) => ['aside', mergeAttributes({ 'data-callout': '', class: 'callout' }, HTMLAttributes), 0]
});

/** A self-hosted video file; preload is off because most learners are on thin data plans. */
export const Video = Node.create({
	name: 'video',
	group: 'block',
	atom: true,
	addAttributes() {
		return { src: { default: null }, title: { default: '' } };
	},
	parseHTML: () => [{ tag: 'video[src]' }],
	renderHTML: ({ HTMLAttributes }) => [
		'video',
		mergeAttributes({ controls: 'controls', preload: 'none', 'data-lesson-video': '' }, HTMLAttributes)
	]
});

/** A downloadable file (a form, a guide) linked from the lesson. */
export const FileAttachment = Node.create({
	name: 'fileAttachment',
	group: 'block',
	atom: true,
	addAttributes() {
		return { href: { default: null }, name: { default: '' } };
	},
	parseHTML: () => [{ tag: 'a[data-file]' }],
	renderHTML: ({ node }) => ['p', { class: 'file' }, ['a', { href: node.attrs.href, download: '', 'data-file': '' }, node.attrs.name || node.attrs.href]]
});

export const lessonExtensions: Extensions = [
	StarterKit.configure({
		codeBlock: false,
		code: false,
		undoRedo: false,
		dropcursor: false,
		gapcursor: false,
		trailingNode: false,
		heading: { levels: [2, 3] },
		link: { openOnClick: false, protocols: ['http', 'https', 'mailto'] }
	}),
	Image.configure({ inline: false }),
	Callout,
	Video,
	FileAttachment
];
