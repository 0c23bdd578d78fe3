import { defaultDarkTheme, defaultLightTheme, type RaThemeOptions } from 'react-admin';

/** Chinese text first: fonts with full CJK coverage before the Latin defaults. */
const fontFamily = [
  '"Noto Sans CJK SC"',
  '"Noto Sans SC"',
  '"Source Han Sans SC"',
  '"PingFang SC"',
  '"Microsoft YaHei"',
  'Roboto',
  'Helvetica',
  'Arial',
  'sans-serif',
].join(',');

export const lightTheme: RaThemeOptions = {
  ...defaultLightTheme,
  typography: { ...defaultLightTheme.typography, fontFamily },
};

export const darkTheme: RaThemeOptions = {
  ...defaultDarkTheme,
  typography: { ...defaultDarkTheme.typography, fontFamily },
};
