import { describe, expect, it } from '@jest/globals';
import { bookTitle, nestedTitle } from './book-title';

describe('book-title marks around a title', () => {
  it('puts a plain title in 《》', () => {
    expect(bookTitle('区政府召开防汛工作会议')).toBe('《区政府召开防汛工作会议》');
  });

  it('writes the title’s own 《》 as 〈〉 inside the outer marks', () => {
    expect(bookTitle('全区组织观看电影《长津湖》')).toBe('《全区组织观看电影〈长津湖〉》');
    expect(nestedTitle('《学习纲要》与《长津湖》')).toBe('〈学习纲要〉与〈长津湖〉');
  });

  it('turns a third level’s 〈〉 back into 《》', () => {
    expect(bookTitle('举办《读〈论语〉》分享会')).toBe('《举办〈读《论语》〉分享会》');
  });

  it('leaves other brackets and quotation marks alone', () => {
    expect(bookTitle('“十四五”规划（草案）【征求意见】<稿>')).toBe('《“十四五”规划（草案）【征求意见】<稿>》');
  });
});
