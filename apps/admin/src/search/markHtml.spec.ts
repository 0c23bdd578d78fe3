import { describe, expect, it } from '@jest/globals';
import { markedWords, markOnlyHtml } from './markHtml';

describe('markOnlyHtml: what a search result may put into the page as HTML', () => {
  it('keeps what the server sends: escaped text with <mark> around the matches', () => {
    const html = '徐立毅出席芝麻街<mark>双创</mark>园开园仪式 &amp; 座谈 &lt;一&gt; &quot;引&quot;';
    expect(markOnlyHtml(html)).toBe(html);
    expect(markedWords(html)).toEqual(['双创']);
  });

  it('escapes any other tag, so it shows as text instead of becoming an element', () => {
    expect(markOnlyHtml('<script>alert(1)</script>开园')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;开园');
    expect(markOnlyHtml('<img src=x onerror="alert(1)">')).toBe('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
  });

  it('escapes a <mark> that carries attributes or another spelling', () => {
    expect(markOnlyHtml('<mark onclick="x()">双创</mark>')).toBe('&lt;mark onclick=&quot;x()&quot;&gt;双创');
    expect(markOnlyHtml('<MARK>双创</MARK>')).toBe('&lt;MARK&gt;双创&lt;/MARK&gt;');
  });

  it('escapes a bare ampersand but keeps entities', () => {
    expect(markOnlyHtml('R&D 中心 &amp; &#20013; &#x4e2d; &nbsp;')).toBe('R&amp;D 中心 &amp; &#20013; &#x4e2d; &nbsp;');
  });

  it('balances the marks: closes one left open, drops a stray closing tag and a nested opening one', () => {
    expect(markOnlyHtml('<mark>双创')).toBe('<mark>双创</mark>');
    expect(markOnlyHtml('双创</mark>园')).toBe('双创园');
    expect(markOnlyHtml('<mark>双<mark>创</mark>园</mark>')).toBe('<mark>双创</mark>园');
  });

  it('gives an empty string for nothing', () => {
    expect(markOnlyHtml(undefined)).toBe('');
    expect(markOnlyHtml(null)).toBe('');
    expect(markOnlyHtml('')).toBe('');
  });
});
