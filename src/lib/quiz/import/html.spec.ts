import { describe, expect, it } from 'vitest';
import { decodeEntities, htmlLosses, htmlToText } from './html.ts';

describe('decodeEntities', () => {
	it.each([
		['a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;', 'a & b <c> "d" \'e\''],
		['&#273;&#x1EA1;&#X1ea1;', 'đạạ'],
		['&agrave;&Aacute;&ecirc;&Ocirc;&otilde;&uacute;&yacute;', 'àÁêÔõúý'],
		['&hellip;&ndash;&mdash;&ldquo;x&rdquo;', '…–—“x”'],
		['&AMP;', '&'],
		['&unknown; &#0; &#xD800; &#1114112; & ;', '&unknown; &#0; &#xD800; &#1114112; & ;'],
		['&amp;lt;', '&lt;']
	])('decodes %j', (text, expected) => {
		expect(decodeEntities(text)).toBe(expected);
	});
});

describe('htmlToText', () => {
	it.each([
		['<p>Một</p><p>Hai</p>', 'Một\nHai'],
		['Một<br>Hai<br/>Ba<BR />Bốn', 'Một\nHai\nBa\nBốn'],
		['<ul><li>a</li><li>b</li></ul>', 'a\nb'],
		['<p>  nhiều\n\n   khoảng   trắng </p>', 'nhiều khoảng trắng'],
		['<p>a</p><p></p><p></p><p>b</p>', 'a\n\nb'],
		['<p dir="ltr" style="text-align: left;">Chữ <span class="x">đậm</span></p>', 'Chữ đậm'],
		['a&nbsp;&nbsp;b', 'a b'],
		['<script>alert(1)</script><style>p{}</style>Văn bản<!-- ghi chú -->', 'Văn bản'],
		['a < b và c > d', 'a < b và c > d'],
		['&lt;b&gt;không phải thẻ&lt;/b&gt;', '<b>không phải thẻ</b>'],
		['<img src="@@PLUGINFILE@@/a.png" alt="ảnh">Xem hình', 'Xem hình']
	])('turns %j into plain text', (html, text) => {
		expect(htmlToText(html)).toBe(text);
	});
});

describe('htmlLosses', () => {
	it.each([
		['Chỉ có chữ', { media: false, formatting: false }],
		['<p dir="ltr" style="text-align: left;">Một<br/>hai</p><P>ba</P>', { media: false, formatting: false }],
		['<p>Chữ <b>đậm</b></p>', { media: false, formatting: true }],
		['<span class="x">a</span>', { media: false, formatting: true }],
		['<table><tr><td>1</td></tr></table>', { media: false, formatting: true }],
		['<p><img src="@@PLUGINFILE@@/a.png" alt="ảnh"></p>', { media: true, formatting: false }],
		['<video src="a.mp4"></video><b>x</b>', { media: true, formatting: true }],
		['<!-- <b>ghi chú</b> -->a < b và c > d', { media: false, formatting: false }]
	])('says what htmlToText drops from %j', (html, losses) => {
		expect(htmlLosses(html)).toEqual(losses);
	});
});
