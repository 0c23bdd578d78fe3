import polyglotI18nProvider from 'ra-i18n-polyglot';
import zhCnMessages from './zh-cn';

export const DEFAULT_LOCALE = 'zh-CN';

export const i18nProvider = polyglotI18nProvider(
  locale => (locale === 'en' ? import('./en').then(module => module.default) : zhCnMessages),
  DEFAULT_LOCALE,
  [
    { locale: DEFAULT_LOCALE, name: '简体中文' },
    { locale: 'en', name: 'English' },
  ],
);
