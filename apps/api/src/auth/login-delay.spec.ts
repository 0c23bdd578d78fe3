import { delayAfter } from './login-delay';

it('lets five failures pass, then doubles the wait from one second up to five minutes', () => {
  expect([1, 2, 3, 4].map(delayAfter)).toEqual([0, 0, 0, 0]);
  expect([5, 6, 7, 8, 9].map(delayAfter)).toEqual([1, 2, 4, 8, 16]);
  expect(delayAfter(13)).toBe(256);
  expect(delayAfter(14)).toBe(300);
  expect(delayAfter(1000)).toBe(300);
});
