import { describe, expect, it } from '@jest/globals';
import { filenameFromDisposition, serverMessage } from './httpClient';

describe("the server's refusal shown to the user", () => {
  it('is its message, and a validation error its sentences joined', () => {
    expect(serverMessage({ statusCode: 409, message: '期刊已签发，不能修改', error: 'Conflict' })).toBe('期刊已签发，不能修改');
    expect(serverMessage({ statusCode: 400, message: ['标题不能为空', '栏目必须是有效的 UUID'] })).toBe('标题不能为空；栏目必须是有效的 UUID');
  });

  it('is left to the generic message when the body says nothing', () => {
    expect(serverMessage({ statusCode: 500 })).toBeUndefined();
    expect(serverMessage({ message: '  ' })).toBeUndefined();
    expect(serverMessage('Internal Server Error')).toBeUndefined();
  });
});

describe('the name a downloaded PDF is saved under', () => {
  it("is the server's Chinese file name", () => {
    const name = '中原区大事月报（总第97期）.pdf';
    expect(filenameFromDisposition(`inline; filename="issue-97.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`)).toBe(name);
    expect(filenameFromDisposition('attachment; filename="issue-97.pdf"')).toBe('issue-97.pdf');
    expect(filenameFromDisposition(null)).toBeUndefined();
  });
});
